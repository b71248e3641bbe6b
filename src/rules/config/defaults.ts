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
import {
  KP_EDUCATION_CEILING_TABLE,
  KP_PERIOD_TABLE,
  KP_SANCTION_RULES,
  KP_SUBMISSION_RULE,
  KP_SUPERVISOR_CAP_TABLE,
  type EducationLevel,
  type KpPeriodRegime,
  type KpSanctionRules,
  type KpSubmissionRule,
} from '../kenaikan-pangkat/tables';
import { AK_PENYESUAIAN_TABLE, AK_PERPINDAHAN_TABLE, type OpeningTableRow } from '../angka-kredit/opening-tables';
import type { Golongan } from '../common/enums';

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
  aliases: Partial<Record<string, Predicate>>;
  /** P-01: decimals kept per entry, half-up (INFERRED, default 3). */
  rounding: { precision: number };
  /** PR-7: first month that may be converted (CONFIRMED cut-over 2023-01). */
  konversiFrom: string;
  proration: {
    /** P-03 / PR-5: an annual predicate replaces the periodic ones of its year. */
    annualSupersedesPeriodic: boolean;
  };
  /** P-05: AK Dasar overrides by "JENJANG:golongan"; default AKK_PANGKAT × index of golongan. */
  akDasar: { overrides: Partial<Record<string, string>> };
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
  /** 04 §4 `ak.opening`: windows and the OPEN fixed-value tables (versioned; admins add rows/versions). */
  opening: {
    /** 02 P-18: perpindahan from the top JA pangkat converts at most this many months (CONFIRMED 36). */
    perpindahanMaxMonths: number;
    /** 02 P-12: pengangkatan kembali converts at most the last this many months (INFERRED 48). */
    pengangkatanKembaliMaxMonths: number;
    perpindahan: RuleTable<OpeningTableRow[]>;
    penyesuaian: RuleTable<OpeningTableRow[]>;
  };
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
  opening: {
    perpindahanMaxMonths: 36,
    pengangkatanKembaliMaxMonths: 48,
    perpindahan: AK_PERPINDAHAN_TABLE,
    penyesuaian: AK_PENYESUAIAN_TABLE,
  },
};

// ─────────────────────────── Kenaikan pangkat calendar (spec 04 §3) ───────────────────────────
export interface KpConfig {
  /** 04 §3.1 `kp.periods` (CONFIRMED). */
  periods: RuleTable<KpPeriodRegime>;
  /** 04 §3.2 `kp.submission` (CONFIRMED for 12 periods; OPEN default for earlier regimes). */
  submission: KpSubmissionRule;
  /** 04 §3.2 `kp.submissionCalendar`: per-TMT window overrides, `{ "2024-04-01": { submitFrom, submitBy } }`. */
  submissionCalendar: Partial<Record<string, { submitFrom: string; submitBy: string }>>;
  /** 04 §3.3 `kp.sanctionBlocking` (INFERRED). */
  sanctions: KpSanctionRules;
  /** 04 §3.4 `kp.regular.*`. */
  regular: {
    minMonthsInPangkat: number;
    predikatYears: number;
    ceilingByEducation: RuleTable<Record<EducationLevel, Golongan>>;
    capAtSupervisor: RuleTable<{ capAtSupervisor: boolean }>;
  };
}

export const kpDefaults: KpConfig = {
  periods: KP_PERIOD_TABLE,
  submission: KP_SUBMISSION_RULE,
  submissionCalendar: {},
  sanctions: KP_SANCTION_RULES,
  regular: {
    minMonthsInPangkat: 48,
    predikatYears: 2,
    ceilingByEducation: KP_EDUCATION_CEILING_TABLE,
    capAtSupervisor: KP_SUPERVISOR_CAP_TABLE,
  },
};

// ─────────────────────────── PPPK (spec 04 §6) ───────────────────────────
export type ContractRecommendation = 'EXTEND' | 'EXTEND_WITH_COACHING' | 'CONTRACT_NOT_EXTENDED';

export interface PppkConfig {
  /** `pppk.contractReview.leadMonths` (CONFIRMED, PP 49/2018 Pasal 37) and `.map` (INFERRED). */
  contractReview: { leadMonths: number; map: Record<Predicate, ContractRecommendation> };
}

export const pppkDefaults: PppkConfig = {
  contractReview: {
    leadMonths: 6,
    map: {
      SANGAT_BAIK: 'EXTEND',
      BAIK: 'EXTEND',
      BUTUH_PERBAIKAN: 'EXTEND_WITH_COACHING',
      KURANG: 'CONTRACT_NOT_EXTENDED',
      SANGAT_KURANG: 'CONTRACT_NOT_EXTENDED',
    },
  },
};

// ─────────────────────────── Allowances (spec 03 §9–§11) ───────────────────────────
export interface AllowanceConfig {
  /** Registered rule sets by code, each a list of effective-dated versions. */
  ruleSets: Partial<Record<string, AllowanceRuleSet[]>>;
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
  /** 04 §7 `neutrality.recommendingBody` (effective-dated) and `neutrality.elections` (penetapan = CALON from). */
  neutrality: {
    recommendingBody: RuleTable<{ body: string; name: string }>;
    elections: { code: string; name: string; from: string; to: string; penetapan: string; legalBasis: string }[];
  };
}

export const disciplineDefaults: DisciplineConfig = {
  attendanceLadder: ATTENDANCE_LADDER_TABLE,
  minutesPerTmkDay: 450,
  netralitas: NETRALITAS_MATRIX_TABLE,
  effectiveDate: { workingDaysAfterDelivery: 15, weekendDays: [6, 7] },
  neutrality: {
    recommendingBody: [
      {
        id: 'KASN',
        effectiveFrom: '2014-01-15',
        effectiveTo: '2024-08-24',
        legalBasis: 'UU 5/2014 tentang ASN (Komisi Aparatur Sipil Negara)',
        status: 'CONFIRMED',
        data: { body: 'KASN', name: 'Komisi Aparatur Sipil Negara' },
      },
      {
        id: 'BKN',
        effectiveFrom: '2024-08-24',
        effectiveTo: null,
        legalBasis:
          'Perpres 91/2024 dan 92/2024; SE MenPANRB 4/2024 (tugas pengawasan KASN oleh BKN, Deputi Bidang Pengawasan dan Pengendalian)',
        status: 'CONFIRMED',
        data: { body: 'BKN', name: 'Badan Kepegawaian Negara (Deputi Bidang Pengawasan dan Pengendalian)' },
      },
    ],
    elections: [
      {
        code: 'PILKADA_2024',
        name: 'Pemilihan Kepala Daerah Serentak 2024',
        from: '2024-01-01',
        to: '2024-12-31',
        penetapan: '2024-09-22',
        legalBasis: 'PKPU 2/2024 (penetapan pasangan calon 22 September 2024)',
      },
    ],
  },
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
  kp: kpDefaults,
  pppk: pppkDefaults,
} as const;
