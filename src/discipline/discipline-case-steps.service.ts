import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../authz/access-policy';
import { ApiError, conflict, notFound, unprocessable } from '../common/api-error';
import { Clock } from '../common/clock';
import { RequestContext } from '../common/request-context';
import { actorLabel, Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { SANCTION_CATALOGUE, type Sanction } from '../rules';
import { DisciplineCalendar } from './discipline-calendar.service';
import { NeutralityElectionsService } from './neutrality-elections.service';
import { CaseStatus, RecommendationLevel, sanctionsOfLevel, stepDeadlines, Step } from './discipline-policy';
import type { DisciplineCaseItem, DisciplineCaseView } from './discipline.views';
import { CASE_SELECT, CaseRow, caseReference } from './discipline-case.model';

/**
 * What the case use cases share: loading a case (404 for what the caller may not see), status and
 * date checks, the update with its history and audit, and the view.
 */
@Injectable()
export class DisciplineCaseSteps {
  constructor(
    private readonly org: OrgDirectory,
    private readonly dataSource: DataSource,
    private readonly calendar: DisciplineCalendar,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(p: Principal, id: string): Promise<DisciplineCaseView> {
    const c = await this.load(this.dataSource.manager, id, false);
    this.policy.requireCaseVisible(p, { employeeId: c.employee_id, competentOfficialIds: c.competent_official_ids });
    return this.view(this.dataSource.manager, c, true);
  }

  // ---- helpers --------------------------------------------------------------------------------

  async filters(q: {
    kind?: string;
    status?: string;
    unitCode?: string;
    from?: string;
    to?: string;
    nip?: string;
  }): Promise<{
    where: string[];
    params: unknown[];
  }> {
    const where: string[] = ['TRUE'];
    const params: unknown[] = [];
    if (q.kind) where.push(`c.kind = $${params.push(q.kind)}`);
    if (q.status) where.push(`c.status = $${params.push(q.status)}`);
    if (q.from) where.push(`c.occurred_on >= $${params.push(q.from)}::date`);
    if (q.to) where.push(`c.occurred_on <= $${params.push(q.to)}::date`);
    if (q.nip) where.push(`c.subject->>'nip' = $${params.push(q.nip)}`);
    if (q.unitCode) {
      const unitIds = await this.org.subtreeUnitIdsByCode(q.unitCode);
      where.push(`c.unit_id = ANY($${params.push(unitIds)}::uuid[])`);
    }
    return { where, params };
  }

  async step(
    p: Principal,
    id: string,
    fn: (m: EntityManager, c: CaseRow, rel: Set<'ADMIN' | 'OFFICIAL' | 'SELF'>) => Promise<void>,
  ) {
    await this.dataSource.transaction(async (m) => {
      const c = await this.load(m, id, true);
      const rel = this.policy.requireCaseVisible(p, {
        employeeId: c.employee_id,
        competentOfficialIds: c.competent_official_ids,
      });
      await fn(m, c, rel);
    });
    return this.get(p, id).catch((err) => {
      // The caller may no longer be a named official after the step (e.g. the level changed): return what they did.
      if (err instanceof ApiError && err.getStatus() === (HttpStatus.NOT_FOUND as number))
        return { id, status: 'UPDATED' as const };
      throw err;
    });
  }

  async load(m: EntityManager, id: string, lock: boolean): Promise<CaseRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound('Kasus');
    const rows: CaseRow[] = await m.query(`${CASE_SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!rows[0]) throw notFound('Kasus');
    return rows[0];
  }

  requireStatus(c: CaseRow, allowed: CaseStatus[], verb: string): void {
    if (!allowed.includes(c.status)) {
      throw conflict(
        `Kasus berstatus ${c.status}; langkah "${verb}" hanya dari ${allowed.join('/')} / wrong workflow state`,
        [{ field: 'status', problem: `is ${c.status}, must be ${allowed.join(' or ')}` }],
      );
    }
  }

  requireDate(on: string, notBefore: string, field: string): void {
    const today = this.clock.today();
    if (on < notBefore || on > today)
      throw unprocessable(`Tanggal ${field} harus antara ${notBefore} dan ${today} / ${field} out of range`, [
        { field, problem: `must be ${notBefore}..${today}` },
      ]);
  }

  requireSanctionOfLevel(level: RecommendationLevel, sanction: Sanction, field = 'sanction'): void {
    const menu = sanctionsOfLevel(level);
    if (!menu.includes(sanction)) {
      throw unprocessable(
        `Hukuman ${sanction} bukan jenis hukuman tingkat ${level}; pilihan: ${menu.join(', ')} / the sanction does not belong to the level`,
        [{ field, problem: `must be one of ${menu.join(', ')}` }],
      );
    }
  }

  dates(c: CaseRow) {
    return {
      kind: c.kind,
      status: c.status,
      reportedOn: c.reported_on,
      verifiedOn: c.verified_on,
      recommendedOn: c.recommended_on,
      decidedOn: c.decided_on,
      deliveredOn: c.delivered_on,
    };
  }

  async update(
    m: EntityManager,
    c: CaseRow,
    to: CaseStatus,
    action: string,
    note: string | null,
    patch: Record<string, unknown>,
  ): Promise<void> {
    const cols = Object.keys(patch);
    const sets = cols.map((k, i) => `${k} = $${i + 3}${k === 'competent_official_ids' ? '::uuid[]' : ''}`);
    await m.query(
      `UPDATE discipline_cases SET status = $2, ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
      [c.id, to, ...cols.map((k) => patch[k])],
    );
    const pick = (k: string, cur: string | null) => (k in patch ? (patch[k] as string | null) : cur);
    const after = {
      status: to,
      ...Object.fromEntries(cols.filter((k) => !k.startsWith('competent_official')).map((k) => [k, patch[k]])),
    };
    const holidays = await this.calendar.holidays(
      c.reported_on,
      `${Number(this.clock.today().slice(0, 4)) + 1}-12-31`,
      m,
    );
    const d = stepDeadlines(
      {
        kind: c.kind,
        status: to,
        reportedOn: c.reported_on,
        verifiedOn: pick('verified_on', c.verified_on),
        recommendedOn: pick('recommended_on', c.recommended_on),
        decidedOn: pick('decided_on', c.decided_on),
        deliveredOn: pick('delivered_on', c.delivered_on),
      },
      this.clock.today(),
      holidays,
    );
    const overdue = (Object.keys(d) as Step[]).filter((s) => d[s].overdue);
    await m.query(`UPDATE discipline_cases SET deadlines = $2, overdue_steps = $3 WHERE id = $1`, [
      c.id,
      JSON.stringify(d),
      overdue,
    ]);
    // The recommendation was acted on: an open escalation for it is resolved.
    if (to === 'DECIDED')
      await m.query(`UPDATE discipline_escalations SET resolved_on = $2 WHERE case_id = $1 AND resolved_on IS NULL`, [
        c.id,
        this.clock.today(),
      ]);
    await this.history(m, c.id, c.status, to, action, actorLabel(RequestContext.principal()).actor, note);
    await this.audit.record(m, {
      action: `discipline.case.${action.toLowerCase()}`,
      entityType: 'DisciplineCase',
      entityId: c.id,
      before: { status: c.status },
      after,
      reason: note,
    });
  }

  async history(
    m: EntityManager,
    caseId: string,
    from: string | null,
    to: string,
    action: string,
    actor: string,
    note: string | null = null,
  ): Promise<void> {
    await m.query(
      `INSERT INTO discipline_case_transitions (case_id, from_status, to_status, action, actor, note) VALUES ($1,$2,$3,$4,$5,$6)`,
      [caseId, from, to, action, actor.slice(0, 60), note],
    );
  }

  /**
   * Overdue steps as of today, not only as of the last sweep: a report filed late is overdue at once. The
   * calendar-day steps are recomputed here; delivery (working days, holidays) stays with the sweep.
   */
  private overdueNow(c: CaseRow): string[] {
    const live = stepDeadlines(this.dates(c), this.clock.today(), []);
    const now = (['verify', 'recommend', 'decide'] as Step[]).filter((s) => live[s].overdue);
    return [...new Set([...(c.overdue_steps ?? []), ...now])];
  }

  async view(m: EntityManager, c: CaseRow, full: true): Promise<DisciplineCaseView>;
  async view(m: EntityManager, c: CaseRow, full: false): Promise<DisciplineCaseItem>;
  async view(m: EntityManager, c: CaseRow, full: boolean): Promise<DisciplineCaseItem | DisciplineCaseView> {
    const base: DisciplineCaseItem = {
      id: c.id,
      number: c.number,
      reference: caseReference(c.number),
      nip: c.subject.nip,
      name: c.subject.name,
      kind: c.kind,
      act: c.act,
      stage: c.stage,
      occurredOn: c.occurred_on,
      reportedOn: c.reported_on,
      reportedBy: c.reported_by,
      description: c.description,
      evidenceUrls: c.evidence_urls,
      subject: c.subject,
      classification: {
        track: c.track,
        level: c.level,
        candidateSanctions: c.candidate_sanctions,
        manualReview: c.manual_review,
        explanation: c.classification,
      },
      status: c.status,
      verifiedOn: c.verified_on,
      recommendation: c.recommended_sanction
        ? { level: c.recommended_level, sanction: c.recommended_sanction, recommendedOn: c.recommended_on }
        : null,
      competentOfficials: c.competent_officials,
      decision: c.decided_sanction
        ? {
            sanction: c.decided_sanction,
            level: c.decided_level,
            label: SANCTION_CATALOGUE[c.decided_sanction]?.labelId,
            decidedOn: c.decided_on,
            decisionRef: c.decision_ref,
            recordedBy: c.decided_by,
          }
        : null,
      deliveredOn: c.delivered_on,
      effectiveFrom: c.effective_from,
      effectiveTo: c.effective_to,
      endedOn: c.ended_on,
      dismissedReason: c.dismissed_reason,
      overdueSteps: this.overdueNow(c),
      escalated: c.escalated,
      attendance: (c.attendance_facts as Record<string, unknown> | null) ?? null,
      netralitas: c.kind === 'NETRALITAS' ? NeutralityElectionsService.view(c) : null,
      version: c.version,
      createdAt: c.created_at.toISOString(),
    };
    if (!full) return base;
    const holidays = await this.calendar.holidays(
      c.reported_on,
      `${Number(this.clock.today().slice(0, 4)) + 1}-12-31`,
      m,
    );
    const deadlines = stepDeadlines(this.dates(c), this.clock.today(), holidays);
    base.overdueSteps = (Object.keys(deadlines) as Step[]).filter((s) => deadlines[s].overdue);
    const history = await m.query(
      `SELECT from_status AS "from", to_status AS "to", action, actor, note, at FROM discipline_case_transitions WHERE case_id = $1 ORDER BY id`,
      [c.id],
    );
    const escalations = await m.query(
      `SELECT step, kind, to_char(due_on,'YYYY-MM-DD') AS "dueOn", to_char(detected_on,'YYYY-MM-DD') AS "detectedOn", to_char(resolved_on,'YYYY-MM-DD') AS "resolvedOn"
         FROM discipline_escalations WHERE case_id = $1 ORDER BY created_at`,
      [c.id],
    );
    return { ...base, deadlines, effectiveExplanation: c.effective_explanation, escalations, history };
  }
}
