import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { OutboxModule } from '../outbox/outbox.module';
import { Clock } from './clock';

/**
 * What every feature may inject without importing it: the clock, the audit writer and the outbox
 * (both write in the caller's transaction), the queues. One of the three global modules (with AppConfigModule
 * and AuthzModule, the org directory and access policy).
 */
@Global()
@Module({
  imports: [AuditModule, OutboxModule, JobsModule],
  providers: [Clock],
  exports: [Clock, AuditModule, OutboxModule, JobsModule],
})
export class CommonModule {}
