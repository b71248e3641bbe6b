import type { Golongan, Sanction } from '../common/enums';
import type { RuleTable } from '../common/versioning';

/** KP TMT months of one regime (04 §3.1): the 1st of each listed month (1 = January). */
export interface KpPeriodRegime {
  months: number[];
}

/** 04 §3.1 `kp.periods`: effective-dated KP period regimes (each TMT is judged by the regime in force on it). */
export const KP_PERIOD_TABLE: RuleTable<KpPeriodRegime> = [
  {
    id: 'KEP_BKN_12_2002',
    effectiveFrom: '1900-01-01',
    effectiveTo: '2024-01-01',
    legalBasis: 'Keputusan Kepala BKN 12/2002 (PP 99/2000): 1 April dan 1 Oktober',
    status: 'CONFIRMED',
    data: { months: [4, 10] },
  },
  {
    id: 'PERBKN_4_2023',
    effectiveFrom: '2024-01-01',
    effectiveTo: '2025-10-01',
    legalBasis: 'Peraturan BKN 4/2023 Pasal 2: 1 Februari, April, Juni, Agustus, Oktober, Desember',
    status: 'CONFIRMED',
    data: { months: [2, 4, 6, 8, 10, 12] },
  },
  {
    id: 'PERBKN_4_2025',
    effectiveFrom: '2025-10-01',
    effectiveTo: null,
    legalBasis: 'Peraturan BKN 4/2025: tanggal 1 setiap bulan',
    status: 'CONFIRMED',
    data: { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
  },
];

/**
 * 04 §3.2 `kp.submission`: window for TMT month M opens on `fromDay` of M − `fromMonthsBefore` and closes on
 * `byDay` of M − `byMonthsBefore` (Surat BKN 13749/B-MP.01.01/SD/D/2025 for the 12 periods; the same rule
 * is the OPEN default for earlier regimes, overridable per TMT in `kp.submissionCalendar`).
 */
export interface KpSubmissionRule {
  fromMonthsBefore: number;
  fromDay: number;
  byMonthsBefore: number;
  byDay: number;
}

export const KP_SUBMISSION_RULE: KpSubmissionRule = { fromMonthsBefore: 2, fromDay: 16, byMonthsBefore: 1, byDay: 15 };

/** 04 §3.3 `kp.sanctionBlocking` (INFERRED on PerBKN 6/2022 Pasal 50, 55). */
export interface KpSanctionRules {
  /** A TMT inside [effectiveFrom, effectiveFrom + months) is skipped. */
  blocking: Partial<Record<Sanction, number>>;
  /** The first TMT ≥ effectiveFrom moves this many months later (PP 53/2010 form). */
  delay: Partial<Record<Sanction, number>>;
  /** Employment ends: no KP at all. */
  ending: Sanction[];
}

export const KP_SANCTION_RULES: KpSanctionRules = {
  blocking: {
    POTONG_TUKIN_25_6M: 6,
    POTONG_TUKIN_25_9M: 9,
    POTONG_TUKIN_25_12M: 12,
    TURUN_JABATAN_12M: 12,
    BEBAS_JABATAN_12M: 12,
    PANGKAT_DOWN_12M: 12,
    KGB_DELAY_12M: 12,
  },
  delay: { KP_DELAY_12M: 12 },
  ending: ['PDHTAPS', 'PTDH'],
};

export const EDUCATION_LEVELS = [
  'SD',
  'SLTP',
  'SLTP_KEJURUAN',
  'SLTA',
  'D1',
  'D2',
  'SGPLB',
  'D3',
  'S1',
  'D4',
  'S2',
  'S3',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** 04 §3.4 `kp.regular.ceilingByEducation` (Kep BKN 12/2002 table as republished; CONFIRMED-impl). */
export const KP_EDUCATION_CEILING_TABLE: RuleTable<Record<EducationLevel, Golongan>> = [
  {
    id: 'KEP_BKN_12_2002_IJAZAH',
    effectiveFrom: '1900-01-01',
    effectiveTo: null,
    legalBasis: 'Kep. Kepala BKN 12/2002 Lampiran (pangkat tertinggi kenaikan pangkat reguler menurut ijazah)',
    status: 'CONFIRMED',
    data: {
      SD: 'II/a',
      SLTP: 'II/c',
      SLTP_KEJURUAN: 'II/d',
      SLTA: 'III/b',
      D1: 'III/b',
      D2: 'III/b',
      SGPLB: 'III/c',
      D3: 'III/c',
      S1: 'III/d',
      D4: 'III/d',
      S2: 'IV/a',
      S3: 'IV/b',
    },
  },
];

/** 04 §3.4 `kp.regular.capAtSupervisor`: the reguler KP capped at the direct superior's pangkat, until 2025-05-20. */
export const KP_SUPERVISOR_CAP_TABLE: RuleTable<{ capAtSupervisor: boolean }> = [
  {
    id: 'KEP_BKN_12_2002_CAP',
    effectiveFrom: '1900-01-01',
    effectiveTo: '2025-05-20',
    legalBasis: 'Kep. Kepala BKN 12/2002: pangkat tidak melebihi pangkat atasan langsung',
    status: 'CONFIRMED',
    data: { capAtSupervisor: true },
  },
  {
    id: 'PERBKN_2025_REGULER',
    effectiveFrom: '2025-05-20',
    effectiveTo: null,
    legalBasis: 'Peraturan BKN 2025 tentang kenaikan pangkat reguler (mencabut Kep. Kepala BKN 12/2002)',
    status: 'CONFIRMED',
    data: { capAtSupervisor: false },
  },
];
