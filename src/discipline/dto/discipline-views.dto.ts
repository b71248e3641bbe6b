import type { DisciplineLevel, Explanation, Sanction } from '../../rules';
import type { NetralitasCaseFacts } from '../neutrality-elections.service';
import type {
  CaseKind,
  CaseStatus,
  CompetentOfficial,
  RecommendationLevel,
  Step,
  StepDeadline,
} from '../discipline-policy.util';

/** The reported employee as they were when the act occurred (kept on the case). */
export interface CaseSubject {
  nip: string;
  name: string;
  status: string;
  golongan: string;
  positionTitle: string;
  positionKind: string;
  jenjang: string | null;
  unitCode: string;
  unitName: string;
  agencyCode: string;
  agencyName: string;
}

/** A discipline / netralitas case as listed. */
export interface DisciplineCaseItem {
  id: string;
  number: number;
  /** DIS-000123 */
  reference: string;
  nip: string;
  name: string;
  kind: CaseKind;
  act: string | null;
  stage: string | null;
  occurredOn: string;
  reportedOn: string;
  reportedBy: string;
  description: string | null;
  evidenceUrls: string[];
  subject: CaseSubject;
  classification: {
    track: string | null;
    level: DisciplineLevel | null;
    candidateSanctions: Sanction[];
    manualReview: boolean;
    explanation: Explanation;
  };
  status: CaseStatus;
  verifiedOn: string | null;
  recommendation: {
    level: RecommendationLevel | null;
    sanction: Sanction;
    recommendedOn: string | null;
  } | null;
  competentOfficials: CompetentOfficial[];
  decision: {
    sanction: Sanction;
    level: string | null;
    label?: string;
    decidedOn: string | null;
    decisionRef: string | null;
    recordedBy: string | null;
  } | null;
  deliveredOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  endedOn: string | null;
  dismissedReason: string | null;
  overdueSteps: string[];
  escalated: boolean;
  /** ATTENDANCE cases: the attendance facts of the rung. */
  attendance: Record<string, unknown> | null;
  /** NETRALITAS cases (04 §7): recommending body of the act date, election and stage source, listeningOnly. */
  netralitas: NetralitasCaseFacts | null;
  version: number;
  createdAt: string;
}

export interface CaseEscalation {
  step: string;
  kind: string;
  dueOn: string;
  detectedOn: string;
  resolvedOn: string | null;
}

/** One case in full: step deadlines, escalations and its history. */
export interface DisciplineCaseView extends DisciplineCaseItem {
  deadlines: Record<Step, StepDeadline>;
  effectiveExplanation: Explanation | null;
  escalations: CaseEscalation[];
  history: { from: string | null; to: string; action: string; actor: string; note: string | null; at: string }[];
}

/** After a step, when the caller can no longer see the case (e.g. the level changed): what they did. */
export interface DisciplineStepDone {
  id: string;
  status: 'UPDATED';
}
export type DisciplineStepResult = DisciplineCaseView | DisciplineStepDone;

export interface DisciplineCasePage {
  items: DisciplineCaseItem[];
  nextCursor: string | null;
}

export interface DisciplineCaseSummary {
  kind: string;
  from: string;
  to: string;
  unitCode: string | null;
  total: number;
  escalated: number;
  byStatus: Record<string, number>;
  byUnit: { unitCode: string; unitName: string; counts: Record<string, number>; total: number }[];
  /** NETRALITAS: cases per recommending body of the act date (KASN / BKN, 04 §7); empty for other kinds. */
  byRecommendingBody: Record<string, number>;
}

export interface DisciplineEscalationList {
  items: (CaseEscalation & { id: string; caseId: string; caseReference: string; nip: string; unitCode: string })[];
}

export interface DisciplineHolidays {
  year: number;
  holidays: { date: string; name: string }[];
  /** Every non-working day used for deadlines (configured and national). */
  effectiveCalendar: string[];
}

/** One row of the export for the national sharing system (SBT). */
export type DisciplineExportRow = {
  caseReference: string;
  nip: string;
  name: string;
  agencyCode: string;
  agencyName: string;
  unitCode: string;
  unitName: string;
  positionTitle: string;
  kind: CaseKind;
  act: string | null;
  stage: string | null;
  /** NETRALITAS: KASN / BKN by the act date (04 §7). */
  recommendingBody: string | null;
  /** NETRALITAS N05: present only to listen (04 §7). */
  listeningOnly: boolean | null;
  occurredOn: string;
  reportedOn: string;
  reportedBy: string;
  verifiedOn: string | null;
  recommendedOn: string | null;
  decidedOn: string | null;
  deliveredOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  track: string | null;
  level: string | null;
  sanction: Sanction | null;
  sanctionDecided: boolean;
  status: CaseStatus;
  decisionRef: string | null;
  /** Step names joined with `|`. */
  overdueSteps: string;
  escalated: boolean;
};
export interface DisciplineExport {
  count: number;
  items: DisciplineExportRow[];
}
