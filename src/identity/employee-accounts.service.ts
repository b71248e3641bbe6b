import { Injectable } from '@nestjs/common';
import { AccountsRepository } from './accounts.repository';
import { PasswordHasher } from './password-hasher';

/** Password hashes computed at once during an import (each argon2 hash holds its own memory). */
const HASH_CONCURRENCY = 8;

/**
 * Published writer port: EMPLOYEE accounts made for employees the organisation import creates. Runs
 * inside the caller's transaction, so an import that fails leaves no account behind.
 */
@Injectable()
export class EmployeeAccounts {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Ids of these employees that already have an account (by NIP or by employee link). */
  async withAccount(employees: { id: string; nip: string }[]): Promise<Set<string>> {
    if (employees.length === 0) return new Set();
    return new Set(
      await this.accounts.employeesWithAccount(
        employees.map((e) => e.id),
        employees.map((e) => e.nip),
      ),
    );
  }

  /** One EMPLOYEE account per row, passwords hashed here, in one statement. */
  async create(rows: { nip: string; password: string; employeeId: string }[]): Promise<void> {
    if (rows.length === 0) return;
    const hashes = await this.hashAll(rows.map((r) => r.password));
    await this.accounts.insertEmployeeAccounts(
      rows.map((r) => r.nip),
      hashes,
      rows.map((r) => r.employeeId),
    );
  }

  private async hashAll(passwords: string[]): Promise<string[]> {
    const out = new Array<string>(passwords.length);
    let next = 0;
    const worker = async () => {
      while (next < passwords.length) {
        const i = next++;
        out[i] = await this.hasher.hash(passwords[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, passwords.length) }, worker));
    return out;
  }
}
