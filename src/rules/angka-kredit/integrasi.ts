import { Dec, roundHalfUp, show, toDec } from '../common/decimal';
import type { DecimalInput } from '../common/decimal';
import type { Golongan, Jenjang } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation } from '../common/explanation';
import { asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { akDefaults, type AkConfig } from '../config/defaults';
import {
  AK_LEGAL,
  akkJenjang,
  golonganAbove,
  jenjangContext,
  kpThreshold,
  parseGolongan,
  parsePrecision,
} from './jenjang';

export interface IntegrasiInput {
  jenjang: Jenjang;
  golongan: Golongan;
  /** Conventional cumulative AK of the last conventional PAK (decimal string). */
  conventionalTotal: DecimalInput;
  precision?: number;
  onDate?: string;
}

export interface IntegrasiResult {
  amount: string;
  nilaiDasar: string;
  /** True when the conventional total is below the Nilai Dasar (clamped to 0, case E). */
  manualReview: boolean;
  /** Non-blocking remarks, e.g. result outside the current golongan's range. */
  warnings: string[];
  explanation: Explanation;
}

/**
 * AK integrasi = max(0, conventional AK − Nilai Dasar) (02 §10). Nilai Dasar by jenjang; when the
 * golongan is below the jenjang's lowest (case C) the conventional AKK of the golongan is used.
 */
export function integrasi(input: IntegrasiInput, config?: DeepPartial<AkConfig>): IntegrasiResult {
  const cfg = mergeConfig(akDefaults, config);
  const obj = asObject(input, 'input');
  const ctx = jenjangContext(obj.jenjang, cfg, input.onDate);
  const golongan = parseGolongan(obj.golongan);
  const conventional = toDec(obj.conventionalTotal, 'conventionalTotal');
  if (conventional.isNeg()) throw new RuleInputError('must not be negative', 'conventionalTotal');
  const precision = parsePrecision(obj.precision, cfg);
  const conv = cfg.integrasi.conventionalAkk[ctx.row.kategori];
  const lowest = ctx.row.golongans[0];
  const GOL_ORDER = Object.keys(conv);
  const belowJenjang =
    GOL_ORDER.includes(golongan) &&
    GOL_ORDER.includes(lowest) &&
    GOL_ORDER.indexOf(golongan) < GOL_ORDER.indexOf(lowest);
  let nilaiDasarRaw: string | null | undefined;
  let basis: string;
  if (belowJenjang) {
    nilaiDasarRaw = conv[golongan];
    basis = `kasus C: jenjang lebih tinggi dari pangkat, Nilai Dasar = AKK konvensional golongan ${golongan}`;
  } else {
    nilaiDasarRaw = cfg.integrasi.nilaiDasar[ctx.jenjang];
    basis = `Nilai Dasar jenjang ${ctx.jenjang} (AKK konvensional golongan terendah ${lowest})`;
  }
  if (nilaiDasarRaw === null || nilaiDasarRaw === undefined) {
    throw new RuleInputError(
      `Nilai Dasar untuk ${ctx.jenjang} tidak ditetapkan (per JF; set config ak.integrasi.nilaiDasar.${ctx.jenjang}) / no Nilai Dasar configured`,
      'jenjang',
    );
  }
  const nilaiDasar = new Dec(nilaiDasarRaw);
  const raw = conventional.minus(nilaiDasar);
  const manualReview = raw.isNeg();
  const value = manualReview ? new Dec(0) : raw;
  const amount = roundHalfUp(value, precision);
  const warnings: string[] = [];
  if (!manualReview) {
    const idx = ctx.row.golongans.indexOf(golongan);
    const top = ctx.row.golongans[ctx.row.golongans.length - 1];
    if (belowJenjang) {
      // Case C: the pangkat should catch up at the next golongan's conventional AKK.
      const above = golonganAbove(golongan);
      const hiRaw = above === null ? undefined : conv[above];
      if (hiRaw !== undefined && conventional.gte(new Dec(hiRaw))) {
        warnings.push(
          `AK konvensional ${show(conventional)} ≥ AKK konvensional ${above} (${hiRaw}): pangkat ${golongan} seharusnya sudah naik; periksa data / the conventional total is above the golongan's range`,
        );
      }
    } else if (idx >= 0) {
      const lo = new Dec(ctx.row.akkPangkat).times(idx);
      const hi = kpThreshold(ctx, idx);
      if (value.lt(lo) || value.gte(hi)) {
        warnings.push(
          `AK integrasi ${amount} di luar rentang golongan ${golongan} (${show(lo)}–<${show(hi)}) / outside the golongan range`,
        );
      }
    } else if (ctx.row.next !== null && golonganAbove(top) === golongan) {
      // 02 §7.2, §8, §10: one golongan above the top (vacancy-less KP) — the jenjang's range ends at its AKK;
      // AK above it cannot serve this jenjang and is forfeited at the KJ.
      const akk = akkJenjang(ctx);
      if (!value.eq(akk)) {
        warnings.push(
          `AK integrasi ${amount} ${value.gt(akk) ? 'di atas' : 'di bawah'} batas jenjang ${ctx.jenjang} untuk golongan ${golongan} (AKK jenjang ${show(akk)})${value.gt(akk) ? '; kelebihan hangus pada kenaikan jenjang' : ''} / ${value.gt(akk) ? 'above the top' : 'below the AKK'} of the jenjang's range`,
        );
      }
    }
  }
  return {
    amount,
    nilaiDasar: roundHalfUp(nilaiDasar, precision),
    manualReview,
    warnings,
    explanation: explanation({
      ruleId: 'ak.integrasi',
      legalBasis: AK_LEGAL.integrasi,
      status: ctx.row.kategori === 'KEAHLIAN' && !belowJenjang ? 'CONFIRMED' : 'INFERRED',
      inputs: { jenjang: ctx.jenjang, golongan, conventionalTotal: conventional.toString(), precision },
      formula: `${show(conventional)} − ${show(nilaiDasar)} = ${show(raw)}${manualReview ? ' < 0 → 0, perlu telaah manual' : ''} → ${amount}`,
      steps: [{ label: 'Nilai Dasar', formula: basis, value: show(nilaiDasar) }],
    }),
  };
}
