import type {
  AkBasis,
  AkEntrySource,
  EmployeeStatus,
  Jenjang,
  OutcomeType,
  PositionKind,
  Predicate,
  Sanction,
  StepKind,
} from '../common/enums';
import type { Explanation } from '../common/explanation';

export const OUTCOME_STATUSES = ['ACTIVE', 'PROPOSED'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const OUTCOME_SOURCE_KINDS = [
  'EVALUATION',
  'AK_LEDGER',
  'AK_ELIGIBILITY',
  'DISCIPLINE_DECISION',
  'ALLOWANCE_MONTH',
  'TALENT_ASSESSMENT',
  'COMPETENCY_TEST',
  'PPPK_CONTRACT_REVIEW',
  /** The kenaikan pangkat calendar (04 §3): a KP due at a TMT. */
  'KP_CALENDAR',
] as const;
export type OutcomeSourceKind = (typeof OUTCOME_SOURCE_KINDS)[number];

/** A reward/punishment outcome. `key` is unique per (type, causing fact) so storage can dedupe. */
export interface Outcome {
  type: OutcomeType;
  key: string;
  status: OutcomeStatus;
  /** Bahasa Indonesia. */
  reason: string;
  legalBasis: string;
  effectiveFrom: string | null;
  /** Exclusive end date, null = open-ended. */
  effectiveTo: string | null;
  source: { kind: OutcomeSourceKind; id: string };
  explanation: Explanation;
}

/** A FINAL predicate of the employee. */
export interface FinalPredicateFact {
  /** "2025" (annual) or "2025-Q1" / "2025-03" (periodic). */
  period: string;
  predicate: Predicate;
  evaluationId?: string;
  /** Date the evaluation became FINAL (YYYY-MM-DD). */
  finalizedOn?: string;
}

/** Minimal view of an AK ledger entry (as produced by computeLedger). */
export interface AkEntryFact {
  source: AkEntrySource;
  jenjang: Jenjang;
  amount: string;
  basis?: AkBasis;
  fromMonth?: string;
  toMonth?: string;
  months?: number;
  predicate?: Predicate;
  degree?: string;
}

/** Minimal view of an eligibility result (as produced by checkEligibility). */
export interface EligibilityFact {
  kind: StepKind;
  to: string | null;
  eligible: boolean;
  unmet: string[];
  threshold?: string | null;
  shortfall?: string | null;
}

export interface DisciplineDecisionFact {
  id: string;
  sanction: Sanction;
  decidedOn?: string;
  /** Effective date; when absent it is computed from `deliveredOn` (Nth working day). */
  effectiveFrom?: string;
  deliveredOn?: string;
  holidays?: string[];
}

export interface AllowanceMonthFact {
  month: string;
  /** "code@version" of the rule set that computed the line. */
  ruleSet?: string;
  /** That rule set's legal references: the basis cited by its ALLOWANCE_CUT. */
  legalRefs?: string[];
  deductions: { code: string; amount: number; reason?: string }[];
}

export interface OutcomeInput {
  nip: string;
  employeeStatus?: EmployeeStatus;
  positionKind?: PositionKind;
  /** PPPK contract end (YYYY-MM-DD). */
  contractEnd?: string;
  /** Reference date for time-based outcomes (the clock is an input). */
  asOf?: string;
  predicates?: FinalPredicateFact[];
  ak?: {
    /** Entries of the open and closed ledgers (computeLedger: allEntries + closed[].entries). */
    entries?: AkEntryFact[];
    eligibility?: EligibilityFact[];
  };
  decisions?: DisciplineDecisionFact[];
  allowanceMonths?: AllowanceMonthFact[];
  talent?: { assessmentId: string; box: number; assessedOn: string };
  competencyTests?: { id: string; takenOn: string; passed: boolean; reassignedOn?: string }[];
}

export interface OutcomeResult {
  outcomes: Outcome[];
  explanation: Explanation;
}
