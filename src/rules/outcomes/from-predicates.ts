import { PREDICATES, parseEnum, type Predicate } from '../common/enums';
import { addMonthsToDate, formatMonth, monthStart, parseDate } from '../common/dates';
import { asArray, asObject, asString } from '../common/validate';
import type { OutcomeConfig } from '../config/defaults';
import { parsePeriod, type ParsedPeriod } from '../angka-kredit/periods';
import { predicateRank } from '../predikat/order';
import { makeOutcome } from './build';
import type { FinalPredicateFact, Outcome, OutcomeInput } from './types';

interface Pred extends ParsedPeriod {
  predicate: Predicate;
  evaluationId: string;
  finalizedOn: string;
}

const LABEL: Record<Predicate, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

export function parsePredicateFacts(raw: unknown): Pred[] {
  if (raw === undefined || raw === null) return [];
  return asArray(raw, 'predicates')
    .map((r, i) => {
      const o = asObject(r, `predicates[${i}]`) as unknown as FinalPredicateFact;
      const p = parsePeriod(o.period, `predicates[${i}].period`);
      const predicate = parseEnum(PREDICATES, o.predicate, `predicates[${i}].predicate`);
      const finalizedOn =
        o.finalizedOn === undefined
          ? monthStart(p.toMonth + 1)
          : asString(o.finalizedOn, `predicates[${i}].finalizedOn`);
      parseDate(finalizedOn, `predicates[${i}].finalizedOn`);
      return { ...p, predicate, evaluationId: o.evaluationId ?? p.period, finalizedOn };
    })
    .sort((a, b) => a.fromMonth - b.fromMonth || (a.basis === 'TAHUNAN' ? 1 : -1));
}

