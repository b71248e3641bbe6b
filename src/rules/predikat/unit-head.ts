import { ORG_PREDICATES, RATINGS, parseEnum, type OrgPredicate, type Predicate, type Rating } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation } from '../common/explanation';
import { asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { predikatDefaults, type PredikatConfig } from '../config/defaults';
import { computePredicate } from './matrix';

export interface UnitHeadRatingResult {
  resultRating: Rating;
  explanation: Explanation;
}

const LEGAL =
  'SE MenPANRB 3/2023 (capaian kinerja satuan organisasi ditetapkan sebagai rating hasil kerja pimpinan); 5→3 mapping INFERRED (01 §9)';

/** Unit head: the organisation predicate of the unit he leads gives his rating hasil kerja (01 §9). */
export function unitHeadResultRating(
  input: { orgPredicate: OrgPredicate },
  config?: DeepPartial<PredikatConfig>,
): UnitHeadRatingResult {
  const cfg = mergeConfig(predikatDefaults, config);
  const orgPredicate = parseEnum(ORG_PREDICATES, asObject(input, 'input').orgPredicate, 'orgPredicate');
  const resultRating = cfg.unitHeadMapping[orgPredicate];
  return {
    resultRating,
    explanation: explanation({
      ruleId: 'predikat.unitHead.resultRating',
      legalBasis: LEGAL,
      status: 'INFERRED',
      inputs: { orgPredicate },
      formula: `capaian kinerja organisasi ${orgPredicate} → rating hasil kerja ${resultRating} (config predikat.unitHeadMapping)`,
    }),
  };
}

export interface UnitHeadPredicateResult {
  predicate: Predicate;
  resultRating: Rating;
  explanation: Explanation;
}

/**
 * Predicate of a unit head: matrix(org-derived rating hasil, PPK's rating perilaku).
 * A supplied `resultRating` that differs from the org-derived one is refused (RuleInputError).
 */
export function unitHeadPredicate(
  input: { orgPredicate: OrgPredicate; behaviorRating: Rating; resultRating?: Rating; onDate?: string },
  config?: DeepPartial<PredikatConfig>,
): UnitHeadPredicateResult {
  const obj = asObject(input, 'input');
  const head = unitHeadResultRating({ orgPredicate: obj.orgPredicate as OrgPredicate }, config);
  const behaviorRating = parseEnum(RATINGS, obj.behaviorRating, 'behaviorRating');
  if (obj.resultRating !== undefined && obj.resultRating !== null) {
    const supplied = parseEnum(RATINGS, obj.resultRating, 'resultRating');
    if (supplied !== head.resultRating) {
      throw new RuleInputError(
        `rating hasil kerja pimpinan unit harus ${head.resultRating} (dari capaian organisasi ${String(obj.orgPredicate)}); nilai ${supplied} ditolak / unit head result rating must follow the organisation predicate`,
        'resultRating',
      );
    }
  }
  const m = computePredicate({ resultRating: head.resultRating, behaviorRating, onDate: input.onDate }, config);
  return {
    predicate: m.predicate,
    resultRating: head.resultRating,
    explanation: explanation({
      ruleId: 'predikat.unitHead',
      legalBasis: `${LEGAL}; ${m.explanation.legalBasis}`,
      status: 'INFERRED',
      inputs: { orgPredicate: obj.orgPredicate, behaviorRating, onDate: input.onDate },
      formula: `${head.explanation.formula}; ${m.explanation.formula}`,
      steps: [
        {
          label: 'rating hasil kerja dari capaian organisasi',
          formula: head.explanation.formula,
          value: head.resultRating,
        },
        { label: 'kuadran', formula: m.explanation.formula, value: m.predicate },
      ],
    }),
  };
}
