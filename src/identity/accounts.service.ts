import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { AccountStateCache } from './account-state';
import { AccountsRepository } from './accounts.repository';
import { AccountRole, UserAccountEntity } from './entities/user-account.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

export interface AccountView {
  nip: string;
  role: AccountRole;
  disabled: boolean;
  employeeId: string | null;
}

const view = (a: UserAccountEntity): AccountView => ({
  nip: a.nip,
  role: a.role,
  disabled: a.disabled,
  employeeId: a.employeeId,
});

/**
 * Account administration. Every change that affects what a token may do (disable, role, password)
 * bumps the token version in the same statement, so every token issued before it stops working.
 */
@Injectable()
export class AccountsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly state: AccountStateCache,
    private readonly throttle: LoginThrottle,
  ) {}

  async get(nip: string): Promise<AccountView> {
    const a = await this.accounts.findByNip(nip);
    if (!a) throw new NotFoundError('Akun / account');
    return view(a);
  }

  async update(nip: string, change: { disabled?: boolean; role?: AccountRole }): Promise<AccountView> {
    const { id, after } = await this.txHost.withTransaction(async () => {
      const a = await this.lock(nip);
      const next = { disabled: change.disabled ?? a.disabled, role: change.role ?? a.role };
      if (next.disabled === a.disabled && next.role === a.role) return { id: a.id, after: view(a) };
      if (a.role === 'ADMIN' && !a.disabled && (next.role !== 'ADMIN' || next.disabled)) {
        if ((await this.accounts.otherEnabledAdmins(a.id)) === 0)
          throw new ConflictError(
            'Admin aktif terakhir tidak dapat dinonaktifkan / the last enabled ADMIN cannot be disabled or demoted',
          );
      }
      await this.accounts.update(a.id, { ...next, tokenVersion: a.tokenVersion + 1 });
      await this.audit.record({
        action: 'account.update',
        entityType: 'UserAccount',
        entityId: nip,
        before: { disabled: a.disabled, role: a.role },
        after: next,
      });
      return { id: a.id, after: { ...view(a), ...next } };
    });
    await this.state.changed({ kind: 'account', id });
    return after;
  }

  async setPassword(nip: string, newPassword: string): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    const id = await this.txHost.withTransaction(async () => {
      const a = await this.lock(nip);
      await this.accounts.update(a.id, { passwordHash, tokenVersion: a.tokenVersion + 1 });
      await this.audit.record({ action: 'account.password-reset', entityType: 'UserAccount', entityId: nip });
      return a.id;
    });
    await this.state.changed({ kind: 'account', id });
  }

  /** The caller's own password: the current one is checked behind the login throttle. */
  async changeOwn(nip: string, currentPassword: string, newPassword: string, address: string): Promise<void> {
    await this.throttle.attempt(nip, address);
    const a = await this.accounts.findByNip(nip);
    if (!a || a.disabled || !(await this.hasher.verify(a.passwordHash, currentPassword))) {
      throw new UnauthenticatedError('Kata sandi saat ini salah / current password is wrong', [
        { field: 'currentPassword', problem: 'is wrong' },
      ]);
    }
    await this.throttle.succeeded(nip, address);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.txHost.withTransaction(async () => {
      await this.accounts.setPasswordHash(a.id, passwordHash);
      await this.audit.record({ action: 'account.password-change', entityType: 'UserAccount', entityId: nip });
    });
    await this.state.changed({ kind: 'account', id: a.id });
  }

  private async lock(nip: string): Promise<UserAccountEntity> {
    const a = await this.accounts.lockByNip(nip);
    if (!a) throw new NotFoundError('Akun / account');
    return a;
  }
}
