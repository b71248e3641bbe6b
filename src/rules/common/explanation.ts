import type { RuleStatus } from './enums';

/** One human-readable step of a computation. */
export interface ExplanationStep {
  label: string;
  formula?: string;
  value?: string | number | boolean | null;
}

/**
 * JSON-serialisable explanation attached to every computed figure.
 * `formula` has the numbers substituted, e.g. "2/12 × 100% × 12.5 = 2.083".
 */
export interface Explanation {
  ruleId: string;
  legalBasis: string;
  status?: RuleStatus;
  inputs: Record<string, unknown>;
  formula: string;
  steps?: ExplanationStep[];
}

export function explanation(e: Explanation): Explanation {
  // Drop undefined values so the object round-trips through JSON unchanged.
  return JSON.parse(JSON.stringify(e)) as Explanation;
}
