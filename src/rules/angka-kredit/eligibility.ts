import { Dec, show, toDec } from '../common/decimal';
import {
  EMPLOYEE_STATUSES,
  PPPK_GRADES,
  STEP_KINDS,
  parseEnum,
  type EmployeeStatus,
  type Golongan,
  type Jenjang,
  type PppkGrade,
  type StepKind,
} from '../common/enums';
import type { DecimalInput } from '../common/decimal';
import { explanation, type Explanation, type ExplanationStep } from '../common/explanation';
import { asArray, asBool, asInt, asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { akDefaults, type AkConfig } from '../config/defaults';
import { isAtLeastBaik } from '../predikat/order';
import {
  AK_LEGAL,
  aboveJenjangRange,
  akkJenjang,
  catchUpOf,
  catchUpThreshold,
  nextGolongan,
  golonganIndex,
  golonganRange,
  jenjangContext,
  kpThreshold,
  parseGolongan,
  parsePrecision,
  rankDistance,
} from './jenjang';
import { RuleInputError } from '../common/errors';
import { normalizePredicate } from './predicate-alias';

export const UNMET_CODES = [
  'AK_SHORTFALL',
  'MIN_MONTHS_IN_PANGKAT',
  'PREDIKAT_BELOW_BAIK',
  'NO_VACANCY',
  'UKOM_NOT_PASSED',
  'MIN_MONTHS_IN_JENJANG',
  'KJ_ROUTE',
  'NO_VACANCY_KP_USED',
  'NO_HIGHER_STEP',
] as const;
export type UnmetCode = (typeof UNMET_CODES)[number];

export interface EligibilityInput {
  kind: StepKind;
  jenjang: Jenjang;
  /** A PPPK: grade I–XVII (only KENAIKAN_JENJANG applies, 04 §6). */
  golongan: Golongan | PppkGrade;
  status?: EmployeeStatus;
  balance: DecimalInput;
  /** Whole months in the current pangkat (KP). */
  monthsInPangkat?: number;
  /** Whole months in the current jenjang (KJ). */
  monthsInJenjang?: number;
  /** Annual predicates (a Predicate or an alias), most recent year first. */
  recentAnnualPredicates: string[];
  vacancy?: boolean;
  passedCompetencyTest?: boolean;
  noVacancyKpUsed?: boolean;
  /** Integrasi case C: the golongan (below the jenjang's lowest) the ledger started from (ledger `catchUp.from`). */
  catchUpFrom?: Golongan;
  precision?: number;
  onDate?: string;
}

export interface EligibilityResult {
  kind: StepKind;
  /** Target golongan (KP) or jenjang (KJ); null when a terminal code applies. */
  to: string | null;
  threshold: string | null;
  shortfall: string | null;
  /** KP granted without vacancy (one golongan above the jenjang's top). */
  noVacancyKp: boolean;
  eligible: boolean;
  unmet: UnmetCode[];
  /** Readable reasons (Bahasa Indonesia), one per unmet code. */
  reasons: string[];
  explanation: Explanation;
}

/** Kenaikan pangkat / jenjang eligibility with the list of unmet conditions (02 §7.2, §7.3, §14.2). */
export function checkEligibility(input: EligibilityInput, config?: DeepPartial<AkConfig>): EligibilityResult {
  const cfg = mergeConfig(akDefaults, config);
  const obj = asObject(input, 'input');
  const kind = parseEnum(STEP_KINDS, obj.kind, 'kind');
  const ctx = jenjangContext(obj.jenjang, cfg, input.onDate);
  const pppk =
    obj.status !== undefined && obj.status !== null && parseEnum(EMPLOYEE_STATUSES, obj.status, 'status') === 'PPPK';
  if (pppk && kind === 'KENAIKAN_PANGKAT')
    throw new RuleInputError('PPPK tidak memiliki kenaikan pangkat (04 §6) / no KP for a PPPK', 'kind');
  const golongan = pppk
    ? (parseEnum(PPPK_GRADES, obj.golongan, 'golongan') as unknown as Golongan)
    : parseGolongan(obj.golongan);
  const catchUp =
    obj.catchUpFrom === undefined || obj.catchUpFrom === null
      ? null
      : catchUpOf(ctx, parseGolongan(obj.catchUpFrom, 'catchUpFrom'), cfg, 'catchUpFrom');
  if (obj.catchUpFrom !== undefined && obj.catchUpFrom !== null && catchUp === null)
    throw new RuleInputError("must be a golongan below the jenjang's lowest (integrasi case C)", 'catchUpFrom');
  const below = catchUp !== null && rankDistance(ctx.row.golongans[0], golongan) < 0;
  if (catchUp !== null && rankDistance(catchUp.from, golongan) < 0)
    throw new RuleInputError(`golongan ${golongan} is below catchUpFrom ${catchUp.from}`, 'golongan');
  const gi = below || pppk ? -1 : golonganIndex(ctx, golongan);
  const offset = catchUp?.offset ?? new Dec(0);
  const balance = toDec(obj.balance, 'balance');
  const precision = parsePrecision(obj.precision, cfg);
  const recent = asArray(obj.recentAnnualPredicates ?? [], 'recentAnnualPredicates').map((p, i) =>
    normalizePredicate(p, cfg, `recentAnnualPredicates[${i}]`),
  );
  const vacancy = asBool(obj.vacancy, 'vacancy', false);
  const passed = asBool(obj.passedCompetencyTest, 'passedCompetencyTest', false);
  const noVacancyKpUsed = asBool(obj.noVacancyKpUsed, 'noVacancyKpUsed', false);
  const monthsInPangkat =
    obj.monthsInPangkat === undefined || obj.monthsInPangkat === null
      ? null
      : asInt(obj.monthsInPangkat, 'monthsInPangkat', 0);
  const monthsInJenjang =
    obj.monthsInJenjang === undefined || obj.monthsInJenjang === null
      ? null
      : asInt(obj.monthsInJenjang, 'monthsInJenjang', 0);
  const inputs = {
    kind,
    jenjang: ctx.jenjang,
    golongan,
    balance: balance.toString(),
    monthsInPangkat,
    monthsInJenjang,
    recentAnnualPredicates: recent,
    vacancy,
    passedCompetencyTest: passed,
    noVacancyKpUsed,
    catchUpFrom: catchUp?.from,
    precision,
  };
  const steps: ExplanationStep[] = [];
  const top = ctx.row.golongans.length - 1;

  const terminal = (code: UnmetCode, reason: string): EligibilityResult => ({
    kind,
    to: null,
    threshold: null,
    shortfall: null,
    noVacancyKp: false,
    eligible: false,
    unmet: [code],
    reasons: [reason],
    explanation: explanation({
      ruleId: `ak.eligibility.${kind}`,
      legalBasis: kind === 'KENAIKAN_PANGKAT' ? AK_LEGAL.kp : AK_LEGAL.kj,
      status: 'INFERRED',
      inputs,
      formula: `${code}: ${reason}`,
    }),
  });

  let to: string;
  let threshold: Dec;
  let noVacancyKp = false;
  const unmet: UnmetCode[] = [];
  const reasons: string[] = [];
  const predYears = kind === 'KENAIKAN_PANGKAT' ? cfg.kp.predikatYears : cfg.kj.predikatYears;

  if (kind === 'KENAIKAN_PANGKAT') {
    if (below) {
      const above = nextGolongan(golongan);
      to = above;
      threshold = catchUpThreshold(catchUp, above);
      steps.push({
        label: 'batas AK (kasus C)',
        formula: `AKK konvensional ${to} − AKK konvensional ${catchUp.from} = ${show(threshold)}`,
      });
    } else if (gi >= top) {
      if (ctx.row.next === null)
        return terminal(
          'NO_HIGHER_STEP',
          `${golongan} adalah golongan tertinggi ${ctx.jenjang}; tidak ada pangkat lebih tinggi dalam JF ini`,
        );
      if (aboveJenjangRange(ctx, golongan))
        return terminal(
          'KJ_ROUTE',
          `golongan ${golongan} di atas rentang jenjang ${ctx.jenjang} (${golonganRange(ctx)}): tidak ada kenaikan pangkat dalam jenjang ini; langkahnya kenaikan jenjang ke ${ctx.row.next}`,
        );
      if (gi > top || noVacancyKpUsed)
        return terminal(
          'NO_VACANCY_KP_USED',
          `kenaikan pangkat tanpa lowongan pada jenjang ${ctx.jenjang} sudah digunakan (hanya 1 kali, satu tingkat)`,
        );
      if (vacancy)
        return terminal(
          'KJ_ROUTE',
          `${golongan} adalah golongan tertinggi ${ctx.jenjang} dan tersedia lowongan: langkahnya kenaikan jenjang ke ${ctx.row.next}`,
        );
      to = nextGolongan(golongan);
      threshold = akkJenjang(ctx).plus(offset);
      noVacancyKp = true;
      steps.push({
        label: 'KP tanpa lowongan',
        formula: `belum ada lowongan ${ctx.row.next}: naik satu tingkat ke ${to}, batas = AKK jenjang ${show(threshold)}`,
      });
    } else {
      to = ctx.row.golongans[gi + 1];
      threshold = kpThreshold(ctx, gi).plus(offset);
      steps.push({
        label: 'batas AK',
        formula: `AKK pangkat ${show(new Dec(ctx.row.akkPangkat))} × ${gi + 1}${offset.isZero() ? '' : ` + ${show(offset)} (kasus C)`} = ${show(threshold)}`,
      });
    }
    if (monthsInPangkat === null || monthsInPangkat < cfg.kp.minMonthsInPangkat) {
      unmet.push('MIN_MONTHS_IN_PANGKAT');
      reasons.push(
        `masa dalam pangkat ${monthsInPangkat ?? 'tidak diketahui'} bulan < ${cfg.kp.minMonthsInPangkat} bulan`,
      );
    }
  } else {
    if (ctx.row.next === null)
      return terminal('NO_HIGHER_STEP', `${ctx.jenjang} adalah jenjang tertinggi; tidak ada kenaikan jenjang`);
    to = ctx.row.next;
    threshold = akkJenjang(ctx).plus(offset);
    steps.push({
      label: 'batas AK',
      formula: `AKK jenjang = ${show(new Dec(ctx.row.akkPangkat))} × ${ctx.row.golongans.length}${offset.isZero() ? '' : ` + ${show(offset)} (kasus C)`} = ${show(threshold)}`,
    });
    if (!vacancy) {
      unmet.push('NO_VACANCY');
      reasons.push(`belum tersedia lowongan/formasi pada jenjang ${to}`);
    }
    if (!passed) {
      unmet.push('UKOM_NOT_PASSED');
      reasons.push('belum lulus uji kompetensi kenaikan jenjang');
    }
    if (monthsInJenjang === null || monthsInJenjang < cfg.kj.minMonthsInJenjang) {
      unmet.push('MIN_MONTHS_IN_JENJANG');
      reasons.push(
        `masa dalam jenjang ${monthsInJenjang ?? 'tidak diketahui'} bulan < ${cfg.kj.minMonthsInJenjang} bulan`,
      );
    }
  }
  if (balance.lt(threshold)) {
    unmet.unshift('AK_SHORTFALL');
    // Printed on the PAK: decimals with a comma at the configured precision (12,500), as offices write them.
    reasons.unshift(`AK kumulatif ${akId(balance, precision)} kurang dari AK minimal ${akId(threshold, precision)}`);
  }
  const window = recent.slice(0, predYears);
  const predOk = window.length >= predYears && window.every((p) => isAtLeastBaik(p));
  if (!predOk) {
    unmet.push('PREDIKAT_BELOW_BAIK');
    // Say which condition fails: too few years of predikat, or a predikat below Baik.
    const below = window.filter((p) => !isAtLeastBaik(p));
    if (below.length)
      reasons.push(
        `predikat kinerja ${predYears} tahun terakhir harus minimal Baik; di bawah Baik: ${below.map(humanPredicate).join(', ')}`,
      );
    else
      reasons.push(
        `predikat kinerja baru tersedia untuk ${window.length} dari ${predYears} tahun terakhir yang disyaratkan`,
      );
  }
  steps.push({
    label: `predikat ${predYears} tahun terakhir ≥ Baik`,
    formula: window.join(', ') || '—',
    value: predOk,
  });
  const shortfall = Dec.max(new Dec(0), threshold.minus(balance));
  return {
    kind,
    to,
    threshold: threshold.toFixed(precision),
    shortfall: shortfall.toFixed(precision),
    noVacancyKp,
    eligible: unmet.length === 0,
    unmet,
    reasons,
    explanation: explanation({
      ruleId: `ak.eligibility.${kind}`,
      legalBasis: kind === 'KENAIKAN_PANGKAT' ? AK_LEGAL.kp : AK_LEGAL.kj,
      status: 'INFERRED',
      inputs,
      formula: `${kind} ${golongan}/${ctx.jenjang} → ${to}: AK ${show(balance)} vs batas ${show(threshold)} (kekurangan ${shortfall.toFixed(precision)}); ${unmet.length === 0 ? 'semua syarat terpenuhi' : `belum terpenuhi: ${unmet.join(', ')}`}`,
      steps,
    }),
  };
}

/** 12.5 → "12,500" at the precision (Indonesian decimal comma). */
function akId(d: Dec, precision: number): string {
  return d.toFixed(precision).replace('.', ',');
}

/** "BUTUH_PERBAIKAN" → "Butuh Perbaikan" (the form's wording). */
function humanPredicate(p: string): string {
  return p
    .split('_')
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join(' ');
}
