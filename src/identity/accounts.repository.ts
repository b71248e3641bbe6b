import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { AccountRole, UserAccountEntity } from './entities/user-account.entity';

/** What each request's token is checked against (the account as it is now). */
export interface AccountState {
  id: string;
  nip: string;
  role: AccountRole;
  employeeId: string | null;
  disabled: boolean;
  tokenVersion: number;
}

/** The `user_accounts` table. */
@Injectable()
export class AccountsRepository extends BaseRepository {
  private get repo() {
    return this.db().getRepository(UserAccountEntity);
  }

  findByNip(nip: string): Promise<UserAccountEntity | null> {
    return this.repo.findOneBy({ nip });
  }

  /** The row locked for update (inside the caller's transaction). */
  lockByNip(nip: string): Promise<UserAccountEntity | null> {
    return this.repo.findOne({ where: { nip }, lock: { mode: 'pessimistic_write' } });
  }

  async state(accountId: string): Promise<AccountState | null> {
    const rows: AccountState[] = await this.db().query(
      `SELECT id, nip, role, employee_id AS "employeeId", disabled, token_version AS "tokenVersion" FROM user_accounts WHERE id = $1`,
      [accountId],
    );
    return rows[0] ?? null;
  }

  async otherEnabledAdmins(exceptId: string): Promise<number> {
    const [{ n }] = await this.db().query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM user_accounts WHERE role = 'ADMIN' AND NOT disabled AND id <> $1`,
      [exceptId],
    );
    return n;
  }

  countAdmins(): Promise<number> {
    return this.repo.countBy({ role: 'ADMIN' });
  }

  async update(id: string, change: Partial<UserAccountEntity>): Promise<void> {
    await this.repo.update({ id }, change);
  }

  async insert(row: { nip: string; passwordHash: string; role: AccountRole; employeeId: string | null }) {
    await this.repo.insert({ ...row, disabled: false });
  }

  /** A new password ends every token issued before it. */
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db().query(
      `UPDATE user_accounts SET password_hash = $2, token_version = token_version + 1 WHERE id = $1`,
      [id, passwordHash],
    );
  }

  /** CLI create-admin: the account becomes (or stays) an ADMIN with this password. */
  async upsertAdmin(nip: string, passwordHash: string): Promise<void> {
    await this.db().query(
      `INSERT INTO user_accounts (nip, password_hash, role) VALUES ($1, $2, 'ADMIN')
       ON CONFLICT (nip) DO UPDATE SET role = 'ADMIN', password_hash = EXCLUDED.password_hash`,
      [nip, passwordHash],
    );
  }

  /** Serialises concurrent bootstraps (several processes start at once); call inside a transaction. */
  async lockBootstrap(): Promise<void> {
    await this.db().query(`SELECT pg_advisory_xact_lock(hashtext('bootstrap-admin'))`);
  }

  /** Of these employees (ids and NIPs pairwise), the ids of those with an account by NIP or by link. */
  async employeesWithAccount(ids: string[], nips: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db().query(
      `SELECT v.id FROM unnest($1::uuid[], $2::char(18)[]) AS v(id, nip)
        WHERE EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.nip = v.nip OR ua.employee_id = v.id)`,
      [ids, nips],
    );
    return rows.map((r) => r.id);
  }

  /** EMPLOYEE accounts, in one statement. */
  async insertEmployeeAccounts(nips: string[], passwordHashes: string[], employeeIds: string[]): Promise<void> {
    await this.db().query(
      `INSERT INTO user_accounts (nip, password_hash, role, employee_id, disabled) SELECT v.nip, v.h, 'EMPLOYEE', v.id, false FROM unnest($1::char(18)[], $2::varchar[], $3::uuid[]) AS v(nip, h, id)`,
      [nips, passwordHashes, employeeIds],
    );
  }
}
