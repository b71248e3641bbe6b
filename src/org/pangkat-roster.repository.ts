import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

/** A PNS in post on a date, with what a kenaikan pangkat needs from the organisation (04 §3). */
export interface PangkatRosterRow {
  employeeId: string;
  nip: string;
  name: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  positionKind: string;
  jenjang: string | null;
  golongan: string;
  /** TMT pangkat as recorded (SK), else the first day of the current golongan in the assignment history. */
  pangkatSince: string;
  /** Highest education (org EducationLevel) or null when not recorded. */
  educationLevel: string | null;
}

/**
 * Published reader of the organisation for the kenaikan pangkat calendar: every PNS with an assignment in
 * force on a date, optionally limited to some units, in one query.
 */
@Injectable()
export class PangkatRosterRepository extends BaseRepository {
  async inForce(onDate: string, unitIds: string[] | null): Promise<PangkatRosterRow[]> {
    return this.db().query(
      `SELECT e.id AS "employeeId", e.nip, e.name, a.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
              a.position_kind AS "positionKind", a.jenjang, a.golongan, e.education_level AS "educationLevel",
              to_char(COALESCE(e.tmt_pangkat, (
                SELECT min(c.valid_from) FROM employee_assignments c
                 WHERE c.employee_id = e.id AND c.valid_from <= $1::date
                   AND c.valid_from > COALESCE((SELECT max(b.valid_from) FROM employee_assignments b
                                                 WHERE b.employee_id = e.id AND b.valid_from <= $1::date AND b.golongan <> a.golongan), '-infinity'::date)
              )),'YYYY-MM-DD') AS "pangkatSince"
         FROM employees e
         JOIN employee_assignments a ON a.employee_id = e.id AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date)
         JOIN units u ON u.id = a.unit_id
        WHERE e.status = 'PNS' AND ($2::uuid[] IS NULL OR a.unit_id = ANY($2::uuid[]))
        ORDER BY e.nip`,
      [onDate, unitIds],
    );
  }
}
