import { RATINGS, parseEnum, type Rating } from '../common/enums';
import { Dec, show } from '../common/decimal';
import { explanation, type Explanation } from '../common/explanation';
import { asArray, asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { predikatDefaults, type PredikatConfig } from '../config/defaults';

export const RHK_KINDS = ['UTAMA', 'TAMBAHAN'] as const;
export type RhkKind = (typeof RHK_KINDS)[number];

export interface RatingItem {
  kind: RhkKind;
  rating: Rating;
}

export interface RatingSuggestion {
  suggestion: Rating;
  counts: Record<Rating, number>;
  explanation: Explanation;
}

/**
 * Optional, non-binding suggestion of the rating hasil kerja from the PPK's per-RHK judgements (01 §6.3).
 * "Sebagian besar" = share strictly above `suggestion.majorityShare` (default 0.5); ties → SESUAI.
 */
export function suggestResultRating(
  input: { items: RatingItem[] },
  config?: DeepPartial<PredikatConfig>,
): RatingSuggestion {
  const cfg = mergeConfig(predikatDefaults, config);
  const items = asArray(asObject(input, 'input').items, 'items').map((raw, i) => {
    const o = asObject(raw, `items[${i}]`);
    return {
      kind: parseEnum(RHK_KINDS, o.kind ?? 'UTAMA', `items[${i}].kind`),
      rating: parseEnum(RATINGS, o.rating, `items[${i}].rating`),
    };
  });
  const counts: Record<Rating, number> = { DI_ATAS_EKSPEKTASI: 0, SESUAI_EKSPEKTASI: 0, DI_BAWAH_EKSPEKTASI: 0 };
  for (const it of items) counts[it.rating] += 1;
  const n = items.length;
  const share = new Dec(cfg.suggestion.majorityShare);
  const isMajority = (r: Rating) => n > 0 && new Dec(counts[r]).gt(share.times(n));
  const utamaBelow = items.some((it) => it.kind === 'UTAMA' && it.rating === 'DI_BAWAH_EKSPEKTASI');
  let suggestion: Rating;
  let why: string;
  if (isMajority('DI_ATAS_EKSPEKTASI') && !utamaBelow) {
    suggestion = 'DI_ATAS_EKSPEKTASI';
    why = `${counts.DI_ATAS_EKSPEKTASI}/${n} di atas > ${show(share.times(100))}% dan tidak ada RHK utama di bawah ekspektasi`;
  } else if (isMajority('DI_BAWAH_EKSPEKTASI')) {
    suggestion = 'DI_BAWAH_EKSPEKTASI';
    why = `${counts.DI_BAWAH_EKSPEKTASI}/${n} di bawah > ${show(share.times(100))}%`;
  } else {
    suggestion = 'SESUAI_EKSPEKTASI';
    why =
      n === 0
        ? 'tidak ada RHK dinilai'
        : 'tidak ada mayoritas di atas/di bawah (atau ada RHK utama di bawah ekspektasi)';
  }
  return {
    suggestion,
    counts,
    explanation: explanation({
      ruleId: 'predikat.suggestResultRating',
      legalBasis: 'SE Kepala BKN 11/2023 criteria (01 §6.2); helper INFERRED (01 §6.3), never binding',
      status: 'INFERRED',
      inputs: { items },
      formula: `${why} → saran ${suggestion}`,
    }),
  };
}
