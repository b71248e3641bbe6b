import type { EmployeeView } from '../org/dto/employee-view.dto';
import type { PltDelegationRef } from '../org/org-directory.service';
import type { Predicate } from '../rules/common/enums';
import type { EvaluationStatus } from '../evaluation/evaluation.service';
import type { PeriodKind } from '../evaluation/periods';
import type { SkpStatus } from '../skp/skp.enums';

/** What the caller may act as on the date (a person may hold several). */
export type MeRole = 'EMPLOYEE' | 'PPK' | 'ATASAN_PPK' | 'ADMIN';

export interface PersonRef {
  nip: string;
  name: string;
  positionTitle: string;
  unitCode: string;
  unitName: string;
}

export interface MeView {
  /** The date the relations hold on (YYYY-MM-DD; default today in Asia/Jakarta). */
  on: string;
  account: { nip: string; role: 'ADMIN' | 'EMPLOYEE' };
  roles: MeRole[];
  /** The caller's own employee record on the date; null for an account without one (e.g. the bootstrap admin) or outside any assignment. */
  employee: EmployeeView | null;
  /** My PPK (pejabat penilai) and atasan PPK on the date. */
  ppk: PersonRef | null;
  atasanPpk: PersonRef | null;
  /** Whom I am PPK of, and atasan PPK of, on the date. */
  ppkOf: PersonRef[];
  atasanPpkOf: (PersonRef & { ppkNip: string })[];
  /** Plt delegations naming me as the acting official in the year of `on` (each may get an ACTING SKP, POST /skp kind ACTING). */
  plt: PltDelegationRef[];
}

export interface TeamEvaluationStatus {
  period: string;
  periodKind: PeriodKind;
  status: EvaluationStatus;
  predicate: Predicate | null;
  objectionDeadline: string | null;
}

export interface TeamMember extends PersonRef {
  /** PPK: a direct report; ATASAN_PPK: a report of one of my reports (keberatan decisions). */
  relation: 'PPK' | 'ATASAN_PPK';
  /** The member's PPK (me for relation PPK). */
  ppkNip: string;
  skp: { id: string; status: SkpStatus; rejectionReason: string | null; updatedAt: string } | null;
  /** Evaluations started for the year's SKP (periodic first, then ANNUAL); periods not started are absent. */
  evaluations: TeamEvaluationStatus[];
}

export interface TeamView {
  on: string;
  year: number;
  items: TeamMember[];
}
