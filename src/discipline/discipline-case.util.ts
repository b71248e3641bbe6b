import { type DisciplineLevel, type Explanation, type NetralitasStage, type Sanction } from '../rules';
import { CaseKind, CaseStatus, CompetentOfficial, RecommendationLevel } from './discipline-policy.util';

/** What a case is opened from (the HTTP call or the attendance scan). */
export interface OpenCaseInput {
  employeeId: string;
  kind: CaseKind;
  act: string | null;
  stage: NetralitasStage | null;
  occurredOn: string;
  reportedOn: string;
  reportedBy: string;
  evidenceUrls: string[];
  description: string | null;
  level?: DisciplineLevel;
  /** NETRALITAS (04 §7): the election named by the reporter, and present only to listen (N05). */
  election?: string | null;
  listeningOnly?: boolean;
  /** minutesPerTmkDay: of the employee's allowance rule set (the scan passes it); absent = the discipline default. */
  attendance?: {
    cumulativeDays: number;
    consecutiveDays?: number;
    lateEarlyMinutes?: number;
    year?: number;
    facts?: unknown;
    minutesPerTmkDay?: number;
  };
}

export interface Classification {
  track: 'KODE_ETIK' | 'DISIPLIN' | 'PTDH' | null;
  level: DisciplineLevel | null;
  candidateSanctions: Sanction[];
  manualReview: boolean;
  explanation: Explanation;
  attendanceRung?: number;
}

export interface CaseRow {
  id: string;
  number: number;
  employee_id: string;
  kind: CaseKind;
  act: string | null;
  stage: string | null;
  occurred_on: string;
  reported_on: string;
  reported_by: string;
  description: string | null;
  evidence_urls: string[];
  subject: Subject;
  track: string | null;
  level: DisciplineLevel | null;
  candidate_sanctions: Sanction[];
  manual_review: boolean;
  classification: Explanation;
  status: CaseStatus;
  verified_on: string | null;
  recommended_level: RecommendationLevel | null;
  recommended_sanction: Sanction | null;
  recommended_on: string | null;
  competent_officials: CompetentOfficial[];
  competent_official_ids: string[];
  decided_sanction: Sanction | null;
  decided_level: string | null;
  decided_on: string | null;
  decision_ref: string | null;
  decided_by: string | null;
  delivered_on: string | null;
  effective_from: string | null;
  effective_to: string | null;
  effective_explanation: Explanation | null;
  ended_on: string | null;
  dismissed_reason: string | null;
  overdue_steps: string[];
  escalated: boolean;
  attendance_year: number | null;
  attendance_rung: number | null;
  attendance_facts: unknown;
  recommending_body: string | null;
  recommending_body_explanation: Explanation | null;
  election_code: string | null;
  stage_source: 'ELECTION' | 'REPORTED' | null;
  stage_explanation: Explanation | null;
  listening_only: boolean | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface Subject {
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

export const caseReference = (n: number) => `DIS-${String(n).padStart(6, '0')}`;

export function levelsFor(c: {
  track: string | null;
  level: string | null;
  recommended_level?: string | null;
}): RecommendationLevel[] {
  if (c.recommended_level) return [c.recommended_level as RecommendationLevel];
  if (c.track === 'KODE_ETIK') return ['KODE_ETIK'];
  if (c.track === 'PTDH') return ['PTDH'];
  if (c.level) return [c.level as RecommendationLevel];
  return ['RINGAN', 'SEDANG', 'BERAT'];
}

export const officialIds = (o: CompetentOfficial[]) => [
  ...new Set(o.map((x) => x.employeeId).filter((x): x is string => !!x)),
];
