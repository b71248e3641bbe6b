import { monthStart, parseDate, parseMonth } from '../common/dates';
import { asArray, asObject } from '../common/validate';
import { makeOutcome } from './build';
import type { AkEntryFact, EligibilityFact, Outcome, OutcomeInput } from './types';

const TERMINAL = ['KJ_ROUTE', 'NO_VACANCY_KP_USED', 'NO_HIGHER_STEP'];

/** Outcomes caused by the AK ledger (AK_CREDITED per entry) and by KP/KJ eligibility (02 §14.2). */
export function outcomesFromAk(input: OutcomeInput): Outcome[] {
  const out: Outcome[] = [];
  const nip = input.nip;
  const ak = input.ak == null ? {} : asObject(input.ak, 'ak');
  const entries = (ak.entries === undefined ? [] : asArray(ak.entries, 'ak.entries')) as AkEntryFact[];
  entries.forEach((e, i) => {
    asObject(e, `ak.entries[${i}]`);
    if (e.source === 'LAMA') return; // carried from an earlier PAK, not a new credit
    const fact =
      e.source === 'PREDIKAT'
        ? `${e.jenjang}:${e.basis}:${e.fromMonth}..${e.toMonth}`
        : e.source === 'PENDIDIKAN'
          ? `${e.jenjang}:PENDIDIKAN:${e.degree ?? e.fromMonth}`
          : `${e.jenjang}:${e.source}`;
    const from = e.fromMonth ? monthStart(parseMonth(e.fromMonth, `ak.entries[${i}].fromMonth`)) : (input.asOf ?? null);
    out.push(
      makeOutcome({
        type: 'AK_CREDITED',
        nip,
        fact,
        reason:
          e.source === 'PREDIKAT'
            ? `Angka kredit ${e.amount} dari predikat ${e.predicate} ${e.fromMonth} s.d. ${e.toMonth} (${e.months} bulan, ${e.jenjang})`
            : `Angka kredit ${e.amount} (${e.source}, ${e.jenjang})`,
        effectiveFrom: from,
        effectiveTo: null,
        source: { kind: 'AK_LEDGER', id: fact },
        inputs: { ...e },
        formula: `entri ${e.source} = ${e.amount}`,
        inferred: false,
      }),
    );
  });
  const elig = (ak.eligibility === undefined ? [] : asArray(ak.eligibility, 'ak.eligibility')) as EligibilityFact[];
  const asOf = input.asOf ?? null;
  if (asOf !== null) parseDate(asOf, 'asOf');
  elig.forEach((r, i) => {
    asObject(r, `ak.eligibility[${i}]`);
    const to = r.to ?? '?';
    const akMet = !r.unmet.includes('AK_SHORTFALL');
    const terminal = r.unmet.some((c) => TERMINAL.includes(c));
    const src = { kind: 'AK_ELIGIBILITY' as const, id: `${r.kind}:${to}` };
    if (r.kind === 'KENAIKAN_PANGKAT') {
      if (r.eligible) {
        out.push(
          makeOutcome({
            type: 'KENAIKAN_PANGKAT_ELIGIBLE',
            nip,
            fact: `KP:${to}`,
            reason: `Memenuhi syarat kenaikan pangkat ke ${to} (AK ${r.threshold} terpenuhi, masa pangkat dan predikat terpenuhi)`,
            effectiveFrom: asOf,
            effectiveTo: null,
            source: src,
            inputs: { ...r },
            formula: 'semua syarat KP terpenuhi',
          }),
        );
      } else if (akMet && !terminal) {
        out.push(
          makeOutcome({
            type: 'KP_DELAYED',
            nip,
            fact: `KP:${to}`,
            reason: `AK untuk kenaikan pangkat ke ${to} terpenuhi, tetapi belum memenuhi: ${r.unmet.join(', ')}`,
            effectiveFrom: asOf,
            effectiveTo: null,
            source: src,
            inputs: { ...r },
            formula: `AK terpenuhi ∧ unmet = {${r.unmet.join(', ')}}`,
          }),
        );
      }
    } else {
      if (r.eligible) {
        out.push(
          makeOutcome({
            type: 'KENAIKAN_JENJANG_ELIGIBLE',
            nip,
            fact: `KJ:${to}`,
            reason: `Memenuhi syarat kenaikan jenjang ke ${to}`,
            effectiveFrom: asOf,
            effectiveTo: null,
            source: src,
            inputs: { ...r },
            formula: 'semua syarat KJ terpenuhi',
          }),
        );
      }
      if (akMet && !terminal && r.unmet.includes('UKOM_NOT_PASSED')) {
        out.push(
          makeOutcome({
            type: 'COMPETENCY_TEST_REQUIRED',
            nip,
            fact: `KJ:${to}`,
            reason: `AK kumulatif kenaikan jenjang ke ${to} terpenuhi: dapat mengikuti uji kompetensi kenaikan jenjang`,
            effectiveFrom: asOf,
            effectiveTo: null,
            source: src,
            inputs: { ...r },
            formula: 'AK ≥ AKK jenjang ∧ belum lulus ukom → uji kompetensi',
            inferred: false,
          }),
        );
      }
    }
  });
  return out;
}
