import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { Sanction } from '../rules';
import type { CaseStatus, Step, StepDeadline } from './discipline-policy.util';
import type { CaseRow } from './discipline-case.util';
import type { CaseEscalation, DisciplineCaseView, DisciplineEscalationList } from './dto/discipline-views.dto';

const D = (col: string, as: string) => `to_char(c.${col},'YYYY-MM-DD') AS ${as}`;
const CASE_SELECT = `SELECT c.id, c.number::int AS number, c.employee_id, c.kind, c.act, c.stage, ${D('occurred_on', 'occurred_on')}, ${D('reported_on', 'reported_on')},
  c.reported_by, c.description, c.evidence_urls, c.subject, c.track, c.level, c.candidate_sanctions, c.manual_review, c.classification, c.status,
  ${D('verified_on', 'verified_on')}, c.recommended_level, c.recommended_sanction, ${D('recommended_on', 'recommended_on')},
  c.competent_officials, c.competent_official_ids::text[] AS competent_official_ids, c.decided_sanction, c.decided_level, ${D('decided_on', 'decided_on')},
  c.decision_ref, c.decided_by, ${D('delivered_on', 'delivered_on')}, ${D('effective_from', 'effective_from')}, ${D('effective_to', 'effective_to')},
  c.effective_explanation, ${D('ended_on', 'ended_on')}, c.dismissed_reason, c.overdue_steps, c.escalated, c.attendance_year, c.attendance_rung,
  c.attendance_facts, c.recommending_body, c.recommending_body_explanation, c.election_code, c.stage_source, c.stage_explanation,
  c.listening_only, c.version, c.created_at, c.updated_at
  FROM discipline_cases c`;

/** Rows of an UPDATE … RETURNING (the driver returns [rows, affected] for updates). */
function updated<T>(res: unknown): T[] {
  return (Array.isArray(res) && Array.isArray(res[0]) ? res[0] : res) as T[];
}

/** Which cases a list, export or summary covers; `scope` is the caller's visibility (AccessPolicy), SQL with its parameters. */
export interface CaseFilter {
  kind?: string;
  status?: string;
  unitIds?: string[];
  from?: string;
  to?: string;
  nip?: string;
  scope?: (firstParam: number) => { sql: string; params: unknown[] };
  /** Keyset: only cases numbered above this. */
  afterNumber?: number;
}

/** The columns of a new case, in the order of the INSERT. */
export type NewCaseValues = [
  employeeId: string,
  kind: string,
  act: string | null,
  stage: string | null,
  occurredOn: string,
  reportedOn: string,
  reportedBy: string,
  description: string | null,
  evidenceUrls: string,
  subject: string,
  unitId: string,
  track: string | null,
  level: string | null,
  candidateSanctions: string,
  manualReview: boolean,
  classification: string,
  status: CaseStatus,
  competentOfficials: string,
  competentOfficialIds: string[],
  deadlines: string,
  attendanceYear: number | null,
  attendanceRung: number | null,
  attendanceFacts: string | null,
  recommendingBody: string | null,
  recommendingBodyExplanation: string | null,
  electionCode: string | null,
  stageSource: string | null,
  stageExplanation: string | null,
  listeningOnly: boolean | null,
];

/** A case that reached EFFECTIVE or ENDED in a sweep. */
export interface MovedCase {
  id: string;
  employee_id: string;
}

/** The facts the effects of a decision are derived from. */
export interface CaseEffectsSource {
  id: string;
  employee_id: string;
  kind: string;
  status: string;
  sanction: Sanction | null;
  decided_on: string;
  effective_from: string | null;
  effective_to: string | null;
  decision_ref: string | null;
}

