import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, notFound, unprocessable } from '../common/api-error';
import { Cursor, Page } from '../common/pagination';
import { CreateDelegationDto, DelegationListQuery, EndDelegationDto } from './dto/delegation.dto';
import { PpkDelegationEntity } from './entities/ppk-delegation.entity';
import { OrgDirectory } from './org-directory.service';

export interface DelegationView {
  id: string;
  employeeNip: string;
  employeeName: string;
  ppkNip: string;
  ppkName: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
  reason: string | null;
  /** PLT: kelas jabatan and level of the acting post (null = not given). */
  actingKelasJabatan: number | null;
  actingLevel: 'SAME' | 'HIGHER' | null;
  createdAt: string;
}

const VIEW_SQL = `
  SELECT d.id, e.nip AS "employeeNip", e.name AS "employeeName", p.nip AS "ppkNip", p.name AS "ppkName", d.kind,
         to_char(d.valid_from,'YYYY-MM-DD') AS "validFrom", to_char(d.valid_to,'YYYY-MM-DD') AS "validTo", d.reason,
         d.acting_kelas_jabatan AS "actingKelasJabatan", d.acting_level AS "actingLevel",
         to_char(d.created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
    FROM ppk_delegations d JOIN employees e ON e.id = d.employee_id JOIN employees p ON p.id = d.ppk_id`;

