/**
 * npm run bench:import — imports 10,000 generated employees through EmployeeImportService into a
 * throwaway database and prints rows/s, then loads the same rows into the same tables with COPY
 * (the floor for any loader) and prints the ratio. Needs PostgreSQL (DATABASE_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres). No Redis needed.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditRepository } from '../src/audit/audit.repository';
import { AuditService } from '../src/audit/audit.service';
import type { TxHost } from '../src/database/transaction';
import { runMigrations } from '../src/database/migrate';
import { typeormOptions } from '../src/database/typeorm-options';
import { AccountsRepository } from '../src/identity/accounts.repository';
import { EmployeeAccounts } from '../src/identity/employee-accounts.service';
import { PasswordHasher } from '../src/identity/password-hasher';
import { EmployeeImportRepository } from '../src/org/import/employee-import.repository';
import { EmployeeImportService } from '../src/org/import/employee-import.service';
import { EmployeePersonalRepository } from '../src/org/employee-personal.repository';
import { OutboxRepository } from '../src/outbox/outbox.repository';
import { OutboxService } from '../src/outbox/outbox.service';
import { generateRoster, randomNipPrefix, RosterRow } from '../test/support/roster-generator';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const UNITS = 20;

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const csv = (v: unknown) =>
  v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);

async function copy(client: Client, sql: string, lines: string[]): Promise<void> {
  await pipeline(Readable.from(lines.map((l) => `${l}\n`)), client.query(copyFrom(sql)));
}

/** COPY of the same rows into employees and employee_assignments (ids made here, no checks, no audit). */
async function copyBaseline(url: string, rows: RosterRow[], unitIds: Map<string, string>): Promise<number> {
  const ids = new Map(rows.map((r) => [r.nip, randomUUID()]));
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const start = process.hrtime.bigint();
    await client.query('BEGIN');
    await copy(
      client,
      'COPY employees (id, nip, name, status) FROM STDIN WITH (FORMAT csv)',
      rows.map((r) => [ids.get(r.nip), r.nip, r.name, r.status].map(csv).join(',')),
    );
    await copy(
      client,
      'COPY employee_assignments (employee_id, valid_from, unit_id, golongan, supervisor_id, position_title, position_kind, jenjang, kelas_jabatan, is_unit_head, tmt, reason) FROM STDIN WITH (FORMAT csv)',
      rows.map((r) =>
        [
          ids.get(r.nip),
          r.position.tmt,
          unitIds.get(r.unitCode),
          r.golongan,
          r.supervisorNip ? ids.get(r.supervisorNip) : null,
          r.position.title,
          r.position.kind,
          r.position.jenjang,
          r.position.kelasJabatan,
          r.position.isUnitHead,
          r.position.tmt,
          'initial',
        ]
          .map(csv)
          .join(','),
      ),
    );
    await client.query('COMMIT');
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    await client.end();
  }
}

/** A transaction host for this one-at-a-time run outside Nest: `withTransaction` opens one, `tx` is it. */
function sequentialTxHost(ds: DataSource): TxHost {
  let current: EntityManager | null = null;
  return {
    get tx() {
      return current ?? ds.manager;
    },
    withTransaction: <T>(fn: () => Promise<T>): Promise<T> =>
      ds.transaction(async (m) => {
        current = m;
        try {
          return await fn();
        } finally {
          current = null;
        }
      }),
  } as unknown as TxHost;
}

export async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = `skp_bench_${process.pid}_${Date.now()}`;
  const url = withDb(adminUrl, db);
  await admin(adminUrl, `CREATE DATABASE ${db}`);
  const ds = new DataSource(typeormOptions(url));
  try {
    await runMigrations(url);
    await ds.initialize();
    const unitIds = new Map<string, string>();
    for (let i = 0; i < UNITS; i++) {
      const code = `BENCH-${i}`;
      const [u] = await ds.query(`INSERT INTO units (code, name) VALUES ($1, $2) RETURNING id`, [code, `Unit ${i}`]);
      unitIds.set(code, u.id);
    }
    const rows = generateRoster(ROWS, [...unitIds.keys()], randomNipPrefix());
    const host = sequentialTxHost(ds);
    const importer = new EmployeeImportService(
      host,
      new EmployeeImportRepository(host),
      new AuditService(new AuditRepository(host)),
      new OutboxService(new OutboxRepository(host)),
      new EmployeeAccounts(new AccountsRepository(host), new PasswordHasher()),
      new EmployeePersonalRepository(host),
    );

    const start = process.hrtime.bigint();
    const result = await importer.import(rows);
    const importMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(result)}`);
    const reStart = process.hrtime.bigint();
    const again = await importer.import(rows);
    const reMs = Number(process.hrtime.bigint() - reStart) / 1e6;

    await ds.query(`TRUNCATE employee_assignments, employees CASCADE`);
    const copyMs = await copyBaseline(url, rows, unitIds);

    const rate = (ms: number) => Math.round((ROWS / ms) * 1000);
    console.log(
      `employee import benchmark, ${ROWS} rows, ${UNITS} units (PostgreSQL ${(await ds.query('SHOW server_version'))[0].server_version})`,
    );
    console.log(
      `  import (validate + plan + write + audit + outbox, one transaction): ${importMs.toFixed(0)} ms  ${rate(importMs)} rows/s`,
    );
    console.log(
      `  re-import of the same file (no changes, updated=${again.updated}):      ${reMs.toFixed(0)} ms  ${rate(reMs)} rows/s`,
    );
    console.log(
      `  baseline COPY into employees + employee_assignments:                ${copyMs.toFixed(0)} ms  ${rate(copyMs)} rows/s`,
    );
    console.log(`  import / COPY time ratio: ${(importMs / copyMs).toFixed(1)}x`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}
