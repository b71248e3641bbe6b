/**
 * Default configuration of the rules library, one object per area. Every INFERRED / OPEN
 * policy choice of the specs lives here (never as a buried constant) and can be overridden
 * per call with a DeepPartial of the area's config. Tables are versioned by effective date.
 */
import type { Jenjang, OrgPredicate, Predicate, Rating } from '../common/enums';
import type { RuleTable } from '../common/versioning';
import { PREDIKAT_MATRIX_TABLE, type PredikatMatrix } from '../predikat/tables';
import { DISTRIBUTION_TABLE, type DistributionPattern } from '../distribution/tables';
import {
  AK_PERCENTAGE_TABLE,
  CONVENTIONAL_AKK,
  JENJANG_TABLE,
  PREDICATE_ALIASES,
  type JenjangRow,
} from '../angka-kredit/tables';
import { R_TPP_DEMO } from '../allowance/r-tpp-demo';
import type { AllowanceRuleSet } from '../allowance/types';
import {
  ATTENDANCE_LADDER_TABLE,
  NETRALITAS_MATRIX_TABLE,
  type AttendanceLadderData,
  type NetralitasRow,
} from '../discipline/tables';
import type { NetralitasAct } from '../common/enums';

// ───────────────────────────── Predikat (spec 01) ─────────────────────────────
export interface PredikatConfig {
  /** 01 §8 matrix (CONFIRMED-impl). */
  matrix: RuleTable<PredikatMatrix>;
  /** 01 §9 org predicate → unit head rating hasil kerja (INFERRED). */
  unitHeadMapping: Record<OrgPredicate, Rating>;
  /** 01 §6.3 suggestion helper: "sebagian besar" = share strictly above this (INFERRED). */
  suggestion: { majorityShare: string };
}

export const predikatDefaults: PredikatConfig = {
  matrix: PREDIKAT_MATRIX_TABLE,
  unitHeadMapping: {
    ISTIMEWA: 'DI_ATAS_EKSPEKTASI',
    BAIK: 'SESUAI_EKSPEKTASI',
    BUTUH_PERBAIKAN: 'DI_BAWAH_EKSPEKTASI',
    KURANG: 'DI_BAWAH_EKSPEKTASI',
    SANGAT_KURANG: 'DI_BAWAH_EKSPEKTASI',
  },
  suggestion: { majorityShare: '0.5' },
};

// ─────────────────────────── Distribution (spec 01 §10) ───────────────────────────
export type RoundingRule = 'FLOOR' | 'CEIL' | 'ROUND';

export interface DistributionConfig {
  /** SE 3/2023 thresholds (CONFIRMED). */
  patterns: RuleTable<Record<OrgPredicate, DistributionPattern>>;
  /** 01 §10.3 rounding of maxima (cap) and minima (need) (INFERRED: FLOOR / CEIL). */
  rounding: { max: RoundingRule; min: RoundingRule };
  /** "sebagian besar" test: PLURALITY (warning, default), MAJORITY (> 50 %, warning) or OFF. */
  sebagianBesar: 'PLURALITY' | 'MAJORITY' | 'OFF';
  /** Small-unit policy: below `minN` employees the percentage rules become warnings (ADVISORY). Default 0 = none. */
  smallUnit: { minN: number };
}

export const distributionDefaults: DistributionConfig = {
  patterns: DISTRIBUTION_TABLE,
  rounding: { max: 'FLOOR', min: 'CEIL' },
  sebagianBesar: 'PLURALITY',
  smallUnit: { minN: 0 },
};

// ─────────────────────────── Angka kredit (spec 02) ───────────────────────────
export interface AkConfig {
  /** 02 §3 jenjang master data: golongan, next, koefisien, AKK (keterampilan rows INFERRED). */
  jenjangs: RuleTable<Record<Jenjang, JenjangRow>>;
  /** 02 §4 predicate percentages (CONFIRMED). */
  percentages: RuleTable<Record<Predicate, string>>;
  /** 02 §4 alias table (normalised keys). */
  aliases: Record<string, Predicate>;
  /** P-01: decimals kept per entry, half-up (INFERRED, default 3). */
  rounding: { precision: number };
  /** PR-7: first month that may be converted (CONFIRMED cut-over 2023-01). */
  konversiFrom: string;
  proration: {
    /** P-03 / PR-5: an annual predicate replaces the periodic ones of its year. */
    annualSupersedesPeriodic: boolean;
  };
  /** P-05: AK Dasar overrides by "JENJANG:golongan"; default AKK_PANGKAT × index of golongan. */
  akDasar: { overrides: Record<string, string> };
  integrasi: {
    /** P-07: Nilai Dasar per jenjang; null = none (PEMULA, per JF). */
    nilaiDasar: Record<Jenjang, string | null>;
    /** Conventional AKK by golongan (case C: jenjang higher than pangkat → by golongan). */
    conventionalAkk: typeof CONVENTIONAL_AKK;
  };
  /** P-11: ijazah bonus as a share of AKK_PANGKAT. */
  pendidikan: { pct: string };
  /** P-17, P-10. */
  kp: { minMonthsInPangkat: number; predikatYears: number };
  /** P-09, P-17. (P-08, the excess on a KJ, and P-02, a TMT not on the 1st, have one reading each: docs/rules.md.) */
  kj: { minMonthsInJenjang: number; predikatYears: number };
  /**
   * 04 §6 (OPEN): PPPK in a JF. INFORMATIONAL = conversions recorded and shown (entries, balance),
   * no kenaikan pangkat, KJ eligibility reported but not emitted; false = no ledger.
   */
  pppk: { ledger: 'INFORMATIONAL' | false };
}

