import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthzModule } from './authz/authz.module';
import { CommonModule } from './common/common.module';
import { loggerParams } from './common/logging';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { IdentityModule } from './identity/identity.module';
import { JobsModule } from './jobs/jobs.module';
import { OutboxModule } from './outbox/outbox.module';

/** Infrastructure shared by the API, the worker and the CLI. */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (c: AppConfig) => loggerParams(c.get('LOG_LEVEL')) }),
    CommonModule,
    DatabaseModule,
    AuditModule,
    OutboxModule,
    JobsModule,
    IdentityModule,
    AuthzModule,
  ],
})
export class CoreModule {}
