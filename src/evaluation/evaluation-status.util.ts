/**
 * The evaluation status machine (spec 01 §3.5, §6–§11) as data: which action moves an evaluation
 * from which statuses to which. Pure; the services ask it before they write.
 */
export const EVALUATION_STATUSES = ['DRAFT', 'SUBMITTED', 'RATED', 'ISSUED', 'OBJECTED', 'FINAL'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** How an evaluation became FINAL: accepted, decided on keberatan, window expired, or corrected. */
export type FinalizedBy = 'ACCEPT' | 'DECISION' | 'EXPIRY' | 'CORRECTION';

export const EVALUATION_TRANSITIONS = {
  /** The employee's first realisations. */
  SUBMIT_REALIZATION: { from: ['DRAFT'], to: 'SUBMITTED' },
  /** The PPK rates (before the evaluation is issued). */
  RATE: { from: ['DRAFT', 'SUBMITTED'], to: 'RATED' },
  RERATE: { from: ['RATED'], to: 'RATED' },
  /** The PPK issues it (distribution checked): the keberatan window opens. */
  FINALIZE: { from: ['RATED'], to: 'ISSUED' },
  ACCEPT: { from: ['ISSUED'], to: 'FINAL' },
  OBJECT: { from: ['ISSUED'], to: 'OBJECTED' },
  /** The PPK's explanation on a keberatan (no change of status). */
  EXPLAIN: { from: ['OBJECTED'], to: 'OBJECTED' },
  /** The atasan PPK's decision on the keberatan is final. */
  DECISION: { from: ['OBJECTED'], to: 'FINAL' },
  /** The keberatan window passed (§11). */
  EXPIRY: { from: ['ISSUED'], to: 'FINAL' },
  /** An ADMIN correction is a new revision of a FINAL evaluation. */
  CORRECTION: { from: ['FINAL'], to: 'FINAL' },
} as const satisfies Record<string, { from: readonly EvaluationStatus[]; to: EvaluationStatus }>;

export type EvaluationAction = keyof typeof EVALUATION_TRANSITIONS;

/** The status after `action` from `from`, or null when the action is not allowed there. */
export function nextStatus(from: EvaluationStatus, action: EvaluationAction): EvaluationStatus | null {
  const t = EVALUATION_TRANSITIONS[action];
  return (t.from as readonly EvaluationStatus[]).includes(from) ? t.to : null;
}

/** Statuses from which the PPK may (re)rate. */
export function ratable(from: EvaluationStatus): boolean {
  return nextStatus(from, 'RATE') !== null || nextStatus(from, 'RERATE') !== null;
}
