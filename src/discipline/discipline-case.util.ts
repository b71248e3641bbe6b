import { ConflictError, UnprocessableError } from '../common/domain-errors';
import {
  ATTENDANCE_LADDER_TABLE,
  selectVersion,
  type AttendanceLadderResult,
  type DisciplineLevel,
  type Explanation,
  type NetralitasStage,
  type Sanction,
} from '../rules';
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

/**
 * What a step recorded that the case's status implies (VERIFIED has verified_on, RECOMMENDED its level and
 * date, DECIDED its sanction and date); a missing one means the case is inconsistent and the step cannot go on.
 */
export function recorded<T>(value: T | null, field: string): T {
  if (value === null)
    throw new ConflictError(`Kasus tidak lengkap: ${field} belum tercatat / the case has no ${field}`, [
      { field, problem: 'not recorded for the status of the case' },
    ]);
  return value;
}

/**
 * The attendance rung a ladder result crossed, as its first day count (PP 94/2021 Pasal 9–11): one automatic case
 * per rung and year. 1000 stands for the consecutive-days PDHTAPS, above every rung.
 */
export function attendanceRungFrom(ladder: AttendanceLadderResult, onDate: string): number {
  if (ladder.salaryStopNextMonth) return 1000;
  const rung = selectVersion(ATTENDANCE_LADDER_TABLE, onDate).data.rungs.find((x) => x.sanction === ladder.sanction);
  if (!rung)
    throw new UnprocessableError(
      `Sanksi ${ladder.sanction ?? '-'} tidak ada pada tangga kehadiran PP 94/2021 / not a rung of the attendance ladder`,
    );
  return rung.fromDays;
}
