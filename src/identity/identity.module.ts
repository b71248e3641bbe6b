import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { ApiKeyService } from './api-key.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { UserAccountEntity } from './entities/user-account.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserAccountEntity, ApiKeyEntity]),
    JwtModule.registerAsync({
      global: true,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => ({ secret: c.get('JWT_SECRET'), signOptions: { issuer: 'skp-engine' }, verifyOptions: { issuer: 'skp-engine' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [PasswordHasher, LoginThrottle, AuthService, ApiKeyService, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [PasswordHasher, LoginThrottle, AuthService, ApiKeyService, AuthGuard],
})
export class IdentityModule {}
