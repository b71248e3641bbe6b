import { addMonthsToDate, formatDate, parseDate } from '../common/dates';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation, type ExplanationStep } from '../common/explanation';
import { SANCTIONS, parseEnum } from '../common/enums';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { asArray, asObject } from '../common/validate';
import { selectVersion } from '../common/versioning';
import { kpDefaults, type KpConfig } from '../config/defaults';

export interface KpNextPeriodInput {
  /** Date on which every KP condition holds (time-based ones may lie in the future). */
  eligibleOn: string;
  /** Today: a TMT whose submission deadline has passed is not offered. */
  asOf?: string;
  /** Discipline sanctions decided for the employee. */
  /** `type` is a Sanction; other types (from older data) do not delay the KP. */
  sanctions?: { type: string; effectiveFrom: string }[];
}

export interface KpNextPeriodResult {
  /** First KP TMT (YYYY-MM-DD), null when a sanction ends employment. */
  tmt: string | null;
  /** Submission window of that TMT (04 §3.2). */
  submitFrom: string | null;
  submitBy: string | null;
  /** Id of the period regime in force on the TMT (04 §3.1). */
  regime: string | null;
  /** TMTs passed over, with the reason code (SANCTION_BLOCKING, SUBMISSION_CLOSED, KP_DELAY). */
  skipped: { tmt: string; reason: string }[];
  explanation: Explanation;
}

/** Searching further than this many months means the inputs admit no KP date (never loops). */
const HORIZON_MONTHS = 240;

/** Whether the 1st of (y, m) is a TMT date of the regime in force on it (04 §3.1). */
function isTmt(date: string, cfg: KpConfig): { ok: boolean; regime: string } {
  const v = selectVersion(cfg.periods, date);
  return { ok: v.data.months.includes(Number(date.slice(5, 7))), regime: v.id };
}

/** First TMT date on or after `from` (04 §3.1; a date that no regime lists, e.g. 1 Sep 2025, is skipped). */
export function firstTmtOnOrAfter(from: string, cfg: KpConfig): string {
  const d = parseDate(from, 'date');
  let cur = formatDate({ y: d.y, m: d.m, d: 1 });
  if (d.d > 1) cur = addMonthsToDate(cur, 1);
  for (let i = 0; i < HORIZON_MONTHS; i++) {
    if (isTmt(cur, cfg).ok) return cur;
    cur = addMonthsToDate(cur, 1);
  }
  throw new RuleInputError(`no KP period date within ${HORIZON_MONTHS} months of ${from}`, 'eligibleOn');
}

/** Submission window of a TMT: the per-TMT calendar override, else the rule of 04 §3.2. */
export function submissionWindow(tmt: string, cfg: KpConfig): { submitFrom: string; submitBy: string } {
  const override = cfg.submissionCalendar[tmt];
  if (override) return { submitFrom: override.submitFrom, submitBy: override.submitBy };
  const s = cfg.submission;
  const fromMonth = addMonthsToDate(tmt, -s.fromMonthsBefore);
  const byMonth = addMonthsToDate(tmt, -s.byMonthsBefore);
  return {
    submitFrom: `${fromMonth.slice(0, 8)}${String(s.fromDay).padStart(2, '0')}`,
    submitBy: `${byMonth.slice(0, 8)}${String(s.byDay).padStart(2, '0')}`,
  };
}

/**
 * Next kenaikan pangkat TMT (rule `kp.nextPeriod`, 04 §3.3): the first TMT date of the regime in force
 * on it that is ≥ eligibleOn, whose submission deadline is not past `asOf`, outside every blocking
 * sanction window; a KP_DELAY_12M moves the first TMT in its year 12 months later (§9.1).
 */