/** `discipline_cases`, their transitions, escalations, sanction rows and the attendance scan state. */
@Injectable()
export class DisciplineCasesRepository extends BaseRepository {
  private where(f: CaseFilter): { where: string[]; params: unknown[] } {
    const where: string[] = ['TRUE'];
    const params: unknown[] = [];
    if (f.kind) where.push(`c.kind = $${params.push(f.kind)}`);
    if (f.status) where.push(`c.status = $${params.push(f.status)}`);
    if (f.from) where.push(`c.occurred_on >= $${params.push(f.from)}::date`);
    if (f.to) where.push(`c.occurred_on <= $${params.push(f.to)}::date`);
    if (f.nip) where.push(`c.subject->>'nip' = $${params.push(f.nip)}`);
    if (f.unitIds) where.push(`c.unit_id = ANY($${params.push(f.unitIds)}::uuid[])`);
    if (f.scope) {
      const scope = f.scope(params.length + 1);
      params.push(...scope.params);
      where.push(scope.sql);
    }
    if (f.afterNumber !== undefined) where.push(`c.number > $${params.push(f.afterNumber)}`);
    return { where, params };
  }

  async load(id: string, lock: boolean): Promise<CaseRow | null> {
    const rows: CaseRow[] = await this.db().query(`${CASE_SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Keyset page on the case number (unique, increasing): `limit + 1` rows to tell whether another follows. */
  page(f: CaseFilter, limit: number): Promise<CaseRow[]> {
    const { where, params } = this.where(f);
    return this.db().query(`${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.number LIMIT ${limit + 1}`, params);
  }

  exportRows(f: CaseFilter): Promise<CaseRow[]> {
    const { where, params } = this.where(f);
    return this.db().query(
      `${CASE_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.occurred_on, c.number LIMIT 100000`,
      params,
    );
  }

  /** Counts per unit (as recorded on the case) and status. */
  countsByUnitAndStatus(f: CaseFilter): Promise<{ unit_code: string; unit_name: string; status: string; n: number }[]> {
    const { where, params } = this.where(f);
    return this.db().query(
      `SELECT c.subject->>'unitCode' AS unit_code, c.subject->>'unitName' AS unit_name, c.status, count(*)::int AS n
         FROM discipline_cases c WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3 ORDER BY 1, 3`,
      params,
    );
  }

  async countEscalated(f: CaseFilter): Promise<number> {
    const { where, params } = this.where(f);
    const [esc]: { n: number }[] = await this.db().query(
      `SELECT count(*)::int AS n FROM discipline_cases c WHERE ${where.join(' AND ')} AND c.escalated`,
      params,
    );
    return esc.n;
  }

  /** Counts per recorded recommending body; cases without one carry their act date (`d`) instead. */
  countsByRecommendingBody(
    f: CaseFilter,
  ): Promise<({ body: string; d: null; n: number } | { body: null; d: string; n: number })[]> {
    const { where, params } = this.where(f);
    return this.db().query(
      `SELECT c.recommending_body AS body, CASE WHEN c.recommending_body IS NULL THEN to_char(c.occurred_on,'YYYY-MM-DD') END AS d, count(*)::int AS n
         FROM discipline_cases c WHERE ${where.join(' AND ')} GROUP BY 1, 2`,
      params,
    );
  }

  /** The newest escalations over all cases. */
  async escalations(limit: number): Promise<DisciplineEscalationList['items']> {
    return this.db().query(
      `SELECT e.id, e.case_id AS "caseId", 'DIS-' || lpad(c.number::text, 6, '0') AS "caseReference", c.subject->>'nip' AS nip, c.subject->>'unitCode' AS "unitCode",
              e.step, e.kind, to_char(e.due_on,'YYYY-MM-DD') AS "dueOn", to_char(e.detected_on,'YYYY-MM-DD') AS "detectedOn", to_char(e.resolved_on,'YYYY-MM-DD') AS "resolvedOn"
         FROM discipline_escalations e JOIN discipline_cases c ON c.id = e.case_id ORDER BY e.created_at DESC LIMIT $1`,
      [limit],
    );
  }

  /** Inserts a case; null when an automatic attendance case for the employee, year and rung already exists. */
  async insert(v: NewCaseValues): Promise<{ id: string; number: number } | null> {
    const rows: { id: string; number: number }[] = await this.db().query(
      `INSERT INTO discipline_cases (employee_id, kind, act, stage, occurred_on, reported_on, reported_by, description, evidence_urls, subject, unit_id,
         track, level, candidate_sanctions, manual_review, classification, status, competent_officials, competent_official_ids, deadlines,
         attendance_year, attendance_rung, attendance_facts,
         recommending_body, recommending_body_explanation, election_code, stage_source, stage_explanation, listening_only)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19::uuid[],$20,$21,$22,$23,$24,$25,$26,$27,$28,$29)
       ON CONFLICT (employee_id, attendance_year, attendance_rung) WHERE attendance_rung IS NOT NULL DO NOTHING
       RETURNING id, number::int AS number`,
      v,
    );
    return rows[0] ?? null;
  }

  /** Moves a case to `to` with the given column values (names are the service's, values bound). */
  async update(id: string, to: CaseStatus, patch: Record<string, unknown>): Promise<void> {
    const cols = Object.keys(patch);
    const sets = cols.map((k, i) => `${k} = $${i + 3}${k === 'competent_official_ids' ? '::uuid[]' : ''}`);
    await this.db().query(
      `UPDATE discipline_cases SET status = $2, ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, to, ...cols.map((k) => patch[k])],
    );
  }