/** Plt/Plh/delegasi records: they override the structural PPK between two dates (OrgDirectory.ppkOf). */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateDelegationDto): Promise<{ items: DelegationView[] }> {
    if (!!dto.employeeNip === !!dto.forReportsOfNip) {
      throw badRequest(
        'Isi salah satu: employeeNip atau forReportsOfNip / give exactly one of employeeNip, forReportsOfNip',
        [{ field: 'employeeNip', problem: 'give exactly one of employeeNip or forReportsOfNip' }],
      );
    }
    if (dto.validTo && dto.validTo < dto.validFrom)
      throw badRequest('Tanggal akhir sebelum tanggal mulai / validTo before validFrom', [
        { field: 'validTo', problem: 'must not be before validFrom' },
      ]);
    if (dto.kind !== 'PLT' && (dto.actingKelasJabatan !== undefined || dto.actingLevel !== undefined))
      throw badRequest('Jabatan Plt hanya untuk delegasi PLT / acting post only for kind PLT', [
        { field: 'actingKelasJabatan', problem: 'only with kind PLT' },
      ]);
    const ids = await this.dataSource.transaction(async (m) => {
      const ppk = await this.employeeOrFail(m, dto.ppkNip, 'ppkNip');
      if (!(await this.org.snapshotById(ppk.id, dto.validFrom, m))) {
        throw unprocessable(
          `Pejabat ${dto.ppkNip} tidak bertugas pada ${dto.validFrom} / the delegate has no assignment in force on that date`,
          [{ field: 'ppkNip', problem: 'has no position on validFrom' }],
        );
      }
      const employees = await this.targets(m, dto, ppk.id);
      const created: string[] = [];
      for (const emp of employees) {
        if (emp.id === ppk.id)
          throw badRequest('Pegawai tidak dapat menilai dirinya sendiri / an employee cannot be their own PPK', [
            { field: 'ppkNip', problem: 'must differ from the employee' },
          ]);
        if (!(await this.org.snapshotById(emp.id, dto.validFrom, m))) {
          throw unprocessable(
            `Pegawai ${emp.nip} tidak bertugas pada ${dto.validFrom} / the employee has no assignment in force on that date`,
            [{ field: 'employeeNip', problem: 'has no position on validFrom' }],
          );
        }
        // Serialise writers per employee, then look for overlapping records.
        await m.query(`SELECT id FROM employees WHERE id = $1 FOR UPDATE`, [emp.id]);
        const overlap: { id: string; from: string; to: string | null }[] = await m.query(
          `SELECT id, to_char(valid_from,'YYYY-MM-DD') AS "from", to_char(valid_to,'YYYY-MM-DD') AS "to" FROM ppk_delegations
            WHERE employee_id = $1 AND valid_from <= COALESCE($3::date, 'infinity'::date) AND COALESCE(valid_to, 'infinity'::date) >= $2::date LIMIT 1`,
          [emp.id, dto.validFrom, dto.validTo],
        );
        if (overlap[0]) {
          throw conflict(
            `Pegawai ${emp.nip} sudah punya delegasi PPK ${overlap[0].from}–${overlap[0].to ?? '…'} yang bertumpang tindih; akhiri dulu (POST /delegations/${overlap[0].id}/end) / an overlapping delegation exists`,
            [{ field: 'validFrom', problem: `overlaps delegation ${overlap[0].id}` }],
          );
        }
        const ppkOfPpk = await this.org.ppkOf(ppk.id, dto.validFrom, m);
        if (ppkOfPpk === emp.id) {
          throw unprocessable(
            `Delegasi membuat siklus: ${emp.nip} adalah PPK dari ${dto.ppkNip} / delegation would make a rating cycle`,
            [{ field: 'ppkNip', problem: 'is rated by the employee' }],
          );
        }
        const row = await m.getRepository(PpkDelegationEntity).save({
          employeeId: emp.id,
          ppkId: ppk.id,
          kind: dto.kind,
          validFrom: dto.validFrom,
          validTo: dto.validTo ?? null,
          reason: dto.reason ?? null,
          actingKelasJabatan: dto.actingKelasJabatan ?? null,
          actingLevel: dto.actingLevel ?? null,
        });
        created.push(row.id);
      }
      await this.audit.recordMany(
        m,
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
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(PpkDelegationEntity);
      const d = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw notFound('Delegasi');
      if (dto.validTo < d.validFrom)
        throw badRequest('Tanggal akhir sebelum tanggal mulai / validTo before validFrom', [
          { field: 'validTo', problem: `must not be before ${d.validFrom}` },
        ]);
      if (d.validTo && dto.validTo > d.validTo)
        throw conflict(
          `Delegasi sudah berakhir ${d.validTo}; buat delegasi baru / the delegation already ends earlier`,
          [{ field: 'validTo', problem: `must not be after ${d.validTo}` }],
        );
      await repo.update({ id }, { validTo: dto.validTo });
      await this.audit.record(m, {
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
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.employeeNip) add('e.nip = ?', q.employeeNip);
    if (q.ppkNip) add('p.nip = ?', q.ppkNip);
    if (q.on) {
      params.push(q.on);
      where.push(
        `d.valid_from <= $${params.length}::date AND (d.valid_to IS NULL OR d.valid_to >= $${params.length}::date)`,
      );
    }
    if (after) {
      params.push(String(after[0]), String(after[1]));
      where.push(`(d.valid_from, d.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: DelegationView[] = await this.dataSource.query(
      `${VIEW_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.valid_from, d.id LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? Cursor.encode([last.validFrom, last.id]) : null };
  }

  private async targets(
    m: EntityManager,
    dto: CreateDelegationDto,
    ppkId: string,
  ): Promise<{ id: string; nip: string }[]> {
    if (dto.employeeNip) return [await this.employeeOrFail(m, dto.employeeNip, 'employeeNip')];
    const absent = await this.employeeOrFail(m, dto.forReportsOfNip!, 'forReportsOfNip');
    const ids = (await this.org.directReportIds(absent.id, dto.validFrom, m)).filter((id) => id !== ppkId);
    if (ids.length === 0) {
      throw unprocessable(
        `Pejabat ${dto.forReportsOfNip} tidak punya bawahan langsung pada ${dto.validFrom} / no direct reports on that date`,
        [{ field: 'forReportsOfNip', problem: 'has no direct reports on validFrom' }],
      );
    }
    return m.query(`SELECT id, nip FROM employees WHERE id = ANY($1::uuid[]) ORDER BY nip`, [ids]);
  }

  private async employeeOrFail(m: EntityManager, nip: string, field: string): Promise<{ id: string; nip: string }> {
    const rows: { id: string; nip: string }[] = await m.query(`SELECT id, nip FROM employees WHERE nip = $1`, [nip]);
    if (!rows[0])
      throw badRequest(`Pegawai ${nip} tidak ada / unknown employee`, [
        { field, problem: 'no employee with this NIP' },
      ]);
    return rows[0];
  }

  private async views(ids: string[]): Promise<DelegationView[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(`${VIEW_SQL} WHERE d.id = ANY($1::uuid[]) ORDER BY e.nip`, [ids]);
  }
}
