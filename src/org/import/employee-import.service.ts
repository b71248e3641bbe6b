import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecord, AuditService } from '../../audit/audit.service';
import { ApiError } from '../../common/api-error';
import { RequestContext } from '../../common/request-context';
import { PasswordHasher } from '../../identity/password-hasher';
import { OutboxService } from '../../outbox/outbox.service';
import { EMPTY_PERSONAL, EmployeePersonalFields } from '../employee-personal';
import { EmployeePersonalRepository } from '../employee-personal.repository';
import { readImportBody } from './import-input';
import { findSupervisionCycles } from './supervision-cycles';
import { fieldName, ImportError, ImportFormat, ImportRow } from './import-rows';

export interface ImportResult {
  created: number;
  updated: number;
  errors: ImportError[];
}

interface Existing {
  id: string;
  nip: string;
  name: string;
  status: string;
  has_account: boolean;
}

interface Assignment {
  id: string;
  employee_id: string;
  valid_from: string;
  valid_to: string | null;
  unit_id: string;
  golongan: string;
  supervisor_nip: string | null;
  position_title: string;
  position_kind: string;
  jenjang: string | null;
  kelas_jabatan: number;
  is_unit_head: boolean;
  tmt: string;
}

interface Plan {
  row: ImportRow;
  unitId: string;
  existing: Existing | null;
  /** the assignment to close at row.effectiveFrom, when the new row splits history */
  close: Assignment | null;
  /** a new assignment row is needed (create, or something changed) */
  assign: boolean;
  newValidTo: string | null;
  identityChanged: boolean;
  createAccount: boolean;
  before: Assignment | null;
  /** personal fields to write (the row's merged over what is stored), null when nothing changes */
  personal: EmployeePersonalFields | null;
  personalBefore: EmployeePersonalFields | null;
}

const HASH_CONCURRENCY = 8;

/**
 * POST /employees/import: up to 10,000 employees in one transaction, all-or-nothing, idempotent
 * on NIP. Set-based: a handful of lookups and one multi-row statement per table (unnest arrays),
 * whatever the number of rows.
 */