  async setDeadlines(id: string, deadlines: Record<Step, StepDeadline>, overdue: Step[]): Promise<void> {
    await this.db().query(`UPDATE discipline_cases SET deadlines = $2, overdue_steps = $3 WHERE id = $1`, [
      id,
      JSON.stringify(deadlines),
      overdue,
    ]);
  }

  async resolveEscalations(caseId: string, on: string): Promise<void> {
    await this.db().query(
      `UPDATE discipline_escalations SET resolved_on = $2 WHERE case_id = $1 AND resolved_on IS NULL`,
      [caseId, on],
    );
  }

  async addTransition(
    caseId: string,
    from: string | null,
    to: string,
    action: string,
    actor: string,
    note: string | null,
  ): Promise<void> {
    await this.db().query(
      `INSERT INTO discipline_case_transitions (case_id, from_status, to_status, action, actor, note) VALUES ($1,$2,$3,$4,$5,$6)`,
      [caseId, from, to, action, actor.slice(0, 60), note],
    );
  }

  transitions(caseId: string): Promise<DisciplineCaseView['history']> {
    return this.db().query(
      `SELECT from_status AS "from", to_status AS "to", action, actor, note, at FROM discipline_case_transitions WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
  }

  escalationsOf(caseId: string): Promise<CaseEscalation[]> {
    return this.db().query(
      `SELECT step, kind, to_char(due_on,'YYYY-MM-DD') AS "dueOn", to_char(detected_on,'YYYY-MM-DD') AS "detectedOn", to_char(resolved_on,'YYYY-MM-DD') AS "resolvedOn"
         FROM discipline_escalations WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    );
  }

  /** DELIVERED cases whose effective date has come become EFFECTIVE (all, or only `onlyId`). */
  async markEffective(today: string, onlyId?: string): Promise<MovedCase[]> {
    return updated<MovedCase>(
      await this.db().query(
        `UPDATE discipline_cases SET status = 'EFFECTIVE', version = version + 1, updated_at = now()
        WHERE status = 'DELIVERED' AND effective_from <= $1::date ${onlyId ? 'AND id = $2' : ''} RETURNING id, employee_id`,
        onlyId ? [today, onlyId] : [today],
      ),
    );
  }

  /** EFFECTIVE cases past their end become ENDED (all, or only `onlyId`). */
  async markEnded(today: string, onlyId?: string): Promise<MovedCase[]> {
    return updated<MovedCase>(
      await this.db().query(
        `UPDATE discipline_cases SET status = 'ENDED', ended_on = effective_to, version = version + 1, updated_at = now()
        WHERE status = 'EFFECTIVE' AND effective_to IS NOT NULL AND effective_to <= $1::date ${onlyId ? 'AND id = $2' : ''} RETURNING id, employee_id`,
        onlyId ? [today, onlyId] : [today],
      ),
    );
  }

