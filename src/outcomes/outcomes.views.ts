import type { OutcomeType } from '../rules';

/** A reward or punishment derived from a performance or discipline fact, with its reason and legal basis. */
export interface OutcomeView {
  id: string;
  nip: string;
  type: OutcomeType;
  status: string;
  reason: string;
  legalBasis: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: { kind: string; id: string };
  period: string | null;
  explanation: Record<string, unknown>;
  createdAt: string;
}
export interface OutcomeList {
  items: OutcomeView[];
}
export interface OutcomePage {
  items: OutcomeView[];
  nextCursor: string | null;
}
