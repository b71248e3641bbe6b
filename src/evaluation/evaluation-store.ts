import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { badRequest, notFound, unprocessable } from '../common/api-error';
import { Clock } from '../common/clock';
import { actorLabel, Principal } from '../identity/principal';
import { AssignmentSnapshot, OrgDirectory } from '../org/org-directory.service';
import { PANGKAT_NAME } from '../org/org.enums';
import { SkpEntity } from '../skp/entities/skp.entity';
import { SkpStore } from '../skp/skp-store';
import { SegmentRow, SkpSegmentsRepository } from '../skp/skp-segments.repository';
import { AnnualMode, segmentPeriod } from './segment-periods';
import { EvaluationEntity } from './entities/evaluation.entity';
import {
  Cadence,
  DEFAULT_CADENCE,
  EvaluationPeriod,
  fitsCadence,
  parsePeriodId,
  periodLabel,
  periodReferenceDate,
} from './periods';

export interface PersonBlock {
  employeeId: string;
  nip: string;
  name: string;
  golongan: string;
  pangkat: string | null;
  positionTitle: string;
  positionKind: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  isUnitHead: boolean;
}

/** Identity blocks of the DEKP, as they were on the evaluation's reference date (frozen at issue). */
export interface EvaluationSnapshot {
  onDate: string;
  agencyName: string;
  employee: PersonBlock;
  ppk: PersonBlock | null;
  atasanPpk: PersonBlock | null;
}

export interface HistoryItem {
  from: string | null;
  to: string;
  action: string;
  actor: string;
  reason: string | null;
  revision: number;
  at: string;
}

export const block = (s: AssignmentSnapshot): PersonBlock => ({
  employeeId: s.employeeId,
  nip: s.nip,
  name: s.name,
  golongan: s.golongan,
  pangkat: PANGKAT_NAME[s.golongan] ?? null,
  positionTitle: s.positionTitle,
  positionKind: s.positionKind,
  unitId: s.unitId,
  unitCode: s.unitCode,
  unitName: s.unitName,
  isUnitHead: s.isUnitHead,
});

/** Loads and writes the parts of an evaluation; resolves periods and reference dates. */
@Injectable()
export class EvaluationStore {
  constructor(
    readonly skpStore: SkpStore,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly segments: SkpSegmentsRepository,
  ) {}

  annualMode(): AnnualMode {
    return this.config.get('SKP_ANNUAL_MODE');
  }

  segmentsOfYear(m: EntityManager, skp: SkpEntity): Promise<SegmentRow[]> {
    return this.segments.segmentsOfYear(m, skp.employeeId, skp.year);
  }

  /** A calendar period as seen by this SKP (intersected with its dates, spec 04 §1.3). */
  async forSkp(m: EntityManager, skp: SkpEntity, p: EvaluationPeriod): Promise<EvaluationPeriod> {
    return segmentPeriod(p, skp, await this.segmentsOfYear(m, skp), this.annualMode());
  }

