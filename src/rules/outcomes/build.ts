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
}): Outcome {
  return {
    type: args.type,
    key: `${args.type}|${args.nip}|${args.fact}`,
    status: args.status ?? 'ACTIVE',
    reason: args.reason,
    legalBasis: OUTCOME_LEGAL[args.type],
    effectiveFrom: args.effectiveFrom,
    effectiveTo: args.effectiveTo,
    source: args.source,
    explanation: explanation({
      ruleId: `outcomes.${args.type}`,
      legalBasis: OUTCOME_LEGAL[args.type],
      status: args.inferred === false ? 'CONFIRMED' : 'INFERRED',
      inputs: args.inputs,
      formula: args.formula,
    }),
  };
}
