import { toDec, type Dec } from '../common/decimal';
import type { OrgPredicate } from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { asArray, asObject } from '../common/validate';
import { orgSuggestionDefaults, type OrgSuggestionConfig } from './config';

export interface OrgSuggestionItem {
  target: number | string | null;
  realisasi?: number | string | null;
}

export interface OrgSuggestionInput {
  items: OrgSuggestionItem[];
  config?: DeepPartial<OrgSuggestionConfig>;
}

export interface OrgSuggestionResult {
  /** Suggested organisation predicate; null when no item has a numeric target > 0. */
  suggestion: OrgPredicate | null;
  counts: { n: number; met: number; exceeded: number; none: number; ignored: number };
  explanation: Explanation;
}

/**
 * Periodic organisation-predicate suggestion from rencana aksi progress (spec 04 §2.2, rule
 * `org.periodicSuggestion`; SE MenPANRB 3/2023: Istimewa when achieved rencana aksi exceed the
 * agreed targets, Sangat Kurang when most show no progress). A suggestion only: the leader of the
 * parent unit sets the predicate. Items without a numeric target > 0 are left out (counted as ignored).
 */
export function orgPeriodicSuggestion(input: OrgSuggestionInput): OrgSuggestionResult {
  const obj = asObject(input, 'input');
  const cfg = mergeConfig(orgSuggestionDefaults, obj.config as DeepPartial<OrgSuggestionConfig> | undefined);
  const raw = asArray(obj.items, 'items');
  let ignored = 0;
  const items: { target: Dec; realisasi: Dec | null }[] = [];
  raw.forEach((it, i) => {
    const o = asObject(it, `items[${i}]`);
    if (o.target === null || o.target === undefined) {
      ignored += 1;
      return;
    }
    const target = toDec(o.target, `items[${i}].target`);
    if (target.lte(0)) {
      ignored += 1;
      return;
    }
    const realisasi =
      o.realisasi === null || o.realisasi === undefined ? null : toDec(o.realisasi, `items[${i}].realisasi`);
    items.push({ target, realisasi });
  });
  const n = items.length;
  const met = items.filter((x) => x.realisasi !== null && x.realisasi.gte(x.target)).length;
  const exceeded = items.filter((x) => x.realisasi !== null && x.realisasi.gt(x.target)).length;
  const none = items.filter((x) => x.realisasi === null || x.realisasi.eq(0)).length;
  let suggestion: OrgPredicate | null;
  let why: string;
  if (n === 0) {
    suggestion = null;
    why = 'tidak ada rencana aksi dengan target angka > 0';
  } else if (none > n * cfg.noneShare) {
    suggestion = 'SANGAT_KURANG';
    why = `${none} dari ${n} tanpa kemajuan (> ${cfg.noneShare * 100}%)`;
  } else if (met === n && exceeded > n * cfg.exceededShare) {
    suggestion = 'ISTIMEWA';
    why = `semua ${n} tercapai, ${exceeded} melampaui target (> ${cfg.exceededShare * 100}%)`;
  } else if (met === n) {
    suggestion = 'BAIK';
    why = `semua ${n} tercapai, ${exceeded} melampaui target`;
  } else if (met >= n * cfg.metShare) {
    suggestion = 'BUTUH_PERBAIKAN';
    why = `${met} dari ${n} tercapai (≥ ${cfg.metShare * 100}%)`;
  } else {
    suggestion = 'KURANG';
    why = `${met} dari ${n} tercapai (< ${cfg.metShare * 100}%)`;
  }
  return {
    suggestion,
    counts: { n, met, exceeded, none, ignored },
    explanation: explanation({
      ruleId: 'org.periodicSuggestion',
      legalBasis:
        'SE MenPANRB 3/2023 (capaian kinerja organisasi periodik dari progres rencana aksi); spec 04 §2.2 thresholds',
      status: 'INFERRED',
      inputs: { items: raw },
      formula: `n=${n}, tercapai=${met}, melampaui=${exceeded}, tanpa kemajuan=${none} → ${suggestion ?? 'tidak ada saran'} (${why})`,
    }),
  };
}
