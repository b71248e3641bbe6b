import { Global, Module } from '@nestjs/common';
import { OrgDirectory } from '../org/org-directory.service';
import { AccessPolicy } from './access-policy';

@Global()
@Module({ providers: [OrgDirectory, AccessPolicy], exports: [OrgDirectory, AccessPolicy] })
export class AuthzModule {}
