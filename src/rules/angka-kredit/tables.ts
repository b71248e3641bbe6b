import type { Golongan, Jenjang, Predicate, RuleStatus } from '../common/enums';
import type { RuleTable } from '../common/versioning';

export type Kategori = 'KETERAMPILAN' | 'KEAHLIAN';

/** Master data of one jenjang (02 §3.1, §3.2). Decimals as strings. */
export interface JenjangRow {
  kategori: Kategori;
  /** Golongan of the jenjang, lowest first. */
  golongans: Golongan[];
  /** Next jenjang (KJ target), null at the top of the category. */
  next: Jenjang | null;
  /** Annual AK coefficient. */
  koefisien: string;
  /** AKK per kenaikan pangkat step (cumulative threshold = akkPangkat × (index + 1)). */
  akkPangkat: string;
  status: RuleStatus;
  source: string;
}

export const JENJANG_TABLE: RuleTable<Record<Jenjang, JenjangRow>> = [
  {
    id: 'PERMENPANRB_1_2023',
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    legalBasis: 'PermenPANRB 1/2023 tentang Jabatan Fungsional (Lampiran); Peraturan BKN 3/2023',
    status: 'CONFIRMED',
    data: {
      PEMULA: {
        kategori: 'KETERAMPILAN',
        golongans: ['II/a'],
        next: 'TERAMPIL',
        koefisien: '3.75',
        akkPangkat: '15',
        status: 'INFERRED',
        source: '02 §3.2 (impl + 15/4)',
      },
      TERAMPIL: {
        kategori: 'KETERAMPILAN',
        golongans: ['II/b', 'II/c', 'II/d'],
        next: 'MAHIR',
        koefisien: '5',
        akkPangkat: '20',
        status: 'INFERRED',
        source: '02 §3.2 (impl + 20/4)',
      },
      MAHIR: {
        kategori: 'KETERAMPILAN',
        golongans: ['III/a', 'III/b'],
        next: 'PENYELIA',
        koefisien: '12.5',
        akkPangkat: '50',
        status: 'INFERRED',
        source: '02 §3.2 (impl + 50/4)',
      },
      PENYELIA: {
        kategori: 'KETERAMPILAN',
        golongans: ['III/c', 'III/d'],
        next: null,
        koefisien: '25',
        akkPangkat: '100',
        status: 'INFERRED',
        source: '02 §3.2 (impl + 100/4)',
      },
      AHLI_PERTAMA: {
        kategori: 'KEAHLIAN',
        golongans: ['III/a', 'III/b'],
        next: 'AHLI_MUDA',
        koefisien: '12.5',
        akkPangkat: '50',
        status: 'CONFIRMED',
        source: 'BKN deck; PerBKN 3/2023',
      },
      AHLI_MUDA: {
        kategori: 'KEAHLIAN',
        golongans: ['III/c', 'III/d'],
        next: 'AHLI_MADYA',
        koefisien: '25',
        akkPangkat: '100',
        status: 'CONFIRMED',
        source: 'PerBKN 3/2023 Lampiran I',
      },
      AHLI_MADYA: {
        kategori: 'KEAHLIAN',
        golongans: ['IV/a', 'IV/b', 'IV/c'],
        next: 'AHLI_UTAMA',
        koefisien: '37.5',
        akkPangkat: '150',
        status: 'CONFIRMED',
        source: 'PAK konversi Guru Ahli Madya',
      },
      AHLI_UTAMA: {
        kategori: 'KEAHLIAN',
        golongans: ['IV/d', 'IV/e'],
        next: null,
        koefisien: '50',
        akkPangkat: '200',
        status: 'INFERRED',
        source: '02 §3.2 (impl + 200/4)',
      },
    },
  },
];

/** Predicate → percentage of the annual coefficient (PermenPANRB 1/2023 Pasal 37). */
export const AK_PERCENTAGE_TABLE: RuleTable<Record<Predicate, string>> = [
  {
    id: 'PERMENPANRB_1_2023_PASAL_37',
    effectiveFrom: '2023-01-01',
    effectiveTo: null,
    legalBasis: 'PermenPANRB 1/2023 Pasal 37; Peraturan BKN 3/2023 Pasal 13 ayat (1)',
    status: 'CONFIRMED',
    data: { SANGAT_BAIK: '1.50', BAIK: '1.00', BUTUH_PERBAIKAN: '0.75', KURANG: '0.50', SANGAT_KURANG: '0.25' },
  },
];

/** Aliases accepted for predicates in AK conversion (02 §4), keys normalised (trimmed, upper case, spaces → _). */
export const PREDICATE_ALIASES: Record<string, Predicate> = {
  SANGAT_BAIK: 'SANGAT_BAIK',
  BAIK: 'BAIK',
  BUTUH_PERBAIKAN: 'BUTUH_PERBAIKAN',
  CUKUP: 'BUTUH_PERBAIKAN',
  'BUTUH_PERBAIKAN/CUKUP': 'BUTUH_PERBAIKAN',
  'CUKUP/BUTUH_PERBAIKAN': 'BUTUH_PERBAIKAN',
  KURANG: 'KURANG',
  'KURANG/MISCONDUCT': 'KURANG',
  MISCONDUCT: 'KURANG',
  SANGAT_KURANG: 'SANGAT_KURANG',
};

/**
 * Conventional cumulative AK (pre-2023) at the start of each golongan, used as Nilai Dasar
 * for integrasi (02 §10). Keahlian CONFIRMED [S7]; keterampilan INFERRED from [S1].
 */
export const CONVENTIONAL_AKK: Record<'KEAHLIAN' | 'KETERAMPILAN', Partial<Record<Golongan, string>>> = {
  KEAHLIAN: {
    'III/a': '100',
    'III/b': '150',
    'III/c': '200',
    'III/d': '300',
    'IV/a': '400',
    'IV/b': '550',
    'IV/c': '700',
    'IV/d': '850',
    'IV/e': '1050',
  },
  KETERAMPILAN: {
    'II/b': '40',
    'II/c': '60',
    'II/d': '80',
    'III/a': '100',
    'III/b': '150',
    'III/c': '200',
    'III/d': '300',
  },
};
