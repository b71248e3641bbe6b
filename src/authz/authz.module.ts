import { Global, Module } from '@nestjs/common';
import { OrgDirectory } from '../org/org-directory.service';
import { EmployeePersonalRepository } from '../org/employee-personal.repository';
import { OrgDirectoryRepository } from '../org/org-directory.repository';
import { UnitTreeRepository } from '../org/unit-tree.repository';
import { AccessPolicy } from './access-policy';

@Global()
@Module({
  providers: [OrgDirectory, AccessPolicy, EmployeePersonalRepository, UnitTreeRepository, OrgDirectoryRepository],
  exports: [OrgDirectory, AccessPolicy, EmployeePersonalRepository, UnitTreeRepository],
})
export class AuthzModule {}
