import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { PpkDelegationEntity } from './entities/ppk-delegation.entity';

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

/** Filters of the delegation list; `after` is the cursor (valid_from, id) of the last row seen. */
export interface DelegationFilter {
  employeeNip?: string;
  ppkNip?: string;
  on?: string;
  after?: [string, string] | null;
  limit: number;
}

const VIEW_SQL = `
  SELECT d.id, e.nip AS "employeeNip", e.name AS "employeeName", p.nip AS "ppkNip", p.name AS "ppkName", d.kind,
         to_char(d.valid_from,'YYYY-MM-DD') AS "validFrom", to_char(d.valid_to,'YYYY-MM-DD') AS "validTo", d.reason,
         d.acting_kelas_jabatan AS "actingKelasJabatan", d.acting_level AS "actingLevel",
         to_char(d.created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
    FROM ppk_delegations d JOIN employees e ON e.id = d.employee_id JOIN employees p ON p.id = d.ppk_id`;

/** `ppk_delegations`: Plt/Plh/delegasi records. */
@Injectable()
export class DelegationsRepository extends BaseRepository {
  private get repo() {
    return this.db().getRepository(PpkDelegationEntity);
  }

  /** A delegation of the employee overlapping [from, to] (to null = open-ended), if any. */
  async overlapping(
    employeeId: string,
    from: string,
    to: string | null,
  ): Promise<{ id: string; from: string; to: string | null } | null> {
    const rows: { id: string; from: string; to: string | null }[] = await this.db().query(
      `SELECT id, to_char(valid_from,'YYYY-MM-DD') AS "from", to_char(valid_to,'YYYY-MM-DD') AS "to" FROM ppk_delegations
        WHERE employee_id = $1 AND valid_from <= COALESCE($3::date, 'infinity'::date) AND COALESCE(valid_to, 'infinity'::date) >= $2::date LIMIT 1`,
      [employeeId, from, to],
    );
    return rows[0] ?? null;
  }

  async insert(row: Omit<PpkDelegationEntity, 'id' | 'createdAt'>): Promise<string> {
    return (await this.repo.save(row)).id;
  }

  /** The delegation locked for update (inside the caller's transaction). */
  lock(id: string): Promise<PpkDelegationEntity | null> {
    return this.repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async end(id: string, validTo: string): Promise<void> {
    await this.repo.update({ id }, { validTo });
  }

  views(ids: string[]): Promise<DelegationView[]> {
    return this.db().query(`${VIEW_SQL} WHERE d.id = ANY($1::uuid[]) ORDER BY e.nip`, [ids]);
  }

  /** One page (limit + 1 rows, to tell whether another follows) by (valid_from, id). */
  list(f: DelegationFilter): Promise<DelegationView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.employeeNip) add('e.nip = ?', f.employeeNip);
    if (f.ppkNip) add('p.nip = ?', f.ppkNip);
    if (f.on) {
      params.push(f.on);
      where.push(
        `d.valid_from <= $${params.length}::date AND (d.valid_to IS NULL OR d.valid_to >= $${params.length}::date)`,
      );
    }
    if (f.after) {
      params.push(f.after[0], f.after[1]);
      where.push(`(d.valid_from, d.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(f.limit + 1);
    return this.db().query(
      `${VIEW_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.valid_from, d.id LIMIT $${params.length}`,
      params,
    );
  }
}
