import { Inject, Injectable } from '@nestjs/common';
import { AuditRecord, AuditService } from '../../audit/audit.service';
import { ConflictError, InvalidInputError } from '../../common/domain-errors';
import { RequestContext } from '../../common/request-context';
import { TransactionHost, type TxHost } from '../../database/transaction';
import { EmployeeAccounts } from '../../identity/employee-accounts.service';
import { OutboxService } from '../../outbox/outbox.service';
import { EMPTY_PERSONAL, EmployeePersonalFields } from '../employee-personal.util';
import { EmployeePersonalRepository } from '../employee-personal.repository';
import { EmployeeImportRepository, ExistingEmployee, StoredAssignment } from './employee-import.repository';
import { readImportBody } from './import-input.util';
import { findSupervisionCycles } from './supervision-cycles.util';
import { fieldName, ImportError, ImportFormat, ImportRow } from './import-rows.util';

export interface ImportResult {
  created: number;
  updated: number;
  errors: ImportError[];
}

type Existing = ExistingEmployee;
type Assignment = StoredAssignment;

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
  /** the password of the EMPLOYEE account to create with the row; null when no account is created */
  accountPassword: string | null;
  before: Assignment | null;
  /** personal fields to write (the row's merged over what is stored), null when nothing changes */
  personal: EmployeePersonalFields | null;
  personalBefore: EmployeePersonalFields | null;
}

/**
 * POST /employees/import: up to 10,000 employees in one transaction, all-or-nothing, idempotent
 * on NIP. Set-based: a handful of lookups and one multi-row statement per table (unnest arrays),
 * whatever the number of rows.
 */
