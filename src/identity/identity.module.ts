import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { ApiKeyService } from './api-key.service';
import { AuthController } from './auth.controller';
import { AuthGuard, JWT_ALGORITHM } from './auth.guard';
import { AccountStateCache } from './account-state';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { EmployeeAccounts } from './employee-accounts.service';
import { ApiKeysRepository } from './api-keys.repository';
import { AuthService } from './auth.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { UserAccountEntity } from './entities/user-account.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserAccountEntity, ApiKeyEntity]),
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => ({
        // A KeyObject made once: given a string, jsonwebtoken first tries createPublicKey on every verify
        // (a thrown error per request, 6.5 % of the API's CPU under bench:api) before falling back to HMAC.
        secret: createSecretKey(Buffer.from(c.get('JWT_SECRET'))),
        signOptions: { issuer: 'skp-engine', algorithm: JWT_ALGORITHM },
        verifyOptions: { issuer: 'skp-engine', algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [
    AccountsRepository,
    ApiKeysRepository,
    PasswordHasher,
    LoginThrottle,
    AccountStateCache,
    AccountsService,
    EmployeeAccounts,
    AuthService,
    ApiKeyService,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [
    AccountsRepository,
    PasswordHasher,
    LoginThrottle,
    AccountStateCache,
    AccountsService,
    EmployeeAccounts,
    AuthService,
    ApiKeyService,
    AuthGuard,
  ],
})
export class IdentityModule {}
