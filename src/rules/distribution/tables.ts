import type { OrgPredicate, Predicate } from '../common/enums';
import type { RuleTable } from '../common/versioning';

export const DISTRIBUTION_VIOLATION_CODES = [
  'ISTIMEWA_SB_MAX_70',
  'BAIK_B_MAX_70',
  'BAIK_BP_OR_K_REQUIRED',
  'BUTUH_PERBAIKAN_BP_MIN_60',
  'BUTUH_PERBAIKAN_SB_MAX_10',
  'KURANG_K_MIN_60',
  'KURANG_BP_MIN_10',
  'KURANG_SB_MAX_10',
  'SANGAT_KURANG_SK_MIN_60',
  'SANGAT_KURANG_K_BP_MIN_10',
  'SANGAT_KURANG_SB_ZERO',
] as const;
export type DistributionViolationCode = (typeof DISTRIBUTION_VIOLATION_CODES)[number];

export const DISTRIBUTION_WARNING_CODES = ['ISTIMEWA_SB_NOT_PLURALITY', 'BAIK_B_NOT_PLURALITY'] as const;
export type DistributionWarningCode = (typeof DISTRIBUTION_WARNING_CODES)[number];

/**
 * One constraint of the SE 3/2023 pattern.
 * MAX: Σ counts(predicates) ≤ cap(share × N); MIN: ≥ need(share × N); ZERO: Σ = 0; AT_LEAST_ONE: Σ ≥ 1 (N ≥ 1).
 */
export interface DistributionConstraint {
  code: DistributionViolationCode;
  kind: 'MAX' | 'MIN' | 'ZERO' | 'AT_LEAST_ONE';
  predicates: Predicate[];
  share?: string;
  messageId: string;
  messageEn: string;
}

export interface DistributionPattern {
  constraints: DistributionConstraint[];
  /** "sebagian besar" predicate checked as a warning, if any. */
  plurality?: { predicate: Predicate; code: DistributionWarningCode; messageId: string; messageEn: string };
}

export const DISTRIBUTION_TABLE: RuleTable<Record<OrgPredicate, DistributionPattern>> = [
  {
    id: 'SE_MENPANRB_3_2023',
    effectiveFrom: '2023-01-31',
    effectiveTo: null,
    legalBasis:
      'SE MenPANRB No. 3 Tahun 2023 (pola distribusi predikat kinerja pegawai), melaksanakan PermenPANRB 6/2022 Pasal 24–25 dan PP 30/2019 Pasal 41 ayat (7)',
    status: 'CONFIRMED',
    data: {
      ISTIMEWA: {
        constraints: [
          {
            code: 'ISTIMEWA_SB_MAX_70',
            kind: 'MAX',
            predicates: ['SANGAT_BAIK'],
            share: '0.70',
            messageId: 'Predikat Sangat Baik paling banyak 70% pegawai',
            messageEn: 'Sangat Baik may be given to at most 70% of employees',
          },
        ],
        plurality: {
          predicate: 'SANGAT_BAIK',
          code: 'ISTIMEWA_SB_NOT_PLURALITY',
          messageId: 'Sebagian besar pegawai seharusnya berpredikat Sangat Baik',
          messageEn: 'Most employees should be rated Sangat Baik',
        },
      },
      BAIK: {
        constraints: [
          {
            code: 'BAIK_B_MAX_70',
            kind: 'MAX',
            predicates: ['BAIK'],
            share: '0.70',
            messageId: 'Predikat Baik paling banyak 70% pegawai',
            messageEn: 'Baik may be given to at most 70% of employees',
          },
          {
            code: 'BAIK_BP_OR_K_REQUIRED',
            kind: 'AT_LEAST_ONE',
            predicates: ['BUTUH_PERBAIKAN', 'KURANG'],
            messageId: 'Harus ada pegawai dengan predikat Butuh Perbaikan dan/atau Kurang/Misconduct',
            messageEn: 'At least one employee must be rated Butuh Perbaikan and/or Kurang',
          },
        ],
        plurality: {
          predicate: 'BAIK',
          code: 'BAIK_B_NOT_PLURALITY',
          messageId: 'Sebagian besar pegawai seharusnya berpredikat Baik',
          messageEn: 'Most employees should be rated Baik',
        },
      },
      BUTUH_PERBAIKAN: {
        constraints: [
          {
            code: 'BUTUH_PERBAIKAN_BP_MIN_60',
            kind: 'MIN',
            predicates: ['BUTUH_PERBAIKAN'],
            share: '0.60',
            messageId: 'Predikat Butuh Perbaikan paling sedikit 60% pegawai',
            messageEn: 'At least 60% of employees must be rated Butuh Perbaikan',
          },
          {
            code: 'BUTUH_PERBAIKAN_SB_MAX_10',
            kind: 'MAX',
            predicates: ['SANGAT_BAIK'],
            share: '0.10',
            messageId: 'Predikat Sangat Baik paling banyak 10% pegawai',
            messageEn: 'Sangat Baik may be given to at most 10% of employees',
          },
        ],
      },
      KURANG: {
        constraints: [
          {
            code: 'KURANG_K_MIN_60',
            kind: 'MIN',
            predicates: ['KURANG'],
            share: '0.60',
            messageId: 'Predikat Kurang/Misconduct paling sedikit 60% pegawai',
            messageEn: 'At least 60% of employees must be rated Kurang',
          },
          {
            code: 'KURANG_BP_MIN_10',
            kind: 'MIN',
            predicates: ['BUTUH_PERBAIKAN'],
            share: '0.10',
            messageId: 'Predikat Butuh Perbaikan paling sedikit 10% pegawai',
            messageEn: 'At least 10% of employees must be rated Butuh Perbaikan',
          },
          {
            code: 'KURANG_SB_MAX_10',
            kind: 'MAX',
            predicates: ['SANGAT_BAIK'],
            share: '0.10',
            messageId: 'Predikat Sangat Baik paling banyak 10% pegawai',
            messageEn: 'Sangat Baik may be given to at most 10% of employees',
          },
        ],
      },
      SANGAT_KURANG: {
        constraints: [
          {
            code: 'SANGAT_KURANG_SK_MIN_60',
            kind: 'MIN',
            predicates: ['SANGAT_KURANG'],
            share: '0.60',
            messageId: 'Predikat Sangat Kurang paling sedikit 60% pegawai',
            messageEn: 'At least 60% of employees must be rated Sangat Kurang',
          },
          {
            code: 'SANGAT_KURANG_K_BP_MIN_10',
            kind: 'MIN',
            predicates: ['KURANG', 'BUTUH_PERBAIKAN'],
            share: '0.10',
            messageId: 'Predikat Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 10% pegawai',
            messageEn: 'At least 10% of employees must be rated Kurang and/or Butuh Perbaikan',
          },
          {
            code: 'SANGAT_KURANG_SB_ZERO',
            kind: 'ZERO',
            predicates: ['SANGAT_BAIK'],
            messageId: 'Tidak boleh ada pegawai dengan predikat Sangat Baik',
            messageEn: 'No employee may be rated Sangat Baik',
          },
        ],
      },
    },
  },
];
