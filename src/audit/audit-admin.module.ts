import { Module } from '@nestjs/common';
import { AuditTrailController } from './audit-trail.controller';

/** HTTP view of the audit log (API process only). */
@Module({ controllers: [AuditTrailController] })
export class AuditAdminModule {}