/** Outcomes caused by FINAL predicates: coaching, performance path, succession, PPPK contract. */
export function outcomesFromPredicates(input: OutcomeInput, preds: Pred[], cfg: OutcomeConfig): Outcome[] {
  const out: Outcome[] = [];
  const nip = input.nip;
  const src = (p: Pred) => ({ kind: 'EVALUATION' as const, id: p.evaluationId });
  const isJpt = typeof input.positionKind === 'string' && input.positionKind.startsWith('JPT_');
  const threshold = isJpt ? cfg.jptPathThreshold : cfg.pathThreshold;

  for (const p of preds) {
    if (cfg.coachingPredicates.includes(p.predicate)) {
      out.push(
        makeOutcome({
          type: 'COACHING_REQUIRED',
          nip,
          fact: p.period,
          reason: `Predikat ${LABEL[p.predicate]} periode ${p.period}: perlu bimbingan kinerja / konseling / pengembangan kompetensi`,
          effectiveFrom: p.finalizedOn,
          effectiveTo: null,
          source: src(p),
          inputs: { period: p.period, predicate: p.predicate },
          formula: `${p.predicate} ∈ {${cfg.coachingPredicates.join(', ')}} → COACHING_REQUIRED`,
          inferred: false,
        }),
      );
    }
  }

  const annual = preds.filter((p) => p.basis === 'TAHUNAN');
  for (const a of annual) {
    // Performance path (03 §14.3)
    if (predicateRank(a.predicate) <= predicateRank(threshold)) {
      const from = a.finalizedOn;
      const to = addMonthsToDate(from, cfg.improvementMonths);
      out.push(
        makeOutcome({
          type: 'IMPROVEMENT_PERIOD',
          nip,
          fact: a.period,
          reason: `Predikat tahunan ${a.year} ${LABEL[a.predicate]} (≤ ${LABEL[threshold]}): diberi ${cfg.improvementMonths} bulan untuk memperbaiki kinerja`,
          effectiveFrom: from,
          effectiveTo: to,
          source: src(a),
          inputs: { period: a.period, predicate: a.predicate, threshold, positionKind: input.positionKind },
          formula: `${a.predicate} ≤ ${threshold} → masa perbaikan ${from} s.d. ${to}`,
        }),
      );
      // Evidence after the improvement period: the first predicate covering its last month.
      const endMonth = parseDate(to, 'to');
      const lastMonth = endMonth.y * 12 + endMonth.m - 1 - (endMonth.d === 1 ? 1 : 0);
      const later = preds.find((p) => p !== a && p.fromMonth > a.toMonth && p.toMonth >= lastMonth);
      if (later && predicateRank(later.predicate) <= predicateRank(threshold)) {
        out.push(
          makeOutcome({
            type: 'COMPETENCY_TEST_REQUIRED',
            nip,
            fact: `PERFORMANCE:${a.period}`,
            reason: `Setelah masa perbaikan (s.d. ${to}) predikat ${later.period} masih ${LABEL[later.predicate]}: wajib uji kompetensi`,
            effectiveFrom: to,
            effectiveTo: null,
            source: src(later),
            inputs: { improvementFrom: a.period, evidence: later.period, predicate: later.predicate },
            formula: `predikat ${later.period} = ${later.predicate} ≤ ${threshold} setelah ${formatMonth(lastMonth)} → uji kompetensi`,
          }),
        );
      }
    }
    // Succession priority: Sangat Baik N consecutive years (PP 30/2019)
    const found = Array.from({ length: cfg.successionYears }, (_, k) => annual.find((x) => x.year === a.year - k));
    const run = found.filter((x) => x !== undefined);
    if (run.length === found.length && run.every((x) => x.predicate === 'SANGAT_BAIK')) {
      out.push(
        makeOutcome({
          type: 'SUCCESSION_PRIORITY',
          nip,
          fact: `${a.year - cfg.successionYears + 1}-${a.year}`,
          reason: `Predikat Sangat Baik ${cfg.successionYears} tahun berturut-turut (${run
            .map((x) => x.year)
            .reverse()
            .join(', ')}): prioritas kelompok rencana suksesi`,
          effectiveFrom: a.finalizedOn,
          effectiveTo: null,
          source: src(a),
          inputs: { years: run.map((x) => x.period) },
          formula: `${run.map((x) => `${x.period}=${x.predicate}`).join(', ')} → SUCCESSION_PRIORITY`,
          inferred: false,
        }),
      );
    }
    // PPPK contract (03 §15, INFERRED)
    if (input.employeeStatus === 'PPPK' && cfg.contractNonExtensionPredicates.includes(a.predicate)) {
      out.push(
        makeOutcome({
          type: 'CONTRACT_NOT_EXTENDED',
          nip,
          fact: a.period,
          status: 'PROPOSED',
          reason: `PPPK dengan predikat tahunan ${a.year} ${LABEL[a.predicate]}: diusulkan tidak diperpanjang (keputusan PPK)`,
          effectiveFrom: input.contractEnd ?? a.finalizedOn,
          effectiveTo: null,
          source: src(a),
          inputs: { period: a.period, predicate: a.predicate, contractEnd: input.contractEnd },
          formula: `PPPK ∧ ${a.predicate} ∈ {${cfg.contractNonExtensionPredicates.join(', ')}} → usulan tidak diperpanjang`,
        }),
      );
    }
    // OPEN: "Sangat Kurang 2 consecutive years → dismissal" (disabled by default)
    if (
      cfg.consecutiveSkDismissal &&
      a.predicate === 'SANGAT_KURANG' &&
      annual.some((x) => x.year === a.year - 1 && x.predicate === 'SANGAT_KURANG')
    ) {
      out.push(
        makeOutcome({
          type: 'DISMISSAL_RECOMMENDED',
          nip,
          fact: `SK:${a.year - 1}-${a.year}`,
          status: 'PROPOSED',
          reason: `Predikat Sangat Kurang 2 tahun berturut-turut (${a.year - 1}, ${a.year})`,
          effectiveFrom: a.finalizedOn,
          effectiveTo: null,
          source: src(a),
          inputs: { years: [a.year - 1, a.year] },
          formula: 'SK 2 tahun berturut-turut → usulan pemberhentian (kebijakan, OPEN)',
        }),
      );
    }
  }
  return out;
}
