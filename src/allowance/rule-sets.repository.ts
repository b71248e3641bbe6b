import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { AllowanceRuleSet } from '../rules';

/** One stored version of a rule set (dates as YYYY-MM-DD, effective_to exclusive). */
export interface RuleSetVersionRow {
  version: number;
  effective_from: string;
  effective_to: string | null;
  body: AllowanceRuleSet;
  template: string | null;
  overrides: Record<string, unknown> | null;
  created_by: string;
  created_at: Date;
}

/** A rule set in the list: its number of versions, the latest `code@version`, whether it is the agency default. */
export interface RuleSetListItem {
  code: string;
  versions: number;
  latest: string;
  default: boolean;
}

/** An assignment: a unit (or the agency default, unit_id null) governed by a rule set code. */
export interface RuleSetAssignmentRow {
  unit_id: string | null;
  code: string;
}

const VERSION_COLUMNS = `version, to_char(effective_from,'YYYY-MM-DD') AS effective_from, to_char(effective_to,'YYYY-MM-DD') AS effective_to, body, template, overrides, created_by, created_at`;

/** `allowance_rule_sets` (effective-dated versions per code) and `allowance_rule_set_assignments`. */
@Injectable()
export class RuleSetsRepository extends BaseRepository {
  /** Serialises the writers of one code until the transaction ends. */
  async lockCode(code: string): Promise<void> {
    await this.db().query(`SELECT pg_advisory_xact_lock(hashtext('allowance-rule-set:' || $1))`, [code]);
  }

  versions(code: string): Promise<RuleSetVersionRow[]> {
    return this.db().query(`SELECT ${VERSION_COLUMNS} FROM allowance_rule_sets WHERE code = $1 ORDER BY version`, [
      code,
    ]);
  }

  /** Ends an open-ended version where its successor starts (column and body). */
  async closeVersion(code: string, version: number, endsOn: string): Promise<void> {
    await this.db().query(
      `UPDATE allowance_rule_sets SET effective_to = $3::date, body = jsonb_set(body, '{effectiveTo}', to_jsonb($4::text)) WHERE code = $1 AND version = $2`,
      [code, version, endsOn, endsOn],
    );
  }

  /** Adds a version; the row as stored. */
  async insertVersion(v: {
    code: string;
    version: number;
    effectiveFrom: string;
    effectiveTo: string | null;
    ruleSet: AllowanceRuleSet;
    template: string | null;
    overrides: Record<string, unknown> | null;
    createdBy: string;
  }): Promise<RuleSetVersionRow> {
    const [row]: RuleSetVersionRow[] = await this.db().query(
      `INSERT INTO allowance_rule_sets (code, version, effective_from, effective_to, body, template, overrides, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       RETURNING ${VERSION_COLUMNS}`,
      [
        v.code,
        v.version,
        v.effectiveFrom,
        v.effectiveTo,
        JSON.stringify(v.ruleSet),
        v.template,
        v.overrides ? JSON.stringify(v.overrides) : null,
        v.createdBy,
      ],
    );
    return row;
  }

  list(): Promise<RuleSetListItem[]> {
    return this.db().query(
      `SELECT r.code, count(*)::int AS versions, r.code || '@' || max(r.version) AS latest,
              EXISTS (SELECT 1 FROM allowance_rule_set_assignments a WHERE a.unit_id IS NULL AND a.code = r.code) AS "default"
         FROM allowance_rule_sets r GROUP BY r.code ORDER BY r.code`,
    );
  }

  async exists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.db().query(`SELECT 1 FROM allowance_rule_sets WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async hasDefault(): Promise<boolean> {
    const rows: unknown[] = await this.db().query(`SELECT 1 FROM allowance_rule_set_assignments WHERE unit_id IS NULL`);
    return rows.length > 0;
  }

  /** Makes the code the agency default (the one default row is replaced). */
  async setDefault(code: string): Promise<void> {
    await this.db().query(`DELETE FROM allowance_rule_set_assignments WHERE unit_id IS NULL`);
    await this.db().query(`INSERT INTO allowance_rule_set_assignments (unit_id, code) VALUES (NULL, $1)`, [code]);
  }

  /** Assigns the code to the units (a unit's earlier assignment is replaced). */
  async assignUnits(unitIds: string[], code: string): Promise<void> {
    await this.db().query(
      `INSERT INTO allowance_rule_set_assignments (unit_id, code) SELECT unnest($1::uuid[]), $2
         ON CONFLICT (unit_id) WHERE unit_id IS NOT NULL DO UPDATE SET code = EXCLUDED.code, assigned_at = now()`,
      [unitIds, code],
    );
  }

  /** The units (null: the agency default) a code is assigned to. */
  async assignedUnitIds(code: string): Promise<(string | null)[]> {
    const rows: { unit_id: string | null }[] = await this.db().query(
      `SELECT unit_id FROM allowance_rule_set_assignments WHERE code = $1`,
      [code],
    );
    return rows.map((r) => r.unit_id);
  }

  /** Every assignment (units and the agency default). */
  assignments(): Promise<RuleSetAssignmentRow[]> {
    return this.db().query(`SELECT unit_id, code FROM allowance_rule_set_assignments`);
  }

  /** Every version of every rule set, by code then version. */
  allVersions(): Promise<{ code: string; body: AllowanceRuleSet }[]> {
    return this.db().query(`SELECT code, body FROM allowance_rule_sets ORDER BY code, version`);
  }
}