export function kpNextPeriod(input: KpNextPeriodInput, config?: DeepPartial<KpConfig>): KpNextPeriodResult {
  const cfg = mergeConfig(kpDefaults, config);
  const obj = asObject(input, 'input');
  const eligibleOn = formatDate(parseDate(obj.eligibleOn, 'eligibleOn'));
  const asOf = obj.asOf === undefined || obj.asOf === null ? null : formatDate(parseDate(obj.asOf, 'asOf'));
  const sanctions = (
    obj.sanctions === undefined || obj.sanctions === null ? [] : asArray(obj.sanctions, 'sanctions')
  ).map((raw, i) => {
    const s = asObject(raw, `sanctions[${i}]`);
    return {
      type: parseEnum(SANCTIONS, s.type, `sanctions[${i}].type`),
      effectiveFrom: formatDate(parseDate(s.effectiveFrom, `sanctions[${i}].effectiveFrom`)),
    };
  });
  const steps: ExplanationStep[] = [];
  const skipped: { tmt: string; reason: string }[] = [];
  const base = {
    ruleId: 'kp.nextPeriod',
    legalBasis:
      'Kep. Kepala BKN 12/2002; Peraturan BKN 4/2023 Pasal 2; Peraturan BKN 4/2025; Surat BKN 13749/B-MP.01.01/SD/D/2025; PerBKN 6/2022 Pasal 50, 55',
    status: sanctions.length > 0 ? ('INFERRED' as const) : ('CONFIRMED' as const),
    inputs: { eligibleOn, asOf, sanctions },
  };

  const ending = sanctions.find((s) => cfg.sanctions.ending.includes(s.type));
  if (ending) {
    return {
      tmt: null,
      submitFrom: null,
      submitBy: null,
      regime: null,
      skipped,
      explanation: explanation({
        ...base,
        formula: `${ending.type} berlaku ${ending.effectiveFrom}: pemberhentian, tidak ada kenaikan pangkat`,
      }),
    };
  }
  const blocking = sanctions.flatMap((s) => {
    const months = cfg.sanctions.blocking[s.type];
    return months === undefined ? [] : [{ ...s, until: addMonthsToDate(s.effectiveFrom, months) }];
  });
  const delays = sanctions.flatMap((s) => {
    const months = cfg.sanctions.delay[s.type];
    return months === undefined ? [] : [{ ...s, months, used: false }];
  });

  let tmt = firstTmtOnOrAfter(eligibleOn, cfg);
  for (let guard = 0; guard < HORIZON_MONTHS; guard++) {
    const block = blocking.find((b) => b.effectiveFrom <= tmt && tmt < b.until);
    if (block) {
      skipped.push({ tmt, reason: 'SANCTION_BLOCKING' });
      steps.push({
        label: `TMT ${tmt} dilewati`,
        formula: `${block.type} berlaku ${block.effectiveFrom} s.d. sebelum ${block.until}`,
      });
      tmt = firstTmtOnOrAfter(block.until, cfg);
      continue;
    }
    // A KP_DELAY applies to the first TMT on or after its effective date while it is in force (04 §9.1).
    const delay = delays.find(
      (d) => !d.used && d.effectiveFrom <= tmt && tmt < addMonthsToDate(d.effectiveFrom, d.months),
    );
    if (delay) {
      delay.used = true;
      const moved = addMonthsToDate(tmt, delay.months);
      skipped.push({ tmt, reason: 'KP_DELAY' });
      steps.push({
        label: `TMT ${tmt} ditunda`,
        formula: `${delay.type} (${delay.effectiveFrom}): ${tmt} + ${delay.months} bulan = ${moved}`,
      });
      tmt = firstTmtOnOrAfter(moved, cfg);
      continue;
    }
    const w = submissionWindow(tmt, cfg);
    if (asOf !== null && w.submitBy < asOf) {
      skipped.push({ tmt, reason: 'SUBMISSION_CLOSED' });
      steps.push({ label: `TMT ${tmt} dilewati`, formula: `batas usul ${w.submitBy} sebelum ${asOf}` });
      tmt = firstTmtOnOrAfter(addMonthsToDate(tmt, 1), cfg);
      continue;
    }
    const regime = isTmt(tmt, cfg).regime;
    return {
      tmt,
      submitFrom: w.submitFrom,
      submitBy: w.submitBy,
      regime,
      skipped,
      explanation: explanation({
        ...base,
        formula: `memenuhi syarat ${eligibleOn} → TMT kenaikan pangkat ${tmt} (periode ${regime}); usul ${w.submitFrom} s.d. ${w.submitBy}`,
        steps,
      }),
    };
  }
  throw new RuleInputError(`no KP period date within ${HORIZON_MONTHS} months`, 'eligibleOn');
}
