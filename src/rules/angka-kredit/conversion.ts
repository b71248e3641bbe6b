import { Dec, roundHalfUp, show } from '../common/decimal';
import type { Jenjang, Predicate } from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { selectVersion } from '../common/versioning';
import { asInt, asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { akDefaults, type AkConfig } from '../config/defaults';
import { AK_LEGAL, jenjangContext, parsePrecision } from './jenjang';
import { normalizePredicate } from './predicate-alias';

export interface ConversionInput {
  jenjang: Jenjang;
  /** A Predicate or an alias of one (CUKUP, "Kurang/Misconduct", …). */
  predicate: string;
  /** Whole months 1..12. */
  months: number;
  precision?: number;
  /** Date whose tables apply; latest when absent. */
  onDate?: string;
}

export interface ConversionResult {
  amount: string;
  /** Unrounded value (audit). */
  exact: string;
  predicate: Predicate;
  percentage: string;
  coefficient: string;
  months: number;
  explanation: Explanation;
}

/** AK = months/12 × percentage(predicate) × koefisien(jenjang), rounded half-up once (02 §4, §6). */
export function convertPredicate(input: ConversionInput, config?: DeepPartial<AkConfig>): ConversionResult {
  const cfg = mergeConfig(akDefaults, config);
  const obj = asObject(input, 'input');
  const ctx = jenjangContext(obj.jenjang, cfg, input.onDate);
  const predicate = normalizePredicate(obj.predicate, cfg);
  const months = asInt(obj.months, 'months', 1, 12);
  const precision = parsePrecision(obj.precision, cfg);
  const pctVersion = selectVersion(cfg.percentages, input.onDate);
  const percentage = new Dec(pctVersion.data[predicate]);
  const coefficient = new Dec(ctx.row.koefisien);
  const exact = new Dec(months).times(percentage).times(coefficient).div(12);
  const amount = roundHalfUp(exact, precision);
  return {
    amount,
    exact: exact.toString(),
    predicate,
    percentage: percentage.toFixed(2),
    coefficient: coefficient.toFixed(3),
    months,
    explanation: explanation({
      ruleId: 'ak.conversion',
      legalBasis: AK_LEGAL.conversion,
      status: ctx.row.status === 'CONFIRMED' && pctVersion.status === 'CONFIRMED' ? 'CONFIRMED' : 'INFERRED',
      inputs: { jenjang: ctx.jenjang, predicate, months, precision },
      formula: `${months}/12 × ${show(percentage.times(100))}% × ${show(coefficient)} = ${show(exact)} → ${amount} (half-up, ${precision} dp)`,
    }),
  };
}
