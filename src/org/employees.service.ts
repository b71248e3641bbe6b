import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../authz/access-policy';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { TransactionHost, type TxHost } from '../database/transaction';
import { AccountsRepository } from '../identity/accounts.repository';
import { PasswordHasher } from '../identity/password-hasher';
import { Principal } from '../identity/principal';
import { OutboxService } from '../outbox/outbox.service';
import { CreateEmployeeDto, MutateEmployeeDto } from './dto/employee.dto';
import { toEmployeeView, EmployeeView } from './dto/employee-view.dto';
import { EmployeeAssignmentEntity } from './entities/employee-assignment.entity';
import { UnitEntity } from './entities/unit.entity';
import { OrgDirectory, type AssignmentSnapshot } from './org-directory.service';
import { EmployeeEventsService, inferEmployeeEvent } from './employee-events.service';
import { EmployeePersonal, EmployeePersonalFields, PERSONAL_KEYS, withNipFacts } from './employee-personal.util';
import { EmployeePersonalRepository } from './employee-personal.repository';
import { AssignmentHistoryRow, EmployeesRepository } from './employees.repository';
import { UnitsRepository } from './units.repository';

/** End of service (04 §1.2): the PENSIUN / BERHENTI / MENINGGAL event and its date; null while in service. */
export interface EndOfService {
  event: 'PENSIUN' | 'BERHENTI' | 'MENINGGAL';
  date: string;
}
export type EmployeeRecord = EmployeeView & { personal: EmployeePersonal; endOfService: EndOfService | null };

/** The personal keys present in a body (absent = keep, null = clear). */
function personalOf(dto: Partial<EmployeePersonalFields>): Partial<EmployeePersonalFields> {
  const out: Partial<EmployeePersonalFields> = {};
  for (const k of PERSONAL_KEYS) if (dto[k] !== undefined) (out as Record<string, unknown>)[k] = dto[k];
  if (out.education) out.education = { level: out.education.level, name: out.education.name ?? null };
  if (out.masaKerjaGolongan) {
    const { years, months, asOf } = out.masaKerjaGolongan;
    out.masaKerjaGolongan = { years, months, asOf };
  }
  return out;
}

