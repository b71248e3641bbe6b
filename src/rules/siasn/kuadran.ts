import { RATINGS, parseEnum, type Predicate, type Rating } from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { asObject } from '../common/validate';
import { computePredicate } from '../predikat/matrix';
import { SIASN_KUADRAN_CODES, SIASN_RATING_CODES } from './codes';

export interface SiasnKuadranInput {
  resultRating: Rating;
  behaviorRating: Rating;
  onDate?: string;
}

export interface SiasnKuadranResult {
  kuadranKinerjaNilai: number;
  hasilKinerjaNilai: number;
  perilakuKerjaNilai: number;
  predicate: Predicate;
  explanation: Explanation;
}

/**
 * SIASN rating and kuadran codes (rule `siasn.kuadran`, spec 04 §8.3). The kuadran is the engine's
 * predikat from the 01 §8 matrix, never max(hasil, perilaku): a public client's max() sends
 * BUTUH PERBAIKAN (3) for perilaku Di Bawah with hasil Di Atas/Sesuai, where the matrix gives KURANG (4).
 */
export function siasnKuadran(input: SiasnKuadranInput): SiasnKuadranResult {
  const obj = asObject(input, 'input');
  const resultRating = parseEnum(RATINGS, obj.resultRating, 'resultRating');
  const behaviorRating = parseEnum(RATINGS, obj.behaviorRating, 'behaviorRating');
  const p = computePredicate({ resultRating, behaviorRating, onDate: obj.onDate as string | undefined });
  const hasil = SIASN_RATING_CODES.codes[resultRating];
  const perilaku = SIASN_RATING_CODES.codes[behaviorRating];
  const kuadran = SIASN_KUADRAN_CODES.codes[p.predicate];
  return {
    kuadranKinerjaNilai: kuadran,
    hasilKinerjaNilai: hasil,
    perilakuKerjaNilai: perilaku,
    predicate: p.predicate,
    explanation: explanation({
      ruleId: 'siasn.kuadran',
      legalBasis: `Spec 04 §8.3 (SIASN referensi kuadranNilai, perilakuDanKinerja); ${p.explanation.legalBasis}`,
      status: 'CONFIRMED',
      inputs: { resultRating, behaviorRating },
      formula: `${p.explanation.formula} → kuadranKinerjaNilai ${kuadran} (${SIASN_KUADRAN_CODES.labels[String(kuadran)]}); hasil ${hasil}, perilaku ${perilaku}`,
      steps: [{ label: 'predikat dari matriks 01 §8', value: p.predicate }],
    }),
  };
}
