import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-errors';
import { ActionPlansReadService } from '../action-plans/action-plans-read.service';
import { OrgDirectory } from '../org/org-directory.service';
import type { Predicate, Rating } from '../rules/common/enums';
import { CORE_VALUES, CoreValue, ResultKind, SkpApproach, SkpFormType } from '../skp/skp.enums';
import type { EvaluationStatus, FinalizedBy } from './evaluation-status.util';
import { SkpEntity } from '../skp/entities/skp.entity';
import type { BehaviorView, ResultView } from '../skp/skp-content.repository';
import { SkpContentRepository } from '../skp/skp-content.repository';
import type { UnitPredicate } from './distribution.repository';
import { DistributionReport, DistributionService } from './distribution.service';
import { EvaluationEntity } from './entities/evaluation.entity';
import { EvaluationLookup } from './evaluation-lookup.service';
import { EvaluationPartsRepository, HistoryItem, RealizationRow } from './evaluation-parts.repository';
import type { EvaluationSnapshot } from './evaluation-snapshot.util';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationPeriod, PeriodKind, periodLabel } from './periods';

export interface EvaluationView {
  id: string | null;
  skpId: string;
  nip: string;
  name: string;
  year: number;
  approach: SkpApproach;
  formType: SkpFormType;
  period: string;
  periodKind: PeriodKind;
  periodLabel: string;
  fromMonth: string;
  toMonth: string;
  start: string;
  end: string;
  referenceDate: string;
  status: EvaluationStatus;
  revision: number;
  resultRating: Rating | null;
  behaviorRating: Rating | null;
  predicate: Predicate | null;
  explanation: unknown;
  note: string | null;
  isUnitHead: boolean;
  unitCode: string | null;
  orgPredicate: string | null;
  results: {
    id: string;
    kind: ResultKind;
    text: string;
    feedback: string | null;
    parentText: string | null;
    indicators: {
      id: string;
      text: string;
      aspect: string | null;
      perspective: string | null;
      target: string | null;
      realization: string | null;
      evidenceUrls: string[];
    }[];
  }[];
  behaviors: { coreValue: CoreValue; specialExpectation: string | null; feedback: string | null }[];
  ratedAt: string | null;
  issuedAt: string | null;
  objectionDeadline: string | null;
  distributionJustification: string | null;
  distribution: DistributionReport | null;
  objection: null | {
    reason: string;
    filedAt: string | null;
    ppkExplanation: string | null;
    decisionNote: string | null;
    decidedAt: string | null;
    decidedByNip: string | null;
    original: { resultRating: Rating | null; behaviorRating: Rating | null; predicate: Predicate | null };
    distributionAfterDecision: DistributionReport | null;
  };
  finalizedAt: string | null;
  finalizedBy: FinalizedBy | null;
  snapshot: EvaluationSnapshot | null;
  revisions: unknown[];
  history: HistoryItem[];
  /** Rating response only: what the PPK must see (e.g. a discipline sanction in the period, §4 of issue 8). */
  warnings?: RatingWarning[];
}

export interface RatingWarning {
  code: 'DISCIPLINE_SANCTION_IN_PERIOD';
  message: string;
  caseIds: string[];
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Parts the caller already holds (the rating transaction): the view does not read them again. */
export interface ViewPreloaded {
  employee?: { nip: string; name: string };
  results?: ResultView[];
  behaviors?: BehaviorView[];
  feedback?: { targetKind: 'RESULT' | 'CORE_VALUE'; target: string; text: string }[];
  /** Code of `e.unitId`. */
  unitCode?: string;
  /** The evaluation's realisations and transitions, when the caller holds them current. */
  realizations?: Map<string, RealizationRow>;
  history?: HistoryItem[];
  /** The SKP's feedback log of the period, latest entry per target (`RESULT:<id>`, `CORE_VALUE:<v>`). */
  feedbackLog?: Map<string, string>;
  /** `DistributionService.predicateUp` of `e.unitId` for the period. */
  unitPredicate?: UnitPredicate;
}

/** Builds the evaluation as the API returns it (and the DEKP prints it). */
@Injectable()
export class EvaluationViews {
  constructor(
    private readonly lookup: EvaluationLookup,
    private readonly repo: EvaluationRepository,
    private readonly parts: EvaluationPartsRepository,
    private readonly skps: SkpContentRepository,
    private readonly distribution: DistributionService,
    private readonly plans: ActionPlansReadService,
    private readonly org: OrgDirectory,
  ) {}