export const akDefaults: AkConfig = {
  jenjangs: JENJANG_TABLE,
  percentages: AK_PERCENTAGE_TABLE,
  aliases: PREDICATE_ALIASES,
  rounding: { precision: 3 },
  konversiFrom: '2023-01',
  proration: { annualSupersedesPeriodic: true },
  akDasar: { overrides: {} },
  integrasi: {
    nilaiDasar: {
      PEMULA: null,
      TERAMPIL: '40',
      MAHIR: '100',
      PENYELIA: '200',
      AHLI_PERTAMA: '100',
      AHLI_MUDA: '200',
      AHLI_MADYA: '400',
      AHLI_UTAMA: '850',
    },
    conventionalAkk: CONVENTIONAL_AKK,
  },
  pendidikan: { pct: '0.25' },
  kp: { minMonthsInPangkat: 24, predikatYears: 2 },
  kj: { minMonthsInJenjang: 12, predikatYears: 1 },
  pppk: { ledger: 'INFORMATIONAL' },
};

// ─────────────────────────── Allowances (spec 03 §9–§11) ───────────────────────────
export interface AllowanceConfig {
  /** Registered rule sets by code, each a list of effective-dated versions. */
  ruleSets: Record<string, AllowanceRuleSet[]>;
  /** Demo default rule set code (03 §11.3). */
  defaultRuleSet: string;
  /** Order in which attendance lines consume the disiplin cap (INFERRED). */
  capOrder: ('TL' | 'PSW' | 'APEL' | 'CUTI' | 'TK')[];
}

export const allowanceDefaults: AllowanceConfig = {
  ruleSets: { 'R-TPP-DEMO': [R_TPP_DEMO] },
  defaultRuleSet: 'R-TPP-DEMO',
  capOrder: ['TL', 'PSW', 'APEL', 'CUTI', 'TK'],
};

// ─────────────────────────── Discipline & netralitas (spec 03 §12–§13) ───────────────────────────
export interface DisciplineConfig {
  attendanceLadder: RuleTable<AttendanceLadderData>;
  /** 03 §12.2 / §17 #6: late + early minutes per unexcused day (INFERRED use for the ladder). */
  minutesPerTmkDay: number;
  netralitas: RuleTable<Record<NetralitasAct, NetralitasRow>>;
  /** 03 §12.4: decision effective on the Nth working day after delivery (CONFIRMED-impl, default 15). */
  effectiveDate: { workingDaysAfterDelivery: number; weekendDays: number[] };
}

export const disciplineDefaults: DisciplineConfig = {
  attendanceLadder: ATTENDANCE_LADDER_TABLE,
  minutesPerTmkDay: 450,
  netralitas: NETRALITAS_MATRIX_TABLE,
  effectiveDate: { workingDaysAfterDelivery: 15, weekendDays: [6, 7] },
};

// ─────────────────────────── Outcomes (spec 03 §14–§15) ───────────────────────────
export interface OutcomeConfig {
  /** 03 §14.3 / §17 #15: annual predicate at or below this starts the performance path. */
  pathThreshold: Predicate;
  /** Perban BRIN 4/2025 Pasal 38A: JPT path threshold. */
  jptPathThreshold: Predicate;
  improvementMonths: number;
  /** Months after a failed competency test without a suitable post before PDH is recommended. */
  reassignmentMonths: number;
  /** PP 30/2019: Sangat Baik for this many consecutive years → succession priority. */
  successionYears: number;
  /** PermenPANRB 3/2020: nine-box boxes of the talent pool. */
  talentPoolBoxes: number[];
  /** Predicates requiring coaching (PermenPANRB 6/2022 stages 2 and 4). */
  coachingPredicates: Predicate[];
  /** 03 §15: annual predicates making a PPPK a non-extension candidate (INFERRED). */
  contractNonExtensionPredicates: Predicate[];
  /** 03 §17 #10: "SK two consecutive years → dismissal" (OPEN, disabled). */
  consecutiveSkDismissal: boolean;
}

export const outcomeDefaults: OutcomeConfig = {
  pathThreshold: 'KURANG',
  jptPathThreshold: 'BUTUH_PERBAIKAN',
  improvementMonths: 6,
  reassignmentMonths: 12,
  successionYears: 2,
  talentPoolBoxes: [7, 8, 9],
  coachingPredicates: ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'],
  contractNonExtensionPredicates: ['KURANG', 'SANGAT_KURANG'],
  consecutiveSkDismissal: false,
};

/** All areas together (for documentation and the evaluator). */
export const RULE_DEFAULTS = {
  predikat: predikatDefaults,
  distribution: distributionDefaults,
  ak: akDefaults,
  allowance: allowanceDefaults,
  discipline: disciplineDefaults,
  outcomes: outcomeDefaults,
} as const;