@Injectable()
export class EmployeeImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly personalRepo: EmployeePersonalRepository,
  ) {}

  async import(body: unknown): Promise<ImportResult> {
    return this.run(body, false) as Promise<ImportResult>;
  }

  /**
   * Every problem the import would report, without writing anything (the checks read the database
   * as the import would): the rows of the import error report, with the NIP written on each row.
   */
  async problems(body: unknown): Promise<{ errors: ImportError[]; nipByRow: Map<number, string> }> {
    return this.run(body, true) as Promise<{ errors: ImportError[]; nipByRow: Map<number, string> }>;
  }

  private async run(body: unknown, checkOnly: boolean) {
    const parsed = readImportBody(body);
    const errors = [...parsed.errors];
    const f = (key: Parameters<typeof fieldName>[0]) => fieldName(key, parsed.format);
    const byNip = new Map<string, ImportRow>();
    for (const r of parsed.rows) {
      const first = byNip.get(r.nip);
      if (first)
        errors.push({
          row: r.row,
          field: f('nip'),
          problem: `NIP ganda, sama dengan baris ${first.row} / duplicate of row ${first.row}`,
        });
      else byNip.set(r.nip, r);
    }
    const rows = [...byNip.values()];

    return this.dataSource.transaction(async (m) => {
      // One import at a time: the checks below read what the writes below assume.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('skp-engine:employee-import'))`);
      const plans = await this.plan(m, rows, parsed.nipsInFile, parsed.format, errors);
      errors.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
      if (checkOnly) return { errors, nipByRow: parsed.nipByRow };
      if (errors.length) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          `Impor ditolak: ${new Set(errors.map((e) => e.row)).size} baris bermasalah, tidak ada yang disimpan / import refused: nothing was written`,
          errors.slice(0, 1000).map((e) => ({ field: `row ${e.row}: ${e.field}`, problem: e.problem })),
          { created: 0, updated: 0, errors },
        );
      }
      return this.write(m, plans);
    });
  }

  private async plan(
    m: EntityManager,
    rows: ImportRow[],
    nipsInFile: Set<string>,
    format: ImportFormat,
    errors: ImportError[],
  ): Promise<Plan[]> {
    const f = (key: Parameters<typeof fieldName>[0]) => fieldName(key, format);
    const unitCodes = [...new Set(rows.map((r) => r.unitCode))];
    const units = new Map<string, string>(
      (await m.query(`SELECT code, id FROM units WHERE code = ANY($1::varchar[])`, [unitCodes])).map(
        (u: { code: string; id: string }) => [u.code, u.id],
      ),
    );
    const lookup = [
      ...new Set([...rows.map((r) => r.nip), ...rows.map((r) => r.supervisorNip).filter((x): x is string => !!x)]),
    ];
    const existing = new Map<string, Existing>(
      (
        await m.query(
          `SELECT e.id, e.nip, e.name, e.status, EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.nip = e.nip OR ua.employee_id = e.id) AS has_account
             FROM employees e WHERE e.nip = ANY($1::char(18)[])`,
          [lookup],
        )
      ).map((e: Existing) => [e.nip, e]),
    );
    const fileExisting = rows.map((r) => existing.get(r.nip)).filter((e): e is Existing => !!e);
    const history = new Map<string, Assignment[]>();
    if (fileExisting.length) {
      const all: Assignment[] = await m.query(
        `SELECT a.id, a.employee_id, to_char(a.valid_from,'YYYY-MM-DD') AS valid_from, to_char(a.valid_to,'YYYY-MM-DD') AS valid_to, a.unit_id, a.golongan,
                s.nip AS supervisor_nip, a.position_title, a.position_kind, a.jenjang, a.kelas_jabatan, a.is_unit_head, to_char(a.tmt,'YYYY-MM-DD') AS tmt
           FROM employee_assignments a LEFT JOIN employees s ON s.id = a.supervisor_id
          WHERE a.employee_id = ANY($1::uuid[]) ORDER BY a.employee_id, a.valid_from`,
        [fileExisting.map((e) => e.id)],
      );
      for (const a of all) {
        const list = history.get(a.employee_id) ?? [];
        list.push(a);
        history.set(a.employee_id, list);
      }
    }

    const storedPersonal = await this.personalRepo.readMany(
      m,
      fileExisting.map((e) => e.id),
    );
    const plans: Plan[] = [];
    for (const r of rows) {
      const unitId = units.get(r.unitCode);
      if (!unitId)
        errors.push({ row: r.row, field: f('unitCode'), problem: `unit ${r.unitCode} tidak ada / unknown unit` });
      if (r.supervisorNip && !nipsInFile.has(r.supervisorNip) && !existing.has(r.supervisorNip)) {
        errors.push({
          row: r.row,
          field: f('supervisorNip'),
          problem: `atasan ${r.supervisorNip} tidak ada di berkas maupun basis data / no employee with this NIP in the file or the database`,
        });
      }
      const ex = existing.get(r.nip) ?? null;
      const plan: Plan = {
        row: r,
        unitId: unitId ?? '',
        existing: ex,
        close: null,
        assign: !ex,
        newValidTo: null,
        identityChanged: false,
        createAccount: false,
        before: null,
        personal: null,
        personalBefore: null,
      };
      const stored = ex ? (storedPersonal.get(ex.id) ?? { ...EMPTY_PERSONAL }) : { ...EMPTY_PERSONAL };
      const merged = { ...stored, ...r.personal };
      if (JSON.stringify(merged) !== JSON.stringify(stored)) {
        plan.personal = merged;
        plan.personalBefore = ex ? stored : null;
      }
      if (!ex) {
        plan.createAccount = r.password !== null;
      } else {
        plan.identityChanged = ex.name !== r.name || ex.status !== r.status;
        plan.createAccount = r.password !== null && !ex.has_account;
        const hist = history.get(ex.id) ?? [];
        const cur = hist.filter((a) => a.valid_from <= r.effectiveFrom).pop();
        if (!cur) {
          errors.push({
            row: r.row,
            field: f('effectiveFrom'),
            problem: `sebelum jabatan pertama pegawai (${hist[0]?.valid_from ?? 'none'}) / before the employee's first assignment`,
          });
        } else if (unitId && this.differs(cur, r, unitId)) {
          if (cur.valid_from === r.effectiveFrom) {
            errors.push({
              row: r.row,
              field: f('effectiveFrom'),
              problem: `sudah ada riwayat mulai ${r.effectiveFrom}; isi effectiveFrom = tanggal berlakunya perubahan / a history row already starts on this date: give the date the change takes effect`,
            });
          } else {
            plan.assign = true;
            plan.close = cur;
            plan.before = cur;
            plan.newValidTo = hist.find((a) => a.valid_from > r.effectiveFrom)?.valid_from ?? cur.valid_to;
          }
        }
      }
      plans.push(plan);
    }
    findSupervisionCycles(rows, await this.currentSupervisors(m), format, errors);
    return plans;
  }

  private differs(a: Assignment, r: ImportRow, unitId: string): boolean {
    return (
      a.unit_id !== unitId ||
      a.golongan !== r.golongan ||
      (a.supervisor_nip ?? null) !== r.supervisorNip ||
      a.position_title !== r.title ||
      a.position_kind !== r.kind ||
      (a.jenjang ?? null) !== r.jenjang ||
      Number(a.kelas_jabatan) !== r.kelasJabatan ||
      a.is_unit_head !== r.isUnitHead ||
      a.tmt !== r.tmt
    );
  }

  private async currentSupervisors(m: EntityManager): Promise<Map<string, string>> {
    const rows: { nip: string; sup: string }[] = await m.query(
      `SELECT e.nip, s.nip AS sup FROM employee_assignments a JOIN employees e ON e.id = a.employee_id JOIN employees s ON s.id = a.supervisor_id WHERE a.valid_to IS NULL`,
    );
    return new Map(rows.map((r) => [r.nip, r.sup]));
  }

  private async write(m: EntityManager, plans: Plan[]): Promise<ImportResult> {
    const creates = plans.filter((p) => !p.existing);
    const ids = new Map<string, string>(plans.filter((p) => p.existing).map((p) => [p.row.nip, p.existing!.id]));
    if (creates.length) {
      const inserted: { id: string; nip: string }[] = await m.query(
        `INSERT INTO employees (nip, name, status) SELECT * FROM unnest($1::char(18)[], $2::varchar[], $3::varchar[]) RETURNING id, nip`,
        [creates.map((p) => p.row.nip), creates.map((p) => p.row.name), creates.map((p) => p.row.status)],
      );
      for (const e of inserted) ids.set(e.nip, e.id);
    }
    const supIds = await this.supervisorIds(m, plans, ids);

    await this.personalRepo.writeMany(
      m,
      plans.filter((p) => p.personal).map((p) => ({ employeeId: ids.get(p.row.nip)!, f: p.personal! })),
    );
    const renamed = plans.filter((p) => p.existing && p.identityChanged);
    if (renamed.length) {
      await m.query(
        `UPDATE employees e SET name = v.name, status = v.status, updated_at = now() FROM unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS v(id, name, status) WHERE e.id = v.id`,
        [renamed.map((p) => p.existing!.id), renamed.map((p) => p.row.name), renamed.map((p) => p.row.status)],
      );
    }
    const closing = plans.filter((p) => p.close);
    if (closing.length) {
      await m.query(
        `UPDATE employee_assignments a SET valid_to = v.d FROM unnest($1::uuid[], $2::date[]) AS v(id, d) WHERE a.id = v.id`,
        [closing.map((p) => p.close!.id), closing.map((p) => p.row.effectiveFrom)],
      );
    }
    const assigning = plans.filter((p) => p.assign);
    if (assigning.length) {
      const col = <T>(fn: (p: Plan) => T) => assigning.map(fn);
      await m.query(
        `INSERT INTO employee_assignments (employee_id, valid_from, valid_to, unit_id, golongan, supervisor_id, position_title, position_kind, jenjang, kelas_jabatan, is_unit_head, tmt, reason)
         SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[], $4::uuid[], $5::varchar[], $6::uuid[], $7::varchar[], $8::varchar[], $9::varchar[], $10::smallint[], $11::boolean[], $12::date[], $13::varchar[])`,
        [
          col((p) => ids.get(p.row.nip)),
          col((p) => p.row.effectiveFrom),
          col((p) => p.newValidTo),
          col((p) => p.unitId),
          col((p) => p.row.golongan),
          col((p) => (p.row.supervisorNip ? supIds.get(p.row.supervisorNip) : null)),
          col((p) => p.row.title),
          col((p) => p.row.kind),
          col((p) => p.row.jenjang),
          col((p) => p.row.kelasJabatan),
          col((p) => p.row.isUnitHead),
          col((p) => p.row.tmt),
          col((p) => (p.existing ? 'import' : 'initial')),
        ],
      );
    }
    const accounts = plans.filter((p) => p.createAccount);
    if (accounts.length) {
      const hashes = await this.hashAll(accounts.map((p) => p.row.password!));
      await m.query(
        `INSERT INTO user_accounts (nip, password_hash, role, employee_id, disabled) SELECT v.nip, v.h, 'EMPLOYEE', v.id, false FROM unnest($1::char(18)[], $2::varchar[], $3::uuid[]) AS v(nip, h, id)`,
        [accounts.map((p) => p.row.nip), hashes, accounts.map((p) => ids.get(p.row.nip))],
      );
    }

    const updatedPlans = plans.filter(
      (p) => p.existing && (p.assign || p.identityChanged || p.createAccount || p.personal),
    );
    const strip = (r: ImportRow) => ({ ...r, password: undefined, row: undefined, hasPassword: r.password !== null });
    const recs: AuditRecord[] = [
      ...creates.map((p) => ({
        action: 'employee.import.create',
        entityType: 'Employee',
        entityId: p.row.nip,
        after: strip(p.row),
      })),
      ...updatedPlans.map((p) => ({
        action: 'employee.import.update',
        entityType: 'Employee',
        entityId: p.row.nip,
        before: {
          name: p.existing!.name,
          status: p.existing!.status,
          assignment: p.before,
          ...(p.personal ? { personal: p.personalBefore } : {}),
        },
        after: strip(p.row),
      })),
    ];
    const result = { created: creates.length, updated: updatedPlans.length, errors: [] };
    recs.push({
      action: 'employee.import',
      entityType: 'EmployeeImport',
      entityId: RequestContext.correlationId(),
      after: { rows: plans.length, created: result.created, updated: result.updated },
    });
    await this.audit.recordMany(m, recs);
    await this.outbox.addMany(
      m,
      creates.map((p) => ({
        type: 'EmployeeCreated',
        aggregateType: 'Employee',
        aggregateId: ids.get(p.row.nip)!,
        payload: { employeeId: ids.get(p.row.nip)! },
        dedupeKey: `employee-created:${ids.get(p.row.nip)}`,
      })),
    );
    return result;
  }

  private async supervisorIds(m: EntityManager, plans: Plan[], ids: Map<string, string>): Promise<Map<string, string>> {
    const missing = [...new Set(plans.map((p) => p.row.supervisorNip).filter((n): n is string => !!n && !ids.has(n)))];
    const out = new Map(ids);
    if (missing.length) {
      const rows: { id: string; nip: string }[] = await m.query(
        `SELECT id, nip FROM employees WHERE nip = ANY($1::char(18)[])`,
        [missing],
      );
      for (const r of rows) out.set(r.nip, r.id);
    }
    return out;
  }

  private async hashAll(passwords: string[]): Promise<string[]> {
    const out: string[] = new Array(passwords.length);
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
