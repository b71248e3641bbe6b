import type { Golongan, Jenjang, Predicate, Rating } from '../common/enums';
import type { RuleStatus } from '../common/enums';

/** SIASN reference tables copied from SIASN's own reference data (spec 04 §8.3, CONFIRMED-impl). */
export interface SiasnCodeTable<K extends string, V> {
  legalBasis: string;
  status: RuleStatus;
  codes: Record<K, V>;
  /** SIASN's label per code, in SIASN's own spelling. */
  labels: Record<string, string>;
}

/** `perilakuDanKinerja`: rating → code 1–3 (SIASN spells "ESPEKTASI"). */
export const SIASN_RATING_CODES: SiasnCodeTable<Rating, number> = {
  legalBasis: 'Spec 04 §8.3; SIASN referensi perilakuDanKinerja',
  status: 'CONFIRMED',
  codes: { DI_ATAS_EKSPEKTASI: 1, SESUAI_EKSPEKTASI: 2, DI_BAWAH_EKSPEKTASI: 3 },
  labels: { '1': 'DIATAS ESPEKTASI', '2': 'SESUAI ESPEKTASI', '3': 'DIBAWAH ESPEKTASI' },
};

/** `kuadranNilai`: predikat → code 1–5. */
export const SIASN_KUADRAN_CODES: SiasnCodeTable<Predicate, number> = {
  legalBasis: 'Spec 04 §8.3; SIASN referensi kuadranNilai',
  status: 'CONFIRMED',
  codes: { SANGAT_BAIK: 1, BAIK: 2, BUTUH_PERBAIKAN: 3, KURANG: 4, SANGAT_KURANG: 5 },
  labels: { '1': 'SANGAT BAIK', '2': 'BAIK', '3': 'BUTUH PERBAIKAN', '4': 'KURANG', '5': 'SANGAT KURANG' },
};

/** `periodik`: period type → id. */
export const SIASN_PERIODIK_CODES: SiasnCodeTable<'MONTHLY' | 'QUARTERLY', string> = {
  legalBasis: 'Spec 04 §8.3; SIASN referensi periodik',
  status: 'CONFIRMED',
  codes: { MONTHLY: '1', QUARTERLY: '2' },
  labels: { '1': 'bulanan', '2': 'triwulan' },
};

/**
 * `koefisien`: the jenjang's "x2" row (Baik, 100 %), as both public clients send; whether other ids
 * exist per predikat is OPEN (§8.3).
 */
export const SIASN_KOEFISIEN_CODES: SiasnCodeTable<Jenjang, string> = {
  legalBasis: 'Spec 04 §8.3; SIASN referensi koefisien (rows seen: Baik, 100 %)',
  status: 'CONFIRMED',
  codes: {
    AHLI_PERTAMA: '12',
    AHLI_MUDA: '22',
    AHLI_MADYA: '32',
    AHLI_UTAMA: '42',
    PEMULA: '52',
    TERAMPIL: '62',
    MAHIR: '72',
    PENYELIA: '82',
  },
  labels: {
    '12': 'Ahli Pertama 12.5',
    '22': 'Ahli Muda 25',
    '32': 'Ahli Madya 37.5',
    '42': 'Ahli Utama 50',
    '52': 'Pemula 3.75',
    '62': 'Terampil 5',
    '72': 'Mahir 12.5',
    '82': 'Penyelia 25',
  },
};

/** `golonganPns`: "I/a" → "11" … "IV/e" → "45" (ruang letter a–e → 1–5). */
export function siasnGolonganId(golongan: Golongan): string {
  const [roman, ruang] = golongan.split('/');
  const major = { I: 1, II: 2, III: 3, IV: 4 }[roman as 'I' | 'II' | 'III' | 'IV'];
  return `${major}${'abcde'.indexOf(ruang) + 1}`;
}

/** `id_ref_dokumen` values (§8.3); which one a kind uses is the `siasn.docRef` config. */
export const SIASN_DOCUMENT_REFS = {
  '890': 'Riwayat Kinerja – Dokumen Evaluasi Kinerja',
  '1179': 'Riwayat Kinerja – Dokumen Evaluasi Kinerja',
  '891': 'Riwayat SKP – Dok Realisasi SKP',
  '879': 'Dok PAK',
  '880': 'SK PAK',
} as const;
export type SiasnDocumentRef = keyof typeof SIASN_DOCUMENT_REFS;
