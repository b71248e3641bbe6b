/**
 * Response shapes the pages read. Request bodies and paths come from the generated schema (schema.d.ts);
 * these mirror the API's views for responses the OpenAPI document does not describe yet.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface IndicatorView {
  id: string;
  text: string;
  aspect: string | null;
  perspective: string | null;
  target: string | null;
}
export interface ResultView {
  id: string;
  kind: string;
  text: string;
  parentResultId: string | null;
  indicators: IndicatorView[];
}
export interface BehaviorView {
  coreValue: string;
  specialExpectation: string | null;
}
export interface SkpHistory {
  from: string | null;
  to: string;
  action: string;
  actor: string;
  reason: string | null;
  at: string;
}
export interface SkpView {
  id: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  kind: string;
  closedEvent: string | null;
  nip: string;
  name: string;
  approach: string;
  formType: string;
  status: string;
  rejectionReason: string | null;
  results: ResultView[];
  behaviors: BehaviorView[];
  lampiran: { resources: string[]; accountabilityScheme: string[]; consequences: string[] };
  submittedAt: string | null;
  approvedAt: string | null;
  approvedByNip: string | null;
  version: number;
  history: SkpHistory[];
}
export interface SkpListItem {
  id: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  kind: string;
  nip: string;
  name: string;
  status: string;
  approach: string;
  formType: string;
  positionTitle: string;
  unitCode: string;
  updatedAt: string;
}
export interface CascadeChild {
  skpId: string;
  skpStatus: string;
  nip: string;
  name: string;
  positionTitle: string;
  resultId: string;
  kind: string;
  text: string;
  indicators: IndicatorView[];
}
export interface CascadeView {
  skp: { id: string; year: number; nip: string; name: string; status: string; positionTitle: string };
  results: (ResultView & { children: CascadeChild[] })[];
  reports:
    | {
        nip: string;
        name: string;
        positionTitle: string;
        skpId: string | null;
        skpStatus: string | null;
        linkedResults: number;
        unlinkedUtama: number;
      }[]
    | null;
}
export interface Explanation {
  ruleId: string;
  legalBasis: string;
  formula: string;
  inputs: Record<string, unknown>;
  steps?: { label: string; formula?: string; value?: unknown }[];
}
export interface DistributionViolation {
  rule: string;
  message: string;
  messageEn: string;
  actual: number | null;
  limit: number | null;
}
export interface DistributionReport {
  unitCode: string;
  unitName: string;
  period: string;
  orgPredicate: string | null;
  orgPredicateNote: string | null;
  population: number;
  counts: Record<string, number>;
  violations: DistributionViolation[];
  warnings: DistributionViolation[];
  ok: boolean;
  explanation: Explanation | null;
}
export interface EvaluationIndicator {
  id: string;
  text: string;
  aspect: string | null;
  perspective: string | null;
  target: string | null;
  realization: string | null;
  evidenceUrls: string[];
}
export interface EvaluationView {
  id: string | null;
  skpId: string;
  nip: string;
  name: string;
  year: number;
  approach: string;
  formType: string;
  period: string;
  periodKind: string;
  periodLabel: string;
  start: string;
  end: string;
  referenceDate: string;
  status: string;
  revision: number;
  resultRating: string | null;
  behaviorRating: string | null;
  predicate: string | null;
  explanation: Explanation | null;
  note: string | null;
  isUnitHead: boolean;
  unitCode: string | null;
  orgPredicate: string | null;
  results: { id: string; kind: string; text: string; feedback: string | null; indicators: EvaluationIndicator[] }[];
  behaviors: { coreValue: string; specialExpectation: string | null; feedback: string | null }[];
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
    original: { resultRating: string | null; behaviorRating: string | null; predicate: string | null };
  };
  finalizedAt: string | null;
}
export interface EvaluationListItem {
  period: string;
  periodKind: string;
  fromMonth: string;
  toMonth: string;
  id: string | null;
  status: string;
  predicate: string | null;
  revision: number;
}
export interface EvaluationList {
  skpId: string;
  year: number;
  cadence: string;
  items: EvaluationListItem[];
}
