import type { Golongan, Jenjang } from '../common/enums';
import type { RuleTable } from '../common/versioning';

export const APPOINTMENT_ROUTES = [
  'PENGANGKATAN_PERTAMA',
  'PERPINDAHAN',
  'PENYESUAIAN',
  'PROMOSI',
  'PENGANGKATAN_KEMBALI',
] as const;
export type AppointmentRoute = (typeof APPOINTMENT_ROUTES)[number];

/**
 * One row of a fixed-value opening table (PerBKN 3/2023 Lampiran II angka 3 for perpindahan with a golongan
 * that does not match the jenjang; Lampiran II angka 5 for penyesuaian): applies when the golongan and the
 * education match (education absent = any) and the relevant experience is at least `minYears`.
 */
export interface OpeningTableRow {
  jenjang: Jenjang;
  golongan: Golongan;
  education?: string;
  minYears: number;
  amount: string;
  /** Where the value comes from (regulation annex, document reference). */
  source: string;
}

/** 04 §9 `ak.perpindahan.table` (OPEN beyond the one row the BKN example confirms); admins add versions. */
export const AK_PERPINDAHAN_TABLE: RuleTable<OpeningTableRow[]> = [
  {
    id: 'PERBKN_3_2023_L2_A3',
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    legalBasis: 'Peraturan BKN 3/2023 Lampiran II angka 3 (perpindahan, golongan tidak sesuai jenjang)',
    status: 'CONFIRMED',
    data: [
      {
        jenjang: 'AHLI_PERTAMA',
        golongan: 'IV/a',
        education: 'S2',
        minYears: 4,
        amount: '100',
        source: 'PerBKN 3/2023 Lampiran I contoh (S2, IV/a, 4 tahun → Ahli Pertama 100)',
      },
    ],
  },
];

/** 04 §9 `ak.penyesuaian.table` (Lampiran II angka 5; values OPEN: empty until an admin adds rows). */
export const AK_PENYESUAIAN_TABLE: RuleTable<OpeningTableRow[]> = [
  {
    id: 'PERBKN_3_2023_L2_A5',
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    legalBasis: 'Peraturan BKN 3/2023 Lampiran II angka 5 (penyesuaian/inpassing)',
    status: 'INFERRED',
    data: [],
  },
];
