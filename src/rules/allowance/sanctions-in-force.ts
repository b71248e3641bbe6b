import { Dec, pct, show, sum, type Dec as DecT } from '../common/decimal';
import { rupiah } from './money';
import type { RawLine } from './deduction-lines';
import { SANCTIONS, parseEnum, type Sanction } from '../common/enums';
import {
  addMonthsToDate,
  daysInMonth,
  formatMonth,
  monthOfDate,
  monthStart,
  parseDate,
  toDayNumber,
} from '../common/dates';
import { SANCTION_CATALOGUE } from '../discipline/tables';
import type { AllowanceRuleSet, HukdisLevel, SanctionInForceInput } from './types';

export interface HukdisCut {
  sanction: Sanction;
  effectiveFrom: string;
  /** Fraction of the base cut this month (after pro-rata). */
  fraction: DecT;
  fromMonth: string;
  toMonth: string;
  note: string;
}

export interface HukdisEvaluation {
  cuts: HukdisCut[];
  /** Sanctions that are in force but carry no money cut under the rule set (with the reason). */
  notes: string[];
}

/** Sanctions with a money effect in `monthIndex` under the rule set's hukdis settings (03 §7, §11.2). */
export function hukdisForMonth(
  sanctions: SanctionInForceInput[],
  monthIndex: number,
  rs: AllowanceRuleSet,
): HukdisEvaluation {
  const cuts: HukdisCut[] = [];
  const notes: string[] = [];
  sanctions.forEach((s, i) => {
    const sanction = parseEnum(SANCTIONS, s.type, `sanctions[${i}].type`);
    const eff = parseDate(s.effectiveFrom, `sanctions[${i}].effectiveFrom`);
    const info = SANCTION_CATALOGUE[sanction];
    let pct: DecT | null;
    let months: number | null = info.months;
    if (rs.hukdisMode === 'NONE_TRANSITIONAL') {
      if (info.allowanceCut) notes.push(`${sanction}: tidak memotong TPP (mode transisi NONE_TRANSITIONAL)`);
      return;
    }
    if (rs.hukdisMode === 'PP94_25PCT') {
      if (!info.allowanceCut) return; // ringan / berat / PP53 types: no money cut
      if (rs.sedangExecutionMode === 'PP53_EQUIVALENT') {
        notes.push(
          `${sanction}: dilaksanakan setara PP 53/2010 (penundaan KGB/KP atau penurunan pangkat 1 tahun), tanpa potongan TPP`,
        );
        return;
      }
      pct = new Dec(info.allowanceCut);
    } else {
      const level: HukdisLevel | null =
        sanction === 'PDHTAPS'
          ? 'PDH'
          : info.level === 'RINGAN' || info.level === 'SEDANG' || info.level === 'BERAT'
            ? info.level
            : null;
      // A row for the sanction type wins over its level's row (Permentan 68/2012: 20/30/40 % for 1/2/3 months).
      const rows = rs.hukdisTable ?? [];
      const row =
        rows.find((r) => r.sanction === sanction) ??
        (level === null ? undefined : rows.find((r) => r.sanction === undefined && r.level === level));
      if (!row) return;
      if (info.allowanceCut && rs.sedangExecutionMode === 'PP53_EQUIVALENT') {
        notes.push(`${sanction}: dilaksanakan setara PP 53/2010, tanpa potongan TPP`);
        return;
      }
      pct = new Dec(row.pct);
      months = row.months;
    }
    if (months === null || months <= 0) return;
    let fraction: DecT;
    let fromIdx: number;
    let toIdx: number;
    if (rs.sanctionStart === 'NEXT_FULL_MONTH') {
      // First full calendar month on or after the effective date.
      fromIdx = eff.d === 1 ? monthOfDate(eff) : monthOfDate(eff) + 1;
      toIdx = fromIdx + months - 1;
      if (monthIndex < fromIdx || monthIndex > toIdx) return;
      fraction = pct;
    } else {
      const start = toDayNumber(eff);
      const end = toDayNumber(parseDate(addMonthsToDate(s.effectiveFrom, months), 'end')); // exclusive
      const mStart = toDayNumber(parseDate(monthStart(monthIndex), 'month'));
      const y = Math.floor(monthIndex / 12);
      const dim = daysInMonth(y, (monthIndex % 12) + 1);
      const mEnd = mStart + dim;
      const overlap = Math.max(0, Math.min(end, mEnd) - Math.max(start, mStart));
      fromIdx = monthOfDate(eff);
      toIdx = monthOfDate(parseDate(addMonthsToDate(s.effectiveFrom, months), 'end'));
      if (overlap === 0) return;
      fraction = pct.times(overlap).div(dim);
    }
    cuts.push({
      sanction,
      effectiveFrom: s.effectiveFrom,
      fraction,
      fromMonth: formatMonth(fromIdx),
      toMonth: formatMonth(toIdx),
      note: info.labelId,
    });
  });
  return { cuts, notes };
}

/** The HUKDIS line of a month (03 §9 step 6): REPLACE = the largest cut in force, ADD = their sum; never above the subtotal. */
export function hukdisLine(
  cuts: HukdisCut[],
  rs: AllowanceRuleSet,
  B: DecT,
  subtotalExact: DecT,
  r: (d: DecT) => DecT,
): RawLine | null {
  if (cuts.length === 0) return null;
  const chosen = rs.hukdisStacking === 'REPLACE' ? [cuts.reduce((a, b) => (b.fraction.gt(a.fraction) ? b : a))] : cuts;
  const fraction = sum(chosen.map((c) => c.fraction));
  const base = rs.hukdisBase === 'ENTITLEMENT' ? B : subtotalExact;
  let exact = r(base.times(fraction));
  let capped = '';
  if (exact.gt(subtotalExact)) {
    exact = subtotalExact;
    capped = ' (dibatasi sisa TPP)';
  }
  return {
    code: 'HUKDIS',
    exact,
    reason: `Hukuman disiplin: ${chosen.map((c) => `${c.sanction} (${c.note}; berlaku ${c.fromMonth} s.d. ${c.toMonth})`).join('; ')}${capped}`,
    formula: `${pct(fraction)} × ${rs.hukdisBase === 'ENTITLEMENT' ? 'besaran TPP' : 'subtotal'} ${rupiah(base)} = ${show(base.times(fraction))}${capped}`,
  };
}