@Injectable()
export class EmployeeImportService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: EmployeeImportRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly accounts: EmployeeAccounts,
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

    return this.txHost.withTransaction(async () => {
      // One import at a time: the checks below read what the writes below assume.
      await this.repo.lock();
      const plans = await this.plan(rows, parsed.nipsInFile, parsed.format, errors);
      errors.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
      if (checkOnly) return { errors, nipByRow: parsed.nipByRow };
      if (errors.length) {
        throw new InvalidInputError(
          `Impor ditolak: ${new Set(errors.map((e) => e.row)).size} baris bermasalah, tidak ada yang disimpan / import refused: nothing was written`,
          errors.slice(0, 1000).map((e) => ({ field: `row ${e.row}: ${e.field}`, problem: e.problem })),
          { extra: { created: 0, updated: 0, errors } },
        );
      }
      return this.write(plans);
    });
  }

  private async plan(
    rows: ImportRow[],
    nipsInFile: Set<string>,
    format: ImportFormat,
    errors: ImportError[],
  ): Promise<Plan[]> {
    const f = (key: Parameters<typeof fieldName>[0]) => fieldName(key, format);
    const unitCodes = [...new Set(rows.map((r) => r.unitCode))];
    const units = await this.repo.unitIdsByCode(unitCodes);
    const lookup = [
      ...new Set([...rows.map((r) => r.nip), ...rows.map((r) => r.supervisorNip).filter((x): x is string => !!x)]),
    ];
    const existing = new Map<string, Existing>((await this.repo.existing(lookup)).map((e) => [e.nip, e]));
    const fileExisting = rows.map((r) => existing.get(r.nip)).filter((e): e is Existing => !!e);
    const withAccount = await this.accounts.withAccount(fileExisting);
    const history = new Map<string, Assignment[]>();
    if (fileExisting.length) {
      const all = await this.repo.assignmentsOf(fileExisting.map((e) => e.id));
      for (const a of all) {
        const list = history.get(a.employee_id) ?? [];
        list.push(a);
        history.set(a.employee_id, list);
      }
    }

    const storedPersonal = await this.personalRepo.readMany(fileExisting.map((e) => e.id));
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
        accountPassword: null,
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
        plan.accountPassword = r.password;
      } else {
        plan.identityChanged = ex.name !== r.name || ex.status !== r.status;
        plan.accountPassword = withAccount.has(ex.id) ? null : r.password;
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
    findSupervisionCycles(rows, await this.repo.currentSupervisors(), format, errors);
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
      a.kelas_jabatan !== r.kelasJabatan ||
      a.is_unit_head !== r.isUnitHead ||
      a.tmt !== r.tmt
    );
  }

  private async write(plans: Plan[]): Promise<ImportResult> {
    const creates = plans.filter((p) => !p.existing);
    const updates = plans.flatMap((p) => (p.existing ? [{ p, existing: p.existing }] : []));
    const ids = new Map<string, string>(updates.map(({ p, existing }) => [p.row.nip, existing.id]));
    if (creates.length) {
      const inserted = await this.repo.insertEmployees(
        creates.map((p) => p.row.nip),
        creates.map((p) => p.row.name),
        creates.map((p) => p.row.status),
      );
      for (const e of inserted) ids.set(e.nip, e.id);
    }
    // Every NIP of a plan was stored before or inserted just above, under the import lock.
    const idOf = (nip: string): string => {
      const id = ids.get(nip);
      if (id === undefined)
        throw new ConflictError(`Pegawai ${nip} tidak tersimpan selama impor / employee not stored during the import`);
      return id;
    };
    const supIds = await this.supervisorIds(plans, ids);

    await this.personalRepo.writeMany(
      plans.flatMap((p) => (p.personal ? [{ employeeId: idOf(p.row.nip), f: p.personal }] : [])),
    );
    const renamed = updates.filter(({ p }) => p.identityChanged);
    if (renamed.length) {
      await this.repo.updateIdentities(
        renamed.map(({ existing }) => existing.id),
        renamed.map(({ p }) => p.row.name),
        renamed.map(({ p }) => p.row.status),
      );
    }
    const closing = plans.flatMap((p) => (p.close ? [{ id: p.close.id, validTo: p.row.effectiveFrom }] : []));
    if (closing.length) {
      await this.repo.closeAssignments(
        closing.map((c) => c.id),
        closing.map((c) => c.validTo),
      );
    }
    const assigning = plans.filter((p) => p.assign);
    if (assigning.length) {
      const col = <T>(fn: (p: Plan) => T) => assigning.map(fn);
      await this.repo.insertAssignments({
        employeeIds: col((p) => idOf(p.row.nip)),
        validFrom: col((p) => p.row.effectiveFrom),
        validTo: col((p) => p.newValidTo),
        unitIds: col((p) => p.unitId),
        golongan: col((p) => p.row.golongan),
        supervisorIds: col((p) => (p.row.supervisorNip ? (supIds.get(p.row.supervisorNip) ?? null) : null)),
        titles: col((p) => p.row.title),
        kinds: col((p) => p.row.kind),
        jenjang: col((p) => p.row.jenjang),
        kelasJabatan: col((p) => p.row.kelasJabatan),
        isUnitHead: col((p) => p.row.isUnitHead),
        tmt: col((p) => p.row.tmt),
        reasons: col((p) => (p.existing ? 'import' : 'initial')),
      });
    }
    await this.accounts.create(
      plans.flatMap((p) =>
        p.accountPassword !== null
          ? [{ nip: p.row.nip, password: p.accountPassword, employeeId: idOf(p.row.nip) }]
          : [],
      ),
    );

    const updated = updates.filter(
      ({ p }) => p.assign || p.identityChanged || p.accountPassword !== null || p.personal,
    );
    const strip = (r: ImportRow) => ({ ...r, password: undefined, row: undefined, hasPassword: r.password !== null });
    const recs: AuditRecord[] = [
      ...creates.map((p) => ({
        action: 'employee.import.create',
        entityType: 'Employee',
        entityId: p.row.nip,
        after: strip(p.row),
      })),
      ...updated.map(({ p, existing }) => ({
        action: 'employee.import.update',
        entityType: 'Employee',
        entityId: p.row.nip,
        before: {
          name: existing.name,
          status: existing.status,
          assignment: p.before,
          ...(p.personal ? { personal: p.personalBefore } : {}),
        },
        after: strip(p.row),
      })),
    ];
    const result = { created: creates.length, updated: updated.length, errors: [] };
    recs.push({
      action: 'employee.import',
      entityType: 'EmployeeImport',
      entityId: RequestContext.correlationId(),
      after: { rows: plans.length, created: result.created, updated: result.updated },
    });
    await this.audit.recordMany(recs);
    await this.outbox.addMany(
      creates.map((p) => {
        const id = idOf(p.row.nip);
        return {
          type: 'EmployeeCreated',
          aggregateType: 'Employee',
          aggregateId: id,
          payload: { employeeId: id },
          dedupeKey: `employee-created:${id}`,
        };
      }),
    );
    return result;
  }

  private async supervisorIds(plans: Plan[], ids: Map<string, string>): Promise<Map<string, string>> {
    const missing = [...new Set(plans.map((p) => p.row.supervisorNip).filter((n): n is string => !!n && !ids.has(n)))];
    const out = new Map(ids);
    if (missing.length) {
      for (const r of await this.repo.idsByNips(missing)) out.set(r.nip, r.id);
    }
    return out;
  }
}
