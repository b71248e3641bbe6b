import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiError, conflict, notFound } from '../common/api-error';
import { AccountStateCache } from './account-state';
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
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly state: AccountStateCache,
    private readonly throttle: LoginThrottle,
  ) {}

  async get(nip: string): Promise<AccountView> {
    const a = await this.dataSource.getRepository(UserAccountEntity).findOneBy({ nip });
    if (!a) throw notFound('Akun / account');
    return view(a);
  }

  async update(nip: string, change: { disabled?: boolean; role?: AccountRole }): Promise<AccountView> {
    const { id, after } = await this.dataSource.transaction(async (m) => {
      const a = await this.lock(m, nip);
      const next = { disabled: change.disabled ?? a.disabled, role: change.role ?? a.role };
      if (next.disabled === a.disabled && next.role === a.role) return { id: a.id, after: view(a) };
      if (a.role === 'ADMIN' && !a.disabled && (next.role !== 'ADMIN' || next.disabled)) {
        const [{ n }] = await m.query(
          `SELECT count(*)::int AS n FROM user_accounts WHERE role = 'ADMIN' AND NOT disabled AND id <> $1`,
          [a.id],
        );
        if (n === 0)
          throw conflict(
            'Admin aktif terakhir tidak dapat dinonaktifkan / the last enabled ADMIN cannot be disabled or demoted',
          );
      }
      await m.getRepository(UserAccountEntity).update({ id: a.id }, { ...next, tokenVersion: a.tokenVersion + 1 });
      await this.audit.record(m, {
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
    const id = await this.dataSource.transaction(async (m) => {
      const a = await this.lock(m, nip);
      await m.getRepository(UserAccountEntity).update({ id: a.id }, { passwordHash, tokenVersion: a.tokenVersion + 1 });
      await this.audit.record(m, { action: 'account.password-reset', entityType: 'UserAccount', entityId: nip });
      return a.id;
    });
    await this.state.changed({ kind: 'account', id });
  }

  /** The caller's own password: the current one is checked behind the login throttle. */
  async changeOwn(nip: string, currentPassword: string, newPassword: string, address: string): Promise<void> {
    await this.throttle.attempt(nip, address);
    const a = await this.dataSource.getRepository(UserAccountEntity).findOneBy({ nip });
    if (!a || a.disabled || !(await this.hasher.verify(a.passwordHash, currentPassword))) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'Kata sandi saat ini salah / current password is wrong', [
        { field: 'currentPassword', problem: 'is wrong' },
      ]);
    }
    await this.throttle.succeeded(nip, address);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE user_accounts SET password_hash = $2, token_version = token_version + 1 WHERE id = $1`, [
        a.id,
        passwordHash,
      ]);
      await this.audit.record(m, { action: 'account.password-change', entityType: 'UserAccount', entityId: nip });
    });
    await this.state.changed({ kind: 'account', id: a.id });
  }

  private async lock(m: EntityManager, nip: string): Promise<UserAccountEntity> {
    const a = await m.getRepository(UserAccountEntity).findOne({ where: { nip }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw notFound('Akun / account');
    return a;
  }
}
