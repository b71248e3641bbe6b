import { addMonthsToDate } from '../rules/common/dates';
import { SANCTIONS, type Sanction } from '../rules/common/enums';
import {
  akDefaults,
  kpDefaults,
  kpNextPeriod,
  type EligibilityResult,
  type Explanation,
  type KpNextPeriodResult,
  type LedgerResult,
} from '../rules';
import type { CreditFacts, KpSanction } from './credit-facts';

/** The KP calendar position of a JF official's next kenaikan pangkat (04 §3.3), as the credit view shows it. */
export interface KpNextTmt {
  /** Date the months in pangkat are complete (the time condition; AK and predikat must be documented by `submitBy`). */
  eligibleOn: string;
  tmt: string | null;
  submitFrom: string | null;
  submitBy: string | null;
  regime: string | null;
  /** TMTs a sanction passed over (SANCTION_BLOCKING, KP_DELAY), with the case. */
  delayedBy: { tmt: string; reason: 'SANCTION_BLOCKING' | 'KP_DELAY'; sanction: string; caseId: string }[];
  explanation: Explanation;
}

/** Blocking and delay windows are at most 12 months (04 §3.3): older sanctions cannot touch a TMT still open. */
const SANCTION_LOOKBACK_MONTHS = 36;

export function kpSanctionsSince(today: string): string {
  return addMonthsToDate(today, -SANCTION_LOOKBACK_MONTHS);
}

/**
 * kp.nextPeriod for a JF official whose next step is a kenaikan pangkat: eligibleOn = start of the pangkat
 * + the minimum months (02 §7.2); asOf = today, so a TMT whose window has closed is not offered. Eligibility
 * dates far in the past start the search at the oldest date that can still matter (never changes the result).
 */
export function kpNextForCredit(
  facts: Pick<CreditFacts, 'status' | 'pangkatSince' | 'kpSanctions'>,
  ledger: Pick<LedgerResult, 'next' | 'informational'>,
  eligibility: EligibilityResult | null,
  today: string,
): KpNextTmt | null {
  if (facts.status !== 'PNS' || ledger.informational || ledger.next?.kind !== 'KENAIKAN_PANGKAT') return null;
  if (eligibility && eligibility.to === null) return null;
  const eligibleOn = addMonthsToDate(facts.pangkatSince, akDefaults.kp.minMonthsInPangkat);
  return kpNextFrom(eligibleOn, facts.kpSanctions, today);
}

/** kp.nextPeriod from an eligibility date and the employee's sanctions (shared with the regular KP of non-JF staff). */
export function kpNextFrom(eligibleOn: string, sanctions: KpSanction[], today: string): KpNextTmt {
  const known = sanctions.filter((s) => (SANCTIONS as readonly string[]).includes(s.type));
  const floor = [kpSanctionsSince(today), ...known.map((s) => s.effectiveFrom)].sort()[0];
  const r: KpNextPeriodResult = kpNextPeriod({
    eligibleOn: eligibleOn < floor ? floor : eligibleOn,
    asOf: today,
    sanctions: known.map((s) => ({ type: s.type, effectiveFrom: s.effectiveFrom })),
  });
  const delayedBy = r.skipped
    .filter((s) => s.reason !== 'SUBMISSION_CLOSED')
    .map((s) => {
      const window = (k: KpSanction) =>
        kpDefaults.sanctions.blocking[k.type as Sanction] ?? kpDefaults.sanctions.delay[k.type as Sanction] ?? 0;
      const cause = known.find((k) => k.effectiveFrom <= s.tmt && addMonthsToDate(k.effectiveFrom, window(k)) > s.tmt);
      return {
        tmt: s.tmt,
        reason: s.reason as 'SANCTION_BLOCKING' | 'KP_DELAY',
        sanction: cause?.type ?? '',
        caseId: cause?.caseId ?? '',
      };
    });
  return {
    eligibleOn,
    tmt: r.tmt,
    submitFrom: r.submitFrom,
    submitBy: r.submitBy,
    regime: r.regime,
    delayedBy,
    explanation: r.explanation,
  };
}
