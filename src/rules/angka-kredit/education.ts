import { Dec, roundHalfUp, show } from '../common/decimal';
import type { Jenjang } from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { akDefaults, type AkConfig } from '../config/defaults';
import { AK_LEGAL, jenjangContext, parsePrecision } from './jenjang';

export interface EducationResult {
  amount: string;
  explanation: Explanation;
}

/** +25 % of the jenjang's AKK per kenaikan pangkat for a higher ijazah, once per degree (02 §11). */
export function educationBonus(
  input: { jenjang: Jenjang; precision?: number; onDate?: string },
  config?: DeepPartial<AkConfig>,
): EducationResult {
  const cfg = mergeConfig(akDefaults, config);
  const obj = asObject(input, 'input');
  const ctx = jenjangContext(obj.jenjang, cfg, input.onDate);
  const precision = parsePrecision(obj.precision, cfg);
  const pct = new Dec(cfg.pendidikan.pct);
  const akk = new Dec(ctx.row.akkPangkat);
  const amount = roundHalfUp(pct.times(akk), precision);
  return {
    amount,
    explanation: explanation({
      ruleId: 'ak.education',
      legalBasis: AK_LEGAL.pendidikan,
      status: 'INFERRED',
      inputs: { jenjang: ctx.jenjang, precision },
      formula: `${show(pct.times(100))}% × AKK pangkat ${show(akk)} = ${amount}`,
    }),
  };
}