  async view(
    skp: SkpEntity,
    p: EvaluationPeriod,
    e: EvaluationEntity | null,
    pre: ViewPreloaded = {},
  ): Promise<EvaluationView> {
    const emp = pre.employee ?? (await this.org.people([skp.employeeId])).get(skp.employeeId);
    if (!emp) throw new NotFoundError('Pegawai');
    const content =
      pre.results && pre.behaviors
        ? { results: pre.results, behaviors: pre.behaviors }
        : await this.skps.content(skp.id);
    const results = content.results;
    const behaviors = [...content.behaviors];
    const real = pre.realizations ?? (e ? await this.parts.realizations(e.id) : new Map<string, RealizationRow>());
    const fb = pre.feedback ?? (e ? await this.parts.feedback(e.id) : []);
    // Umpan balik berkelanjutan (spec 04 §2.1): the rating's own text, else the latest log entry of the period.
    const log = pre.feedbackLog ?? (await this.plans.latestFeedback(skp.id, p.period));
    const fbOf = (kind: string, target: string) =>
      fb.find((f) => f.targetKind === kind && f.target === target)?.text ?? log.get(`${kind}:${target}`) ?? null;
    const refDate = this.lookup.refDate(e, p);
    const snapshot = (e?.snapshot as EvaluationSnapshot | null) ?? null;

    let unitCode: string | null = null;
    let orgPredicate: string | null = null;
    if (e?.unitId) {
      if (e.isUnitHead) {
        unitCode = pre.unitCode ?? (await this.distribution.unitById(e.unitId))?.code ?? null;
        const orgUnitId = snapshot?.employee.unitId ?? (await this.ledUnitId(e, refDate));
        orgPredicate = orgUnitId
          ? ((await this.distribution.performance(orgUnitId, p.period))?.predicate ?? null)
          : null;
      } else {
        // The unit's code and its distribution's org predicate in one read (the walk starts at the unit).
        const up = pre.unitPredicate ?? (await this.distribution.predicateUp(e.unitId, p.period));
        unitCode = pre.unitCode ?? up.unitCode;
        orgPredicate = up.orgPredicate;
      }
    }
    const decidedBy = e?.decidedBy ? ((await this.org.nipsByIds([e.decidedBy])).get(e.decidedBy) ?? null) : null;
    const coreOrder = (v: string) => CORE_VALUES.indexOf(v as never);
    // Enum-typed fields below come from columns with CHECK constraints of the same values.
    return {
      id: e?.id ?? null,
      skpId: skp.id,
      nip: emp.nip,
      name: emp.name,
      year: skp.year,
      approach: skp.approach as SkpApproach,
      formType: skp.formType as SkpFormType,
      period: p.period,
      periodKind: p.kind,
      periodLabel: periodLabel(p),
      fromMonth: p.fromMonth,
      toMonth: p.toMonth,
      start: p.start,
      end: p.end,
      referenceDate: refDate,
      status: (e?.status ?? 'DRAFT') as EvaluationStatus,
      revision: e?.revision ?? 0,
      resultRating: (e?.resultRating ?? null) as Rating | null,
      behaviorRating: (e?.behaviorRating ?? null) as Rating | null,
      predicate: (e?.predicate ?? null) as Predicate | null,
      explanation: e?.explanation ?? null,
      note: e?.note ?? null,
      isUnitHead: e?.isUnitHead ?? false,
      unitCode,
      orgPredicate,
      results: results.map((r) => ({
        id: r.id,
        kind: r.kind as ResultKind,
        text: r.text,
        feedback: fbOf('RESULT', r.id),
        parentText: r.parentResultText ?? null,
        indicators: r.indicators.map((i) => ({
          id: i.id,
          text: i.text,
          aspect: i.aspect,
          perspective: i.perspective,
          target: i.target,
          realization: real.get(i.id)?.realization ?? null,
          evidenceUrls: real.get(i.id)?.evidenceUrls ?? [],
        })),
      })),
      behaviors: behaviors
        .sort((a, b) => coreOrder(a.coreValue) - coreOrder(b.coreValue))
        .map((b) => ({
          coreValue: b.coreValue as CoreValue,
          specialExpectation: b.specialExpectation,
          feedback: fbOf('CORE_VALUE', b.coreValue),
        })),
      ratedAt: iso(e?.ratedAt ?? null),
      issuedAt: iso(e?.issuedAt ?? null),
      objectionDeadline: iso(e?.objectionDeadline ?? null),
      distributionJustification: e?.distributionJustification ?? null,
      distribution: (e?.distributionReport ??
        (e?.distributionReportId ? await this.repo.distributionReport(e.distributionReportId) : null) ??
        null) as DistributionReport | null,
      objection: e?.objectionReason
        ? {
            reason: e.objectionReason,
            filedAt: iso(e.objectedAt),
            ppkExplanation: e.ppkExplanation,
            decisionNote: e.decisionNote,
            decidedAt: iso(e.decidedAt),
            decidedByNip: decidedBy,
            original: {
              resultRating: e.originalResultRating as Rating | null,
              behaviorRating: e.originalBehaviorRating as Rating | null,
              predicate: e.originalPredicate as Predicate | null,
            },
            distributionAfterDecision: (e.decisionDistributionReport as DistributionReport | null) ?? null,
          }
        : null,
      finalizedAt: iso(e?.finalizedAt ?? null),
      finalizedBy: (e?.finalizedBy ?? null) as FinalizedBy | null,
      snapshot,
      // Revision rows are written only by an ADMIN correction, which raises `revision`.
      revisions: e && e.revision > 0 ? await this.parts.revisions(e.id) : [],
      history: pre.history ?? (e ? await this.parts.history(e.id) : []),
    };
  }

  /** The unit a unit head leads on the reference date. */
  async ledUnitId(e: { employeeId: string }, onDate: string): Promise<string | null> {
    return (await this.org.snapshotById(e.employeeId, onDate))?.unitId ?? null;
  }
}