@Injectable()
export class EmployeesService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly org: OrgDirectory,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly personal: EmployeePersonalRepository,
    private readonly employees: EmployeesRepository,
    private readonly units: UnitsRepository,
    private readonly accounts: AccountsRepository,
    private readonly events: EmployeeEventsService,
  ) {}

  async create(dto: CreateEmployeeDto): Promise<EmployeeRecord> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : null;
    const from = dto.effectiveFrom ?? dto.position.tmt;
    await this.txHost.withTransaction(async () => {
      if (await this.employees.existsByNip(dto.nip))
        throw new ConflictError(`Pegawai dengan NIP ${dto.nip} sudah ada / employee already exists`);
      const unit = await this.unitOrFail(dto.unitCode, 'unitCode');
      const supervisorId = await this.supervisorIdOrFail(dto.supervisorNip ?? null, dto.nip);
      const emp = await this.employees.insert({ nip: dto.nip, name: dto.name, status: dto.status });
      await this.personal.write(emp.id, personalOf(dto));
      const assignment: Partial<EmployeeAssignmentEntity> = {
        employeeId: emp.id,
        validFrom: from,
        validTo: null,
        unitId: unit.id,
        golongan: dto.golongan,
        supervisorId,
        positionTitle: dto.position.title,
        positionKind: dto.position.kind,
        jenjang: dto.position.jenjang,
        kelasJabatan: dto.position.kelasJabatan,
        isUnitHead: dto.position.isUnitHead ?? false,
        tmt: dto.position.tmt,
        reason: 'initial',
      };
      await this.employees.insertAssignment(assignment);
      if (passwordHash)
        await this.accounts.insert({ nip: dto.nip, passwordHash, role: 'EMPLOYEE', employeeId: emp.id });
      await this.audit.record({
        action: 'employee.create',
        entityType: 'Employee',
        entityId: dto.nip,
        after: { ...dto, password: undefined },
      });
      await this.outbox.add({
        type: 'EmployeeCreated',
        aggregateType: 'Employee',
        aggregateId: emp.id,
        payload: { employeeId: emp.id },
        dedupeKey: `employee-created:${emp.id}`,
      });
    });
    return this.viewByNip(dto.nip, from);
  }

  /**
   * A mutation is a new history row from `effectiveFrom`; earlier rows keep their values. The §1.2 event
   * (given or inferred from the change) is recorded with an outbox fact in the same transaction. Personal
   * data (tempat lahir, KARPEG, TMT pangkat, pendidikan, masa kerja golongan) is corrected in place.
   */
  async mutate(nip: string, dto: MutateEmployeeDto): Promise<EmployeeRecord> {
    const personal = personalOf(dto);
    const changes = !!(dto.golongan || dto.unitCode || dto.supervisorNip !== undefined || dto.position || dto.name);
    if (!changes && !dto.event && !Object.keys(personal).length) {
      throw new InvalidInputError('Tidak ada perubahan / nothing to change', [
        {
          field: 'body',
          problem: `give at least one of position, golongan, unitCode, supervisorNip, name, event, ${PERSONAL_KEYS.join(', ')}`,
        },
      ]);
    }
    await this.txHost.withTransaction(async () => {
      const emp = await this.employees.lockByNip(nip);
      if (!emp) throw new NotFoundError('Pegawai');
      if (Object.keys(personal).length) {
        const before = await this.personal.read(emp.id);
        await this.personal.write(emp.id, personal);
        await this.audit.record({
          action: 'employee.personal',
          entityType: 'Employee',
          entityId: nip,
          before: Object.fromEntries(Object.keys(personal).map((k) => [k, before[k as keyof typeof before]])),
          after: personal,
        });
      }
      if (!changes && !dto.event) return;
      const effectiveFrom = dto.effectiveFrom;
      // The DTO requires the date with any change or event; the history row starts on it.
      if (effectiveFrom === undefined)
        throw new InvalidInputError('Data tidak valid / invalid input', [
          {
            field: 'effectiveFrom',
            problem: 'required with name, golongan, unitCode, supervisorNip, position or event',
          },
        ]);
      // Service ended (PENSIUN / BERHENTI on the TMT, MENINGGAL after the date): no later post and no second end (04 §1.2).
      const ended = await this.events.serviceEnd(emp.id);
      const endsService = dto.event === 'PENSIUN' || dto.event === 'BERHENTI' || dto.event === 'MENINGGAL';
      if (ended && (endsService || effectiveFrom >= ended.date))
        throw new ConflictError(
          `Masa kerja pegawai sudah berakhir (${ended.type} ${ended.date}) / service already ended on that date`,
          [{ field: endsService ? 'event' : 'effectiveFrom', problem: `service ended: ${ended.type} ${ended.date}` }],
        );
      const rows = await this.employees.assignmentsOf(emp.id);
      const current = rows.filter((r) => r.validFrom <= effectiveFrom).pop();
      if (!current)
        throw new ConflictError(`Pegawai belum bertugas pada ${effectiveFrom} / no assignment in force on that date`);
      let event = dto.event ?? null;
      if (changes) {
        if (current.validFrom === effectiveFrom)
          throw new ConflictError(`Sudah ada mutasi mulai ${effectiveFrom} / a mutation already starts on that date`);
        const row = await this.newRow(emp.id, nip, current, rows, { ...dto, effectiveFrom });
        await this.employees.closeAssignment(current.id, effectiveFrom);
        await this.employees.insertAssignment(row);
        if (dto.name && dto.name !== emp.name) await this.employees.rename(emp.id, dto.name);
        event ??= inferEmployeeEvent(current, row);
        await this.audit.record({
          action: 'employee.mutate',
          entityType: 'Employee',
          entityId: nip,
          before: current,
          after: { ...row, event },
          reason: dto.reason ?? null,
        });
      }
      if (event) {
        const id = await this.events.record({
          employeeId: emp.id,
          type: event,
          date: effectiveFrom,
          inferred: !dto.event,
          delegationId: dto.delegationId ?? null,
          reason: dto.reason ?? null,
        });
        if (!changes)
          await this.audit.record({
            action: 'employee.event',
            entityType: 'Employee',
            entityId: nip,
            after: { id, type: event, date: effectiveFrom },
            reason: dto.reason ?? null,
          });
      }
    });
    return this.viewByNip(nip, dto.effectiveFrom ?? this.clock.today());
  }

  private async newRow(
    employeeId: string,
    nip: string,
    current: EmployeeAssignmentEntity,
    rows: EmployeeAssignmentEntity[],
    dto: MutateEmployeeDto & { effectiveFrom: string },
  ): Promise<Omit<EmployeeAssignmentEntity, 'id' | 'createdAt'>> {
    const next = rows.find((r) => r.validFrom > dto.effectiveFrom);
    const unitId = dto.unitCode ? (await this.unitOrFail(dto.unitCode, 'unitCode')).id : current.unitId;
    const supervisorId =
      dto.supervisorNip !== undefined ? await this.supervisorIdOrFail(dto.supervisorNip, nip) : current.supervisorId;
    const p = dto.position;
    return {
      employeeId,
      validFrom: dto.effectiveFrom,
      validTo: next?.validFrom ?? current.validTo,
      unitId,
      golongan: dto.golongan ?? current.golongan,
      supervisorId,
      positionTitle: p?.title ?? current.positionTitle,
      positionKind: p?.kind ?? current.positionKind,
      jenjang: p ? p.jenjang : current.jenjang,
      kelasJabatan: p?.kelasJabatan ?? current.kelasJabatan,
      isUnitHead: p ? (p.isUnitHead ?? false) : current.isUnitHead,
      tmt: p?.tmt ?? current.tmt,
      reason: dto.reason ?? null,
    };
  }

  async get(p: Principal, nip: string, on?: string): Promise<EmployeeRecord & { history: AssignmentHistoryRow[] }> {
    const date = on ?? this.clock.today();
    const snap = await this.org.snapshotByNip(nip, date);
    if (!snap) throw new NotFoundError('Pegawai');
    await this.policy.require(p, snap.employeeId, date, ['ADMIN', 'SELF', 'PPK', 'ATASAN_PPK'], 'Pegawai');
    const view = await this.view(snap, date);
    const history = await this.employees.history(snap.employeeId);
    return { ...view, history };
  }

  async viewByNip(nip: string, date: string): Promise<EmployeeRecord> {
    const snap = await this.org.snapshotByNip(nip, date);
    if (!snap) throw new NotFoundError('Pegawai');
    return this.view(snap, date);
  }

  private async view(snap: AssignmentSnapshot, date: string): Promise<EmployeeRecord> {
    const employeeId = snap.employeeId;
    const ppk = await this.org.ppkOf(employeeId, date);
    const atasan = ppk ? await this.org.ppkOf(ppk, date) : null;
    const ids = [snap.supervisorId, ppk, atasan].filter((x): x is string => !!x);
    const nips = await this.org.nipsByIds(ids);
    const nipOf = (id: string | null) => (id ? (nips.get(id) ?? null) : null);
    const view: EmployeeView = toEmployeeView(snap, date, {
      supervisor: nipOf(snap.supervisorId),
      ppk: nipOf(ppk),
      atasanPpk: nipOf(atasan),
    });
    const ended = await this.events.serviceEnd(employeeId);
    const endOfService = ended ? { event: ended.type as EndOfService['event'], date: ended.date } : null;
    return { ...view, personal: withNipFacts(snap.nip, await this.personal.read(employeeId)), endOfService };
  }

  private async unitOrFail(code: string, field: string): Promise<UnitEntity> {
    const unit = await this.units.findByCode(code);
    if (!unit)
      throw new InvalidInputError(`Unit ${code} tidak ada / unknown unit`, [
        { field, problem: `unit ${code} does not exist` },
      ]);
    return unit;
  }

  private async supervisorIdOrFail(supervisorNip: string | null, selfNip: string): Promise<string | null> {
    if (!supervisorNip) return null;
    if (supervisorNip === selfNip)
      throw new InvalidInputError('Atasan tidak boleh diri sendiri / supervisor cannot be self', [
        { field: 'supervisorNip', problem: 'must differ from nip' },
      ]);
    const sup = await this.employees.findByNip(supervisorNip);
    if (!sup)
      throw new InvalidInputError(`Atasan ${supervisorNip} tidak ada / unknown supervisor`, [
        { field: 'supervisorNip', problem: 'no employee with this NIP' },
      ]);
    return sup.id;
  }
}