  /** Cases still open (before delivery), oldest first. */
  open(limit: number): Promise<CaseRow[]> {
    return this.db().query(
      `${CASE_SELECT} WHERE c.status IN ('REPORTED','VERIFIED','RECOMMENDED','DECIDED') ORDER BY c.created_at LIMIT $1`,
      [limit],
    );
  }

  async setOverdue(id: string, overdue: Step[], deadlines: Record<Step, StepDeadline>): Promise<void> {
    await this.db().query(`UPDATE discipline_cases SET overdue_steps = $2, deadlines = $3 WHERE id = $1`, [
      id,
      overdue,
      JSON.stringify(deadlines),
    ]);
  }

  /** Records the SIASN_BLOCK escalation of a missed decision once; true when it is new. */
  async addDecideEscalation(caseId: string, dueOn: string | null, detectedOn: string): Promise<boolean> {
    const ins: { id: string }[] = await this.db().query(
      `INSERT INTO discipline_escalations (case_id, step, kind, due_on, detected_on) VALUES ($1, 'decide', 'SIASN_BLOCK', $2, $3)
       ON CONFLICT (case_id, step) DO NOTHING RETURNING id`,
      [caseId, dueOn, detectedOn],
    );
    return ins.length > 0;
  }

  async markEscalated(id: string): Promise<void> {
    await this.db().query(`UPDATE discipline_cases SET escalated = true WHERE id = $1`, [id]);
  }

  /** The highest attendance rung an automatic case was opened for (employee, year); null when none. */
  async highestAttendanceRung(employeeId: string, year: number): Promise<number | null> {
    // An aggregate without GROUP BY: always one row (rung null when none).
    const [prev]: [{ rung: number | null }] = await this.db().query(
      `SELECT max(attendance_rung)::int AS rung FROM discipline_cases WHERE employee_id = $1 AND attendance_year = $2`,
      [employeeId, year],
    );
    return prev.rung;
  }

  async effectsSource(caseId: string): Promise<CaseEffectsSource | null> {
    const rows: CaseEffectsSource[] = await this.db().query(
      `SELECT c.id, c.employee_id, c.kind, c.status, c.decided_sanction AS sanction, to_char(c.decided_on,'YYYY-MM-DD') AS decided_on,
              to_char(c.effective_from,'YYYY-MM-DD') AS effective_from, to_char(c.effective_to,'YYYY-MM-DD') AS effective_to, c.decision_ref
         FROM discipline_cases c WHERE c.id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  /** The sanction row other features read; once per case. True when it is new. */
  async addSanction(s: {
    caseId: string;
    employeeId: string;
    kind: string;
    sanction: Sanction;
    level: string;
    months: number | null;
    allowanceCut: string | null;
    decidedOn: string;
    effectiveFrom: string;
    effectiveTo: string | null;
    decisionRef: string | null;
  }): Promise<boolean> {
    const inserted: { id: string }[] = await this.db().query(
      `INSERT INTO discipline_sanctions (case_id, employee_id, kind, sanction, level, months, allowance_cut, decided_on, effective_from, effective_to, decision_ref)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (case_id) DO NOTHING RETURNING id`,
      [
        s.caseId,
        s.employeeId,
        s.kind,
        s.sanction,
        s.level,
        s.months,
        s.allowanceCut,
        s.decidedOn,
        s.effectiveFrom,
        s.effectiveTo,
        s.decisionRef,
      ],
    );
    return inserted.length === 1;
  }

  /** Locks the attendance scan's watermark (serialises scans) and returns it. */
  async lockScanWatermark(): Promise<Date | string> {
    await this.db().query(
      `INSERT INTO discipline_scan_state (name, watermark) VALUES ('attendance', '-infinity') ON CONFLICT (name) DO NOTHING`,
    );
    const [{ watermark }]: { watermark: Date | string }[] = await this.db().query(
      `SELECT watermark FROM discipline_scan_state WHERE name = 'attendance' FOR UPDATE`,
    );
    return watermark;
  }

  async advanceScanWatermark(to: Date): Promise<void> {
    await this.db().query(
      `UPDATE discipline_scan_state SET watermark = GREATEST(watermark, $1::timestamptz) WHERE name = 'attendance'`,
      [to],
    );
  }
}
