import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '../audit/audit.service';
import { UnauthenticatedError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { TransactionHost, type TxHost } from '../database/transaction';
import { AccountsRepository } from './accounts.repository';
import type { JwtClaims } from './auth.guard';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

// A fixed hash to verify against when the NIP is unknown, so timing does not reveal which NIPs exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$F4m0ZOtRUXzRDFiVGvyZq0Tb8nmNC5WDu8uDmLEH7jc';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Every password check goes through here, behind the login throttle (`address` = the client's, as Fastify resolved it). */
  async login(nip: string, password: string, address: string): Promise<{ accessToken: string; expiresIn: number }> {
    await this.throttle.attempt(nip, address);
    const account = await this.accounts.findByNip(nip);
    const ok = await this.hasher.verify(account?.passwordHash ?? DUMMY_HASH, password);
    if (!account || !ok || account.disabled) {
      throw new UnauthenticatedError('NIP atau kata sandi salah / wrong NIP or password');
    }
    await this.throttle.succeeded(nip, address);
    const claims: JwtClaims = {
      sub: account.id,
      nip: account.nip,
      role: account.role,
      emp: account.employeeId,
      ver: account.tokenVersion,
    };
    const expiresIn = this.config.get('JWT_TTL_SECONDS');
    return { accessToken: await this.jwt.signAsync(claims, { expiresIn }), expiresIn };
  }

  /** Creates the first ADMIN from BOOTSTRAP_ADMIN_* when no admin exists yet. Idempotent. */
  async ensureBootstrapAdmin(): Promise<boolean> {
    const nip = this.config.get('BOOTSTRAP_ADMIN_NIP');
    const password = this.config.get('BOOTSTRAP_ADMIN_PASSWORD');
    if (!nip || !password) return false;
    const passwordHash = await this.hasher.hash(password);
    return this.txHost.withTransaction(async () => {
      await this.accounts.lockBootstrap();
      if ((await this.accounts.countAdmins()) > 0) return false;
      const existing = await this.accounts.findByNip(nip);
      if (existing)
        await this.accounts.update(existing.id, {
          role: 'ADMIN',
          passwordHash,
          tokenVersion: existing.tokenVersion + 1,
        });
      else await this.accounts.insert({ nip, passwordHash, role: 'ADMIN', employeeId: null });
      await this.audit.record({
        action: 'account.bootstrap-admin',
        entityType: 'UserAccount',
        entityId: nip,
        after: { role: 'ADMIN' },
      });
      this.logger.log({ nip }, 'bootstrap admin created');
      return true;
    });
  }
}
