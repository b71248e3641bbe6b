import type { OutcomeType } from '../common/enums';
import { explanation } from '../common/explanation';
import { OUTCOME_LEGAL } from './legal';
import type { Outcome, OutcomeSourceKind, OutcomeStatus } from './types';

export function makeOutcome(args: {
  type: OutcomeType;
  nip: string;
  fact: string;
  status?: OutcomeStatus;
  reason: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: { kind: OutcomeSourceKind; id: string };
  inputs: Record<string, unknown>;
  formula: string;
  inferred?: boolean;
  /** The rule that caused this outcome, when it is more specific than the type's default basis. */
  legalBasis?: string;
}): Outcome {
  const legalBasis = args.legalBasis ?? OUTCOME_LEGAL[args.type];
  return {
    type: args.type,
    key: `${args.type}|${args.nip}|${args.fact}`,
    status: args.status ?? 'ACTIVE',
    reason: args.reason,
    legalBasis,
    effectiveFrom: args.effectiveFrom,
    effectiveTo: args.effectiveTo,
    source: args.source,
    explanation: explanation({
      ruleId: `outcomes.${args.type}`,
      legalBasis,
      status: args.inferred === false ? 'CONFIRMED' : 'INFERRED',
      inputs: args.inputs,
      formula: args.formula,
    }),
  };
}
