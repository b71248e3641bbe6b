import { RATINGS, parseEnum, type Predicate, type Rating } from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { selectVersion } from '../common/versioning';
import { asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { predikatDefaults, type PredikatConfig } from '../config/defaults';
import { PREDICATE_LABELS, RATING_LABELS } from './tables';

export interface PredicateInput {
  resultRating: Rating;
  behaviorRating: Rating;
  /** Date whose matrix version applies (YYYY-MM-DD); latest version when absent. */
  onDate?: string;
}

export interface PredicateResult {
  predicate: Predicate;
  explanation: Explanation;
}

/** 3×3 kuadran: rating hasil kerja × rating perilaku kerja → Predikat Kinerja Pegawai (01 §8). */
export function computePredicate(input: PredicateInput, config?: DeepPartial<PredikatConfig>): PredicateResult {
  const cfg = mergeConfig(predikatDefaults, config);
  const obj = asObject(input, 'input');
  const resultRating = parseEnum(RATINGS, obj.resultRating, 'resultRating');
  const behaviorRating = parseEnum(RATINGS, obj.behaviorRating, 'behaviorRating');
  const version = selectVersion(cfg.matrix, input.onDate);
  const predicate = version.data[resultRating][behaviorRating];
  return {
    predicate,
    explanation: explanation({
      ruleId: `predikat.matrix@${version.id}`,
      legalBasis: version.legalBasis,
      status: version.status,
      inputs: { resultRating, behaviorRating, onDate: input.onDate },
      formula: `kuadran(hasil = ${RATING_LABELS[resultRating]}, perilaku = ${RATING_LABELS[behaviorRating]}) = ${PREDICATE_LABELS[predicate]}`,
    }),
  };
}
