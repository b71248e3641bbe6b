import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { EMPTY_PERSONAL, EmployeePersonalFields } from './employee-personal.util';
import type { EducationLevel } from './org.enums';

interface Row {
  birth_place: string | null;
  karpeg_number: string | null;
  tmt_pangkat: string | null;
  education_level: string | null;
  education_name: string | null;
  mkg_years: number | null;
  mkg_months: number | null;
  mkg_as_of: string | null;
}

const SELECT = `SELECT e.id, e.birth_place, e.karpeg_number, to_char(e.tmt_pangkat,'YYYY-MM-DD') AS tmt_pangkat,
         e.education_level, e.education_name, e.mkg_years, e.mkg_months, to_char(e.mkg_as_of,'YYYY-MM-DD') AS mkg_as_of
    FROM employees e`;

function toFields(r: Row | undefined): EmployeePersonalFields {
  if (!r) return { ...EMPTY_PERSONAL };
  return {
    birthPlace: r.birth_place,
    karpegNumber: r.karpeg_number,
    tmtPangkat: r.tmt_pangkat,
    education: r.education_level
      ? { level: r.education_level as EducationLevel, name: r.education_name ?? null }
      : null,
    masaKerjaGolongan:
      r.mkg_years !== null && r.mkg_months !== null && r.mkg_as_of !== null
        ? { years: r.mkg_years, months: r.mkg_months, asOf: r.mkg_as_of }
        : null,
  };
}

/** The personal columns of `employees` (tempat lahir, KARPEG, TMT pangkat, pendidikan, masa kerja golongan). */
@Injectable()
export class EmployeePersonalRepository extends BaseRepository {
  async read(employeeId: string): Promise<EmployeePersonalFields> {
    const rows: Row[] = await this.db().query(`${SELECT} WHERE e.id = $1`, [employeeId]);
    return toFields(rows[0]);
  }

  async readMany(employeeIds: string[]): Promise<Map<string, EmployeePersonalFields>> {
    if (!employeeIds.length) return new Map();
    const rows: (Row & { id: string })[] = await this.db().query(`${SELECT} WHERE e.id = ANY($1::uuid[])`, [
      employeeIds,
    ]);
    return new Map(rows.map((r) => [r.id, toFields(r)]));
  }

  /** Writes the given keys only (undefined = keep; null = clear). */
  async write(employeeId: string, f: Partial<EmployeePersonalFields>): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [employeeId];
    const set = (col: string, v: unknown, cast = '') => {
      params.push(v);
      sets.push(`${col} = $${params.length}${cast}`);
    };
    if (f.birthPlace !== undefined) set('birth_place', f.birthPlace);
    if (f.karpegNumber !== undefined) set('karpeg_number', f.karpegNumber);
    if (f.tmtPangkat !== undefined) set('tmt_pangkat', f.tmtPangkat, '::date');
    if (f.education !== undefined) {
      set('education_level', f.education?.level ?? null);
      set('education_name', f.education?.name ?? null);
    }
    if (f.masaKerjaGolongan !== undefined) {
      set('mkg_years', f.masaKerjaGolongan?.years ?? null, '::smallint');
      set('mkg_months', f.masaKerjaGolongan?.months ?? null, '::smallint');
      set('mkg_as_of', f.masaKerjaGolongan?.asOf ?? null, '::date');
    }
    if (!sets.length) return;
    await this.db().query(`UPDATE employees SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  }

  /** The same for many employees of an import in one statement (every key written). */
  async writeMany(items: { employeeId: string; f: EmployeePersonalFields }[]): Promise<void> {
    if (!items.length) return;
    const col = <T>(fn: (x: { employeeId: string; f: EmployeePersonalFields }) => T) => items.map(fn);
    await this.db().query(
      `UPDATE employees e SET birth_place = v.bp, karpeg_number = v.kp, tmt_pangkat = v.tp, education_level = v.el,
              education_name = v.en, mkg_years = v.my, mkg_months = v.mm, mkg_as_of = v.ma, updated_at = now()
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::date[], $5::varchar[], $6::varchar[], $7::smallint[], $8::smallint[], $9::date[])
              AS v(id, bp, kp, tp, el, en, my, mm, ma)
        WHERE e.id = v.id`,
      [
        col((x) => x.employeeId),
        col((x) => x.f.birthPlace),
        col((x) => x.f.karpegNumber),
        col((x) => x.f.tmtPangkat),
        col((x) => x.f.education?.level ?? null),
        col((x) => x.f.education?.name ?? null),
        col((x) => x.f.masaKerjaGolongan?.years ?? null),
        col((x) => x.f.masaKerjaGolongan?.months ?? null),
        col((x) => x.f.masaKerjaGolongan?.asOf ?? null),
      ],
    );
  }
}
