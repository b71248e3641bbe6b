import { Dec, roundHalfUp, show } from '../common/decimal';
import type { Golongan, Jenjang } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation } from '../common/explanation';
import { asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { akDefaults, type AkConfig } from '../config/defaults';
import { AK_LEGAL, jenjangContext, parseGolongan, parsePrecision } from './jenjang';

export interface AkDasarResult {
  amount: string;
  explanation: Explanation;
}

/** AK Dasar(j, g) = AKK_PANGKAT[j] × index of g in the jenjang (02 §9; table override ak.akDasar.overrides). */
export function akDasar(
  input: { jenjang: Jenjang; golongan: Golongan; precision?: number; onDate?: string },
  config?: DeepPartial<AkConfig>,
): AkDasarResult {
  const cfg = mergeConfig(akDefaults, config);
  const obj = asObject(input, 'input');
  const ctx = jenjangContext(obj.jenjang, cfg, input.onDate);
  const golongan = parseGolongan(obj.golongan);
  const precision = parsePrecision(obj.precision, cfg);
  const index = ctx.row.golongans.indexOf(golongan);
  if (index < 0)
    throw new RuleInputError(
      `golongan ${golongan} bukan golongan jenjang ${ctx.jenjang} (${ctx.row.golongans.join(', ')})`,
      'golongan',
    );
  const override = cfg.akDasar.overrides[`${ctx.jenjang}:${golongan}`];
  const value = override !== undefined ? new Dec(override) : new Dec(ctx.row.akkPangkat).times(index);
  const confirmed = ctx.jenjang === 'AHLI_MUDA' && golongan === 'III/d';
  const amount = roundHalfUp(value, precision);
  return {
    amount,
    explanation: explanation({
      ruleId: 'ak.akDasar',
      legalBasis: AK_LEGAL.akDasar,
      status: confirmed ? 'CONFIRMED' : 'INFERRED',
      inputs: { jenjang: ctx.jenjang, golongan, precision },
      formula:
        override !== undefined
          ? `AK Dasar ${ctx.jenjang} ${golongan} = ${amount} (config ak.akDasar.overrides)`
          : `AK Dasar = AKK pangkat ${show(new Dec(ctx.row.akkPangkat))} × ${index} (urutan golongan ${golongan} dalam jenjang) = ${amount}`,
    }),
  };
}
