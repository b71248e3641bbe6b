import { parseEnum, PREDICATES, type Predicate } from '../common/enums';
import { RuleInputError } from '../common/errors';
import type { ExplanationStep } from '../common/explanation';
import { asArray, asInt, asObject } from '../common/validate';

/** A predikat run as typed for an entry into a JF: months, predikat and (optionally) its year. */
export interface OpeningRunInput {
  months: number;
  predicate?: string;
  year?: number;
}

export interface ReconciledRun {
  months: number;
  predicate: Predicate;
  year: number | null;
  /** STORED: the engine's FINAL annual predikat of that year; TYPED: entered by a person (no stored year). */
  source: 'STORED' | 'TYPED';
}

export interface StoredAnnualPredicate {
  predicate: string;
  evaluationId: string;
}

/**
 * Predikat runs of an opening (04 §4) against the FINAL annual predikat the engine holds: a year the
 * engine holds is read from it (a typed predikat must equal it, else the run is refused), a typed value is
 * accepted only for a year the engine does not hold. Once the engine holds any year, every run must name
 * its year, so none can stand in for a stored one unchecked. Months per year ≤ 12 (02 PR-2).
 * Explained run by run (steps for the ak.opening explanation).
 */
export function reconcileOpeningPredicates(
  raw: unknown,
  stored: ReadonlyMap<number, StoredAnnualPredicate>,
): { runs: ReconciledRun[]; steps: ExplanationStep[] } {
  const list = raw === undefined || raw === null ? [] : asArray(raw, 'predicates');
  const heldYears = [...stored.keys()].sort((a, b) => a - b);
  const monthsByYear = new Map<number, number>();
  const steps: ExplanationStep[] = [];
  const runs = list.map((item, i): ReconciledRun => {
    const r = asObject(item, `predicates[${i}]`);
    const months = asInt(r.months, `predicates[${i}].months`, 1, 12);
    const year = r.year === undefined || r.year === null ? null : asInt(r.year, `predicates[${i}].year`, 1900, 9999);
    const typed =
      r.predicate === undefined || r.predicate === null
        ? null
        : parseEnum(PREDICATES, r.predicate, `predicates[${i}].predicate`);
    if (year === null) {
      if (heldYears.length > 0)
        throw new RuleInputError(
          `wajib diisi: mesin menyimpan predikat FINAL tahun ${heldYears.join(', ')}, setiap predikat harus menyebut tahunnya / is required while the engine holds FINAL predikat`,
          `predicates[${i}].year`,
        );
      if (typed === null) throw new RuleInputError('is required', `predicates[${i}].predicate`);
      steps.push({
        label: `predikat ${months} bulan`,
        formula: `${typed} diketik petugas (mesin tidak menyimpan predikat FINAL pegawai ini)`,
        value: typed,
      });
      return { months, predicate: typed, year: null, source: 'TYPED' };
    }
    const total = (monthsByYear.get(year) ?? 0) + months;
    if (total > 12)
      throw new RuleInputError(
        `tahun ${year}: ${total} bulan > 12 / more than 12 months in one year`,
        `predicates[${i}].months`,
      );
    monthsByYear.set(year, total);
    const held = stored.get(year);
    if (held) {
      const predicate = held.predicate as Predicate;
      if (typed !== null && typed !== predicate)
        throw new RuleInputError(
          `predikat ${year} yang diketik (${typed}) bertentangan dengan predikat FINAL tersimpan (${predicate}) / contradicts the stored FINAL predikat`,
          `predicates[${i}].predicate`,
        );
      steps.push({
        label: `predikat ${year} (${months} bulan)`,
        formula: `${predicate} dari penilaian kinerja tahunan FINAL yang tersimpan (evaluasi ${held.evaluationId}); bukan ketikan petugas`,
        value: predicate,
      });
      return { months, predicate, year, source: 'STORED' };
    }
    if (typed === null)
      throw new RuleInputError(
        `wajib diisi: mesin tidak menyimpan predikat FINAL tahun ${year} / is required for a year the engine does not hold`,
        `predicates[${i}].predicate`,
      );
    steps.push({
      label: `predikat ${year} (${months} bulan)`,
      formula: `${typed} diketik petugas: mesin tidak menyimpan predikat FINAL tahun ${year}`,
      value: typed,
    });
    return { months, predicate: typed, year, source: 'TYPED' };
  });
  return { runs, steps };
}
