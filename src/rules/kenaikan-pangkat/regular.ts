import { GOLONGANS, PREDICATES, parseEnum, type Golongan, type Predicate } from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { asArray, asInt, asObject } from '../common/validate';
import { selectVersion } from '../common/versioning';
import { kpDefaults, type KpConfig } from '../config/defaults';
import { isAtLeastBaik } from '../predikat/order';
import { EDUCATION_LEVELS, type EducationLevel } from './tables';

export const KP_REGULAR_UNMET_CODES = [
  'MIN_MONTHS_IN_PANGKAT',
  'PREDIKAT_BELOW_BAIK',
  'MAX_PANGKAT_FOR_EDUCATION',
  'ABOVE_SUPERVISOR',
] as const;
export type KpRegularUnmet = (typeof KP_REGULAR_UNMET_CODES)[number];

export interface KpRegularInput {
  golongan: Golongan;
  education: EducationLevel;
  /** Whole months in the current pangkat. */
  monthsInPangkat: number;
  /** Annual predikat, most recent year first. */
  recentAnnualPredicates: Predicate[];
  /** Direct superior's golongan, checked only while `capAtSupervisor` is in force. */
  supervisorGolongan?: Golongan;
  /** Date whose tables apply (latest when absent). */
  onDate?: string;
}

export interface KpRegularResult {
  eligible: boolean;
  /** Next golongan; absent when the education ceiling is reached. */
  to?: Golongan;
  ceiling: Golongan;
  unmet: KpRegularUnmet[];
  explanation: Explanation;
}

/**
 * Regular kenaikan pangkat outside a JF (rule `kp.regular`, 04 §3.4): ≥ 48 months in pangkat and annual
 * predikat ≥ Baik in each of the last 2 years (PP 99/2000 Pasal 7), up to the ceiling of the ijazah.
 */
export function kpRegular(input: KpRegularInput, config?: DeepPartial<KpConfig>): KpRegularResult {
  const cfg = mergeConfig(kpDefaults, config);
  const obj = asObject(input, 'input');
  const golongan = parseEnum(GOLONGANS, obj.golongan, 'golongan');
  const education = parseEnum(EDUCATION_LEVELS, obj.education, 'education');
  const months = asInt(obj.monthsInPangkat, 'monthsInPangkat', 0);
  const predicates = asArray(obj.recentAnnualPredicates ?? [], 'recentAnnualPredicates').map((p, i) =>
    parseEnum(PREDICATES, p, `recentAnnualPredicates[${i}]`),
  );
  const onDate = typeof obj.onDate === 'string' ? obj.onDate : undefined;
  const ceilingVersion = selectVersion(cfg.regular.ceilingByEducation, onDate);
  const ceiling = ceilingVersion.data[education];
  const idx = GOLONGANS.indexOf(golongan);
  const inputs = { golongan, education, monthsInPangkat: months, recentAnnualPredicates: predicates, onDate };
  const legalBasis = `PP 99/2000 Pasal 7; ${ceilingVersion.legalBasis}`;
  if (idx >= GOLONGANS.indexOf(ceiling)) {
    return {
      eligible: false,
      ceiling,
      unmet: ['MAX_PANGKAT_FOR_EDUCATION'],
      explanation: explanation({
        ruleId: 'kp.regular',
        legalBasis,
        status: 'CONFIRMED',
        inputs,
        formula: `ijazah ${education}: pangkat tertinggi ${ceiling}; ${golongan} sudah mencapainya`,
      }),
    };
  }
  const to = GOLONGANS[idx + 1];
  const unmet: KpRegularUnmet[] = [];
  const minMonths = cfg.regular.minMonthsInPangkat;
  if (months < minMonths) unmet.push('MIN_MONTHS_IN_PANGKAT');
  const years = cfg.regular.predikatYears;
  const window = predicates.slice(0, years);
  if (window.length < years || !window.every((p) => isAtLeastBaik(p))) unmet.push('PREDIKAT_BELOW_BAIK');
  const cap = selectVersion(cfg.regular.capAtSupervisor, onDate);
  if (cap.data.capAtSupervisor && obj.supervisorGolongan !== undefined && obj.supervisorGolongan !== null) {
    const sup = parseEnum(GOLONGANS, obj.supervisorGolongan, 'supervisorGolongan');
    if (GOLONGANS.indexOf(to) > GOLONGANS.indexOf(sup)) unmet.push('ABOVE_SUPERVISOR');
  }
  return {
    eligible: unmet.length === 0,
    to,
    ceiling,
    unmet,
    explanation: explanation({
      ruleId: 'kp.regular',
      legalBasis,
      status: 'INFERRED',
      inputs,
      formula: `${golongan} → ${to} (batas ijazah ${education}: ${ceiling}); masa kerja dalam pangkat ${months} ≥ ${minMonths} bulan: ${months >= minMonths ? 'ya' : 'tidak'}; predikat ${years} tahun terakhir ≥ Baik: ${unmet.includes('PREDIKAT_BELOW_BAIK') ? 'tidak' : 'ya'}`,
    }),
  };
}