  async skp(m: EntityManager, id: string): Promise<SkpEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('SKP');
    const skp = await m.getRepository(SkpEntity).findOneBy({ id });
    if (!skp) throw notFound('SKP');
    return skp;
  }

  async cadence(m: EntityManager, year: number): Promise<{ cadence: Cadence; configured: boolean }> {
    const rows: { cadence: Cadence }[] = await m.query(`SELECT cadence FROM evaluation_cadences WHERE year = $1`, [
      year,
    ]);
    return rows[0] ? { cadence: rows[0].cadence, configured: true } : { cadence: DEFAULT_CADENCE, configured: false };
  }

  /** A period id of the SKP's year that fits the year's cadence, intersected with the SKP's own dates. */
  async period(m: EntityManager, skp: SkpEntity, id: string): Promise<EvaluationPeriod> {
    const p = parsePeriodId(id);
    if (!p)
      throw badRequest('Periode tidak valid / invalid period', [
        { field: 'period', problem: 'must be YYYY, YYYY-Q1..YYYY-Q4 or YYYY-01..YYYY-12' },
      ]);
    if (p.year !== skp.year) throw notFound('Evaluasi');
    const { cadence } = await this.cadence(m, p.year);
    if (!fitsCadence(p, cadence)) {
      throw unprocessable(
        `Periode ${id} tidak ada: evaluasi periodik tahun ${p.year} bersifat ${cadence} / the ${p.year} periodic cadence is ${cadence}`,
        [{ field: 'period', problem: `the ${p.year} cadence is ${cadence} (plus the ANNUAL evaluation)` }],
      );
    }
    return this.forSkp(m, skp, p);
  }

  async find(m: EntityManager, skpId: string, period: string, lock = false): Promise<EvaluationEntity | null> {
    return m
      .getRepository(EvaluationEntity)
      .findOne({ where: { skpId, period }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async byId(m: EntityManager, id: string, lock = false): Promise<EvaluationEntity | null> {
    return m
      .getRepository(EvaluationEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The evaluation row, created (DRAFT) on first write. Locked for the rest of the transaction. */
  async ensure(m: EntityManager, skp: SkpEntity, p: EvaluationPeriod): Promise<EvaluationEntity> {
    await m.query(
      `INSERT INTO evaluations (skp_id, employee_id, period, period_kind, from_month, to_month, status, revision, skp_kind)
       VALUES ($1, $2, $3, $4, $5, $6, 'DRAFT', 0, $7) ON CONFLICT (skp_id, period) DO NOTHING`,
      [skp.id, skp.employeeId, p.period, p.kind, p.fromMonth, p.toMonth, skp.kind],
    );
    return (await this.find(m, skp.id, p.period, true))!;
  }

  /** The date relations are judged on: frozen at rating, else today kept inside the period. */
  refDate(e: EvaluationEntity | null, p: EvaluationPeriod): string {
    return e?.refDate ?? periodReferenceDate(p, this.clock.today());
  }

  async snapshot(m: EntityManager, employeeId: string, onDate: string): Promise<EvaluationSnapshot> {
    const emp = await this.org.snapshotById(employeeId, onDate, m);
    if (!emp)
      throw unprocessable(`Pegawai tidak memiliki jabatan pada ${onDate} / the employee has no position on ${onDate}`);
    const ppkId = await this.org.ppkOf(employeeId, onDate, m);
    const ppk = ppkId ? await this.org.snapshotById(ppkId, onDate, m) : null;
    const atasanId = ppkId ? await this.org.ppkOf(ppkId, onDate, m) : null;
    const atasan = atasanId ? await this.org.snapshotById(atasanId, onDate, m) : null;
    return {
      onDate,
      agencyName: this.config.get('AGENCY_NAME'),
      employee: block(emp),
      ppk: ppk ? block(ppk) : null,
      atasanPpk: atasan ? block(atasan) : null,
    };
  }

  async transition(
    m: EntityManager,
    p: Principal | undefined,
    e: EvaluationEntity,
    from: string | null,
    to: string,
    action: string,
    reason: string | null,
  ): Promise<void> {
    await m.query(
      `INSERT INTO evaluation_transitions (evaluation_id, from_status, to_status, action, actor, reason, revision, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [e.id, from, to, action, actorLabel(p).actor, reason, e.revision, this.clock.now()],
    );
  }

  /** The same transition for many evaluations by the system (window expiry), in one statement. */
  async transitions(
    m: EntityManager,
    rows: { evaluationId: string; revision: number }[],
    t: { from: string; to: string; action: string; reason: string | null },
  ): Promise<void> {
    await m.query(
      `INSERT INTO evaluation_transitions (evaluation_id, from_status, to_status, action, actor, reason, revision, at)
       SELECT x.id, $3, $4, $5, $6, $7, x.revision, $8 FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS x(id, revision, n) ORDER BY x.n`,
      [
        rows.map((r) => r.evaluationId),
        rows.map((r) => r.revision),
        t.from,
        t.to,
        t.action,
        actorLabel(undefined).actor,
        t.reason,
        this.clock.now(),
      ],
    );
  }

  async history(m: EntityManager, evaluationId: string): Promise<HistoryItem[]> {
    const rows = await m.query(
      `SELECT from_status AS "from", to_status AS "to", action, actor, reason, revision, at FROM evaluation_transitions WHERE evaluation_id = $1 ORDER BY id`,
      [evaluationId],
    );
    return rows.map((r: HistoryItem & { at: Date }) => ({ ...r, at: new Date(r.at).toISOString() }));
  }

  async realizations(
    m: EntityManager,
    evaluationId: string,
  ): Promise<Map<string, { realization: string; evidenceUrls: string[]; updatedAt: string }>> {
    const rows = await m.query(
      `SELECT indicator_id AS "indicatorId", realization, evidence_urls AS "evidenceUrls", updated_at AS "updatedAt" FROM evaluation_realizations WHERE evaluation_id = $1`,
      [evaluationId],
    );
    return new Map(
      rows.map((r: { indicatorId: string; realization: string; evidenceUrls: string[]; updatedAt: Date }) => [
        r.indicatorId,
        { realization: r.realization, evidenceUrls: r.evidenceUrls, updatedAt: new Date(r.updatedAt).toISOString() },
      ]),
    );
  }

  async feedback(
    m: EntityManager,
    evaluationId: string,
  ): Promise<{ targetKind: 'RESULT' | 'CORE_VALUE'; target: string; text: string }[]> {
    return m.query(
      `SELECT target_kind AS "targetKind", target, text FROM evaluation_feedback WHERE evaluation_id = $1`,
      [evaluationId],
    );
  }

  /** The unit's distribution report a year-end batch stored once and referenced (evaluations.distribution_report_id). */
  async distributionReport(m: EntityManager, reportId: string): Promise<unknown> {
    const rows: { report: unknown }[] = await m.query(
      `SELECT report FROM evaluation_distribution_reports WHERE id = $1`,
      [reportId],
    );
    return rows[0]?.report ?? null;
  }

  async revisions(m: EntityManager, evaluationId: string) {
    const rows = await m.query(
      `SELECT revision, result_rating AS "resultRating", behavior_rating AS "behaviorRating", predicate, reason, created_by AS "createdBy", created_at AS "createdAt"
         FROM evaluation_revisions WHERE evaluation_id = $1 ORDER BY revision`,
      [evaluationId],
    );
    return rows.map((r: { createdAt: Date }) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  label(p: EvaluationPeriod): string {
    return periodLabel(p);
  }
}
