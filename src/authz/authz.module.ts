import { Global, Module } from '@nestjs/common';
import { OrgDirectory } from '../org/org-directory.service';
import { EmployeePersonalRepository } from '../org/employee-personal.repository';
import { AccessPolicy } from './access-policy';

@Global()
@Module({
  providers: [OrgDirectory, AccessPolicy, EmployeePersonalRepository],
  exports: [OrgDirectory, AccessPolicy, EmployeePersonalRepository],
})
export class AuthzModule {}
