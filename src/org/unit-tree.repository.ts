import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/** A unit of the listing with its head on the date: the head's three columns are all set or all null. */
export type UnitListingRow = {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  parent_code: string | null;
  depth: number;
  path: string[];
  own: number;
  children: number;
} & (
  { head_nip: string; head_name: string; head_title: string } | { head_nip: null; head_name: null; head_title: null }
);

const NODE = `id, code, name, parent_id AS "parentId"`;

/**
 * The walk up the tree as a subquery (columns id, code, name, parent_id, depth; the unit itself at depth
 * 0): `ancestors`, and a reader that joins its own rows per unit to the walk in one statement.
 */
export function ancestorUnitsSql(unitId: string): string {
  return `(WITH RECURSIVE a AS (SELECT id, code, name, parent_id, 0 AS depth FROM units WHERE id = ${unitId}
             UNION ALL SELECT u.id, u.code, u.name, u.parent_id, a.depth + 1 FROM units u JOIN a ON u.id = a.parent_id)
           SELECT id, code, name, parent_id, depth FROM a)`;
}

/**
 * The unit hierarchy (`units`): every recursive walk of the tree is written here, once. Other features
 * reach it through `OrgDirectory` (the org module's published reader), never by naming `units`.
 */
@Injectable()
export class UnitTreeRepository extends BaseRepository {
  /** A unit and every unit below it (the unit itself first). */
  async subtree(unitId: string): Promise<UnitNode[]> {
    return this.db().query(
      `WITH RECURSIVE t AS (SELECT id, code, name, parent_id, 0 AS depth FROM units WHERE id = $1
         UNION ALL SELECT u.id, u.code, u.name, u.parent_id, t.depth + 1 FROM units u JOIN t ON u.parent_id = t.id)
       SELECT ${NODE} FROM t ORDER BY depth`,
      [unitId],
    );
  }

  /** A unit and every unit above it, nearest first (the root last). */
  async ancestors(unitId: string): Promise<UnitNode[]> {
    return this.db().query(`SELECT ${NODE} FROM ${ancestorUnitsSql('$1::uuid')} a ORDER BY depth`, [unitId]);
  }

  async node(by: { id: string } | { code: string }): Promise<UnitNode | null> {
    const [where, value] = 'id' in by ? ['id', by.id] : ['code', by.code];
    const rows: UnitNode[] = await this.db().query(`SELECT ${NODE} FROM units WHERE ${where} = $1`, [value]);
    return rows[0] ?? null;
  }

  async idByCode(code: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db().query(`SELECT id FROM units WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  /** GET /units: every unit depth-first with its path, head and head count on a date. */
  listing(on: string): Promise<UnitListingRow[]> {
    return this.db().query(
      `WITH RECURSIVE t AS (
         SELECT u.id, u.code, u.name, u.parent_id, 0 AS depth, ARRAY[u.code::text] AS path FROM units u WHERE u.parent_id IS NULL
         UNION ALL SELECT u.id, u.code, u.name, u.parent_id, t.depth + 1, t.path || u.code::text FROM units u JOIN t ON u.parent_id = t.id),
       placed AS (
         SELECT a.unit_id, count(*)::int AS n FROM employee_assignments a
          WHERE a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date) GROUP BY a.unit_id),
       heads AS (
         SELECT DISTINCT ON (a.unit_id) a.unit_id, e.nip, e.name, a.position_title FROM employee_assignments a JOIN employees e ON e.id = a.employee_id
          WHERE a.is_unit_head AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date) ORDER BY a.unit_id, a.valid_from DESC, e.nip)
       SELECT t.id, t.code, t.name, t.parent_id, p.code AS parent_code, t.depth, t.path,
              h.nip AS head_nip, h.name AS head_name, h.position_title AS head_title, COALESCE(placed.n, 0) AS own,
              (SELECT count(*)::int FROM units c WHERE c.parent_id = t.id) AS children
         FROM t LEFT JOIN units p ON p.id = t.parent_id LEFT JOIN placed ON placed.unit_id = t.id LEFT JOIN heads h ON h.unit_id = t.id
`,
      [on],
    );
  }

  /** Every unit with its parent (the whole tree, for walks done in memory). */
  all(): Promise<UnitNode[]> {
    return this.db().query(`SELECT ${NODE} FROM units`);
  }

  /** The units with these codes (unknown codes are left out). */
  byCodes(codes: string[]): Promise<UnitNode[]> {
    return this.db().query(`SELECT ${NODE} FROM units WHERE code = ANY($1::text[])`, [codes]);
  }

  /** The units with these ids. */
  byIds(ids: string[]): Promise<UnitNode[]> {
    return this.db().query(`SELECT ${NODE} FROM units WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
