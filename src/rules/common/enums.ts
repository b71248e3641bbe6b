/**
 * Enum spellings of the public API contract (spec 00-api.md): string-literal unions + const arrays.
 */
import { RuleInputError } from './errors';
import { describe } from './decimal';

export const RULE_STATUSES = ['CONFIRMED', 'INFERRED'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;
export type Rating = (typeof RATINGS)[number];

/** Employee predicates, best first (01 §8 ordering). */
export const PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predicate = (typeof PREDICATES)[number];

/** Predicate for allowances: a predicate or NONE (no SKP / no report). */
export const ALLOWANCE_PREDICATES = [...PREDICATES, 'NONE'] as const;
export type AllowancePredicate = (typeof ALLOWANCE_PREDICATES)[number];

export const ORG_PREDICATES = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type OrgPredicate = (typeof ORG_PREDICATES)[number];

export const JENJANGS = [
  'PEMULA',
  'TERAMPIL',
  'MAHIR',
  'PENYELIA',
  'AHLI_PERTAMA',
  'AHLI_MUDA',
  'AHLI_MADYA',
  'AHLI_UTAMA',
] as const;
export type Jenjang = (typeof JENJANGS)[number];

/** Golongan ruang in rank order. */
export const GOLONGANS = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
] as const;
export type Golongan = (typeof GOLONGANS)[number];

/** PPPK grades (golongan PPPK, Perpres 98/2020) in rank order; no pangkat ladder. */
export const PPPK_GRADES = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;
export type PppkGrade = (typeof PPPK_GRADES)[number];

export const POSITION_KINDS = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'FUNGSIONAL',
] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

export const EMPLOYEE_STATUSES = ['PNS', 'PPPK'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const PERIOD_TYPES = ['ANNUAL', 'QUARTERLY', 'MONTHLY'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const AK_BASES = ['TAHUNAN', 'PERIODIK'] as const;
export type AkBasis = (typeof AK_BASES)[number];

export const AK_ENTRY_SOURCES = [
  'AK_DASAR',
  'INTEGRASI',
  'PENYESUAIAN',
  'PREDIKAT',
  'PENDIDIKAN',
  'LAINNYA',
  'LAMA',
] as const;
export type AkEntrySource = (typeof AK_ENTRY_SOURCES)[number];

export const STEP_KINDS = ['KENAIKAN_PANGKAT', 'KENAIKAN_JENJANG'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const DISCIPLINE_LEVELS = ['RINGAN', 'SEDANG', 'BERAT'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

/** Sanction codes (03 §2). */
export const SANCTIONS = [
  'TEGURAN_LISAN',
  'TEGURAN_TERTULIS',
  'PERNYATAAN_TIDAK_PUAS',
  'POTONG_TUKIN_25_6M',
  'POTONG_TUKIN_25_9M',
  'POTONG_TUKIN_25_12M',
  'TURUN_JABATAN_12M',
  'BEBAS_JABATAN_12M',
  'PDHTAPS',
  'KGB_DELAY_12M',
  'KP_DELAY_12M',
  'PANGKAT_DOWN_12M',
  'PTDH',
  'MORAL_TERTUTUP',
  'MORAL_TERBUKA',
] as const;
export type Sanction = (typeof SANCTIONS)[number];

export const NETRALITAS_TRACKS = ['KODE_ETIK', 'DISIPLIN', 'PTDH'] as const;
export type NetralitasTrack = (typeof NETRALITAS_TRACKS)[number];

export const NETRALITAS_STAGES = ['BAKAL_CALON', 'CALON'] as const;
export type NetralitasStage = (typeof NETRALITAS_STAGES)[number];

export const NETRALITAS_ACTS = [
  'N01',
  'N02',
  'N03',
  'N04',
  'N05',
  'N06',
  'N07',
  'N08',
  'N09',
  'N10',
  'N11',
  'N99',
] as const;
export type NetralitasAct = (typeof NETRALITAS_ACTS)[number];

export const DISCIPLINE_CASE_KINDS = ['NETRALITAS', 'ATTENDANCE', 'OTHER'] as const;
export type DisciplineCaseKind = (typeof DISCIPLINE_CASE_KINDS)[number];

/** Allowance deduction line codes (00-api payroll). PREDIKAT_HELD: performance part held back for a missing predikat (not a cut); PEMBULATAN: payable rounded to the rule set's unit. */
export const DEDUCTION_CODES = [
  'PREDIKAT',
  'TL',
  'PSW',
  'APEL',
  'TK',
  'CUTI',
  'HUKDIS',
  'STATUS',
  'PREDIKAT_HELD',
  'PEMBULATAN',
] as const;
export type DeductionCode = (typeof DEDUCTION_CODES)[number];

/** Allowance employment statuses with a statusRules row in R-TPP-DEMO (03 §11.3, 04 §5.2); other codes are accepted and warned about. */
export const ALLOWANCE_STATUSES = [
  'PNS',
  'PPPK',
  'CPNS',
  'CLTN',
  'PENAHANAN',
  'PEMBERHENTIAN_SEMENTARA',
  'TUGAS_BELAJAR',
  'MPP',
  'PPPK_PARUH_WAKTU',
] as const;
export type AllowanceStatus = (typeof ALLOWANCE_STATUSES)[number];

export const OUTCOME_TYPES = [
  'AK_CREDITED',
  'KENAIKAN_PANGKAT_ELIGIBLE',
  'KENAIKAN_JENJANG_ELIGIBLE',
  'TALENT_POOL_CANDIDATE',
  'SUCCESSION_PRIORITY',
  'COACHING_REQUIRED',
  'IMPROVEMENT_PERIOD',
  'COMPETENCY_TEST_REQUIRED',
  'ALLOWANCE_CUT',
  'KGB_DELAYED',
  'KP_DELAYED',
  'DEMOTION',
  'DISMISSAL_RECOMMENDED',
  'CONTRACT_NOT_EXTENDED',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** Validates that `value` is one of `values`; throws RuleInputError naming the field otherwise. */
export function parseEnum<T extends string>(values: readonly T[], value: unknown, field: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new RuleInputError(`must be one of ${values.join(' | ')}, got ${describe(value)}`, field);
}

export function isEnum<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
