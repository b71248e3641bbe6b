import { addMonthsToDate, formatDate, parseDate } from '../common/dates';
import { PREDICATES, parseEnum, type Predicate } from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { asObject } from '../common/validate';
import { pppkDefaults, type PppkConfig, type ContractRecommendation } from '../config/defaults';

export interface ContractReviewInput {
  /** Last day of the perjanjian kerja (YYYY-MM-DD). */
  contractEnd: string;
  /** Latest FINAL annual predikat; null = none yet. */
  latestAnnualPredicate?: Predicate | null;
}

export interface ContractReviewResult {
  /** contractEnd − leadMonths, same day clamped to the month's end (04 §6). */
  reviewDue: string;
  /** Proposal for the PPK, never a decision; null when no annual predikat exists yet. */
  recommendation: ContractRecommendation | null;
  warnings: { code: string; message: string }[];
  explanation: Explanation;
}

/**
 * PPPK contract review (rule `pppk.contractReview`, 04 §6): due six months before the contract ends
 * (PP 49/2018 Pasal 37); the latest annual predikat maps to an outcome proposal a person decides.
 */
export function pppkContractReview(input: ContractReviewInput, config?: DeepPartial<PppkConfig>): ContractReviewResult {
  const cfg = mergeConfig(pppkDefaults, config);
  const obj = asObject(input, 'input');
  const end = formatDate(parseDate(obj.contractEnd, 'contractEnd'));
  const reviewDue = addMonthsToDate(end, -cfg.contractReview.leadMonths);
  const predicate =
    obj.latestAnnualPredicate === undefined || obj.latestAnnualPredicate === null
      ? null
      : parseEnum(PREDICATES, obj.latestAnnualPredicate, 'latestAnnualPredicate');
  const recommendation = predicate === null ? null : cfg.contractReview.map[predicate];
  const warnings =
    predicate === null
      ? [
          {
            code: 'PREDIKAT_MISSING',
            message:
              'Belum ada predikat kinerja tahunan FINAL: usulan perpanjangan kontrak ditetapkan tanpa rekomendasi',
          },
        ]
      : [];
  return {
    reviewDue,
    recommendation,
    warnings,
    explanation: explanation({
      ruleId: 'pppk.contractReview',
      legalBasis: 'PP 49/2018 Pasal 37 (perpanjangan perjanjian kerja, usul paling lambat 6 bulan sebelum berakhir)',
      status: 'INFERRED',
      inputs: { contractEnd: end, latestAnnualPredicate: predicate },
      formula: `${end} − ${cfg.contractReview.leadMonths} bulan = ${reviewDue}; predikat ${predicate ?? 'belum ada'} → ${recommendation ?? 'tanpa rekomendasi'}`,
    }),
  };
}
