import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, UnprocessableError, ConflictError, NotFoundError } from '../common/domain-errors';
import { Cursor, Page } from '../common/pagination';
import { TransactionHost, type TxHost } from '../database/transaction';
import { DelegationsRepository, type DelegationView } from './delegations.repository';
import { CreateDelegationDto, DelegationListQuery, EndDelegationDto } from './dto/delegation.dto';
import { EmployeesRepository } from './employees.repository';
import { OrgDirectory } from './org-directory.service';

export type { DelegationView };

/** Plt/Plh/delegasi records: they override the structural PPK between two dates (OrgDirectory.ppkOf). */
@Injectable()
export class DelegationsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly delegations: DelegationsRepository,
    private readonly employees: EmployeesRepository,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateDelegationDto): Promise<{ items: DelegationView[] }> {
    if (!!dto.employeeNip === !!dto.forReportsOfNip) throw oneTargetError();
    if (dto.validTo && dto.validTo < dto.validFrom)
      throw new InvalidInputError('Tanggal akhir sebelum tanggal mulai / validTo before validFrom', [
        { field: 'validTo', problem: 'must not be before validFrom' },
      ]);
    if (dto.kind !== 'PLT' && (dto.actingKelasJabatan !== undefined || dto.actingLevel !== undefined))
      throw new InvalidInputError('Jabatan Plt hanya untuk delegasi PLT / acting post only for kind PLT', [
        { field: 'actingKelasJabatan', problem: 'only with kind PLT' },
      ]);
    const ids = await this.txHost.withTransaction(async () => {
      const ppk = await this.employeeOrFail(dto.ppkNip, 'ppkNip');
      if (!(await this.org.snapshotById(ppk.id, dto.validFrom))) {
        throw new UnprocessableError(
          `Pejabat ${dto.ppkNip} tidak bertugas pada ${dto.validFrom} / the delegate has no assignment in force on that date`,
          [{ field: 'ppkNip', problem: 'has no position on validFrom' }],
        );
      }
      const employees = await this.targets(dto, ppk.id);
      const created: string[] = [];
      for (const emp of employees) {
        if (emp.id === ppk.id)
          throw new InvalidInputError(
            'Pegawai tidak dapat menilai dirinya sendiri / an employee cannot be their own PPK',
            [{ field: 'ppkNip', problem: 'must differ from the employee' }],
          );
        if (!(await this.org.snapshotById(emp.id, dto.validFrom))) {
          throw new UnprocessableError(
            `Pegawai ${emp.nip} tidak bertugas pada ${dto.validFrom} / the employee has no assignment in force on that date`,
            [{ field: 'employeeNip', problem: 'has no position on validFrom' }],
          );
        }
        // Serialise writers per employee, then look for overlapping records.
        await this.employees.lockById(emp.id);
        const overlap = await this.delegations.overlapping(emp.id, dto.validFrom, dto.validTo ?? null);
        if (overlap) {
          throw new ConflictError(
            `Pegawai ${emp.nip} sudah punya delegasi PPK ${overlap.from}–${overlap.to ?? '…'} yang bertumpang tindih; akhiri dulu (POST /delegations/${overlap.id}/end) / an overlapping delegation exists`,
            [{ field: 'validFrom', problem: `overlaps delegation ${overlap.id}` }],
          );
        }
        const ppkOfPpk = await this.org.ppkOf(ppk.id, dto.validFrom);
        if (ppkOfPpk === emp.id) {
          throw new UnprocessableError(
            `Delegasi membuat siklus: ${emp.nip} adalah PPK dari ${dto.ppkNip} / delegation would make a rating cycle`,
            [{ field: 'ppkNip', problem: 'is rated by the employee' }],
          );
        }
        const id = await this.delegations.insert({
          employeeId: emp.id,
          ppkId: ppk.id,
          kind: dto.kind,
          validFrom: dto.validFrom,
          validTo: dto.validTo ?? null,
          reason: dto.reason ?? null,
          actingKelasJabatan: dto.actingKelasJabatan ?? null,
          actingLevel: dto.actingLevel ?? null,
        });
        created.push(id);
      }
      await this.audit.recordMany(
        created.map((id, i) => ({
          action: 'delegation.create',
          entityType: 'PpkDelegation',
          entityId: id,
          after: { ...dto, employeeNip: employees[i].nip },
          reason: dto.reason ?? null,
        })),
      );
      return created;
    });
    return { items: await this.views(ids) };
  }

  async end(id: string, dto: EndDelegationDto): Promise<DelegationView> {
    await this.txHost.withTransaction(async () => {
      const d = await this.delegations.lock(id);
      if (!d) throw new NotFoundError('Delegasi');
      if (dto.validTo < d.validFrom)
        throw new InvalidInputError('Tanggal akhir sebelum tanggal mulai / validTo before validFrom', [
          { field: 'validTo', problem: `must not be before ${d.validFrom}` },
        ]);
      if (d.validTo && dto.validTo > d.validTo)
        throw new ConflictError(
          `Delegasi sudah berakhir ${d.validTo}; buat delegasi baru / the delegation already ends earlier`,
          [{ field: 'validTo', problem: `must not be after ${d.validTo}` }],
        );
      await this.delegations.end(id, dto.validTo);
      await this.audit.record({
        action: 'delegation.end',
        entityType: 'PpkDelegation',
        entityId: id,
        before: { validTo: d.validTo },
        after: { validTo: dto.validTo },
        reason: dto.reason ?? null,
      });
    });
    return (await this.views([id]))[0];
  }

  async list(q: DelegationListQuery): Promise<Page<DelegationView>> {
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after);
    const rows = await this.delegations.list({
      employeeNip: q.employeeNip,
      ppkNip: q.ppkNip,
      on: q.on,
      after: after ? [String(after[0]), String(after[1])] : null,
      limit,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? Cursor.encode([last.validFrom, last.id]) : null };
  }

  private async targets(dto: CreateDelegationDto, ppkId: string): Promise<{ id: string; nip: string }[]> {
    if (dto.employeeNip) return [await this.employeeOrFail(dto.employeeNip, 'employeeNip')];
    if (!dto.forReportsOfNip) throw oneTargetError();
    const absent = await this.employeeOrFail(dto.forReportsOfNip, 'forReportsOfNip');
    const ids = (await this.org.directReportIds(absent.id, dto.validFrom)).filter((id) => id !== ppkId);
    if (ids.length === 0) {
      throw new UnprocessableError(
        `Pejabat ${dto.forReportsOfNip} tidak punya bawahan langsung pada ${dto.validFrom} / no direct reports on that date`,
        [{ field: 'forReportsOfNip', problem: 'has no direct reports on validFrom' }],
      );
    }
    return this.employees.idsAndNips(ids);
  }

  private async employeeOrFail(nip: string, field: string): Promise<{ id: string; nip: string }> {
    const emp = await this.employees.idAndNipByNip(nip);
    if (!emp)
      throw new InvalidInputError(`Pegawai ${nip} tidak ada / unknown employee`, [
        { field, problem: 'no employee with this NIP' },
      ]);
    return emp;
  }

  private async views(ids: string[]): Promise<DelegationView[]> {
    if (ids.length === 0) return [];
    return this.delegations.views(ids);
  }
}

/** A delegation names its employees one way: `employeeNip` or `forReportsOfNip`, never both or neither. */
function oneTargetError(): InvalidInputError {
  return new InvalidInputError(
    'Isi salah satu: employeeNip atau forReportsOfNip / give exactly one of employeeNip, forReportsOfNip',
    [{ field: 'employeeNip', problem: 'give exactly one of employeeNip or forReportsOfNip' }],
  );
}
