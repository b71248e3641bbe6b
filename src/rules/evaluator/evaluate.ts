import { RuleInputError } from '../common/errors';
import { asObject } from '../common/validate';
import { computePredicate } from '../predikat/matrix';
import { unitHeadPredicate, unitHeadResultRating } from '../predikat/unit-head';
import { suggestResultRating } from '../predikat/suggestion';
import { checkDistribution } from '../distribution/check-distribution';
import { convertPredicate } from '../angka-kredit/conversion';
import { computeLedger } from '../angka-kredit/ledger';
import { integrasi } from '../angka-kredit/integrasi';
import { akDasar } from '../angka-kredit/ak-dasar';
import { educationBonus } from '../angka-kredit/education';
import { checkEligibility } from '../angka-kredit/eligibility';
import { computeAllowanceMonth } from '../allowance/compute-month';
import { predicatePeriod } from '../allowance/predicate-period';
import { attendanceLadder } from '../discipline/attendance-ladder';
import { classifyNetralitas } from '../discipline/netralitas';
import { decisionEffectiveDate } from '../discipline/effective-date';
import { deriveOutcomes } from '../outcomes/derive-outcomes';
import { siasnKuadran } from '../siasn/kuadran';
import { kinerjaPeriodikPayload, skp22Payload, type PayloadResult } from '../siasn/payloads';
import { angkaKreditPayload } from '../siasn/angka-kredit-payload';
import { skpSegments } from '../segments/skp-segments';
import { orgPeriodicSuggestion } from '../segments/org-suggestion';
import { kpNextPeriod } from '../kenaikan-pangkat/next-period';
import { kpRegular } from '../kenaikan-pangkat/regular';
import { akOpening } from '../angka-kredit/opening';
import { pppkContractReview } from '../pppk/contract-review';
import { netralitasStage, recommendingBody } from '../discipline/recommending-body';

/** One evaluation case (golden file format: id, rule, input; other keys ignored). */
export interface RuleCase {
  id: string;
  rule: string;
  input: unknown;
  [k: string]: unknown;
}

export type CaseOutput = Record<string, unknown> | { error: string };

type Handler = (input: never) => object;

/** A SIASN body is printed flat (the keys SIASN receives) with its explanation beside them. */
const flat =
  <I, B extends object>(fn: (input: I) => PayloadResult<B>) =>
  (input: I) => {
    const r = fn(input);
    return { ...r.body, explanation: r.explanation };
  };

/** Rule id → pure function. Rule ids are those of spec/golden/README.md plus a few extras. */
export const RULE_HANDLERS: Partial<Record<string, Handler>> = {
  predikat: (input: unknown) =>
    typeof input === 'object' && input !== null && 'orgPredicate' in input
      ? unitHeadPredicate(input as never)
      : computePredicate(input as never),
  'unitHead.resultRating': unitHeadResultRating,
  'predikat.suggest': suggestResultRating,
  distribution: checkDistribution,
  'ak.conversion': convertPredicate,
  'ak.ledger': computeLedger,
  'ak.integrasi': integrasi,
  'ak.akDasar': akDasar,
  'ak.education': educationBonus,
  'ak.eligibility': checkEligibility,
  'allowance.month': computeAllowanceMonth,
  'allowance.predicatePeriod': predicatePeriod,
  'discipline.attendanceLadder': attendanceLadder,
  'discipline.effectiveDate': decisionEffectiveDate,
  'netralitas.classify': classifyNetralitas,
  'outcomes.derive': deriveOutcomes,
  'siasn.kuadran': siasnKuadran,
  'siasn.skp22Payload': flat(skp22Payload),
  'siasn.kinerjaPeriodikPayload': flat(kinerjaPeriodikPayload),
  'siasn.angkaKreditPayload': flat((i: Parameters<typeof angkaKreditPayload>[0]) => angkaKreditPayload(i)),
  'skp.segments': skpSegments,
  'org.periodicSuggestion': orgPeriodicSuggestion,
  'kp.nextPeriod': kpNextPeriod,
  'kp.regular': kpRegular,
  'ak.opening': akOpening,
  'pppk.contractReview': pppkContractReview,
  'netralitas.recommendingBody': recommendingBody,
  'netralitas.stage': (input: { date: string; election?: string }) => netralitasStage(input) ?? { stage: null },
};

/** Evaluates one case; a bad case yields `{ error }` and never throws. */
export function evaluateCase(c: unknown): CaseOutput {
  try {
    const obj = asObject(c, 'case');
    if (typeof obj.rule !== 'string') throw new RuleInputError('must be a string', 'rule');
    const handler = RULE_HANDLERS[obj.rule];
    if (!handler)
      throw new RuleInputError(`unknown rule "${obj.rule}" (known: ${Object.keys(RULE_HANDLERS).join(', ')})`, 'rule');
    if (obj.input === undefined) throw new RuleInputError('is required', 'input');
    // Round-trip through JSON so the output is exactly what the CLI prints.
    return JSON.parse(JSON.stringify(handler(obj.input as never))) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof RuleInputError) return { error: e.message };
    return { error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Evaluates a list of cases → `[{ id, output }]` in input order. */
export function evaluateCases(cases: readonly unknown[]): { id: string; output: CaseOutput }[] {
  return cases.map((c, i) => {
    const id =
      c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string' ? (c as { id: string }).id : `#${i}`;
    return { id, output: evaluateCase(c) };
  });
}
