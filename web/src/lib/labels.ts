/** Screen words for the API's codes (../shared/console-glossary.md). */
export const STATUS_LABELS: Record<string, { label: string; color: string }> = {
  DRAFT: { label: 'Draf', color: 'gray' },
  SUBMITTED: { label: 'Diajukan', color: 'blue' },
  APPROVED: { label: 'Disetujui', color: 'green' },
  REJECTED: { label: 'Dikembalikan', color: 'orange' },
  RATED: { label: 'Dinilai', color: 'blue' },
  ISSUED: { label: 'Diterbitkan (masa keberatan)', color: 'violet' },
  OBJECTED: { label: 'Keberatan', color: 'orange' },
  FINAL: { label: 'Final', color: 'green' },
  CLOSED: { label: 'Ditutup', color: 'gray' },
  OPEN: { label: 'Belum Dinilai', color: 'gray' },
  NEEDS_REVIEW: { label: 'Perlu Diperiksa', color: 'orange' },
};

export const RATING_LABELS: Record<string, string> = {
  DI_ATAS_EKSPEKTASI: 'Di Atas Ekspektasi',
  SESUAI_EKSPEKTASI: 'Sesuai Ekspektasi',
  DI_BAWAH_EKSPEKTASI: 'Di Bawah Ekspektasi',
};
export const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;

export const PREDICATE_LABELS: Record<string, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};
/** On the distribution curve KURANG reads "Kurang/Misconduct", as on the form. */
export const CURVE_LABELS: Record<string, string> = { ...PREDICATE_LABELS, KURANG: 'Kurang/Misconduct' };
export const PREDICATES = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

export const ORG_PREDICATE_LABELS: Record<string, string> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

export const CORE_VALUE_LABELS: Record<string, string> = {
  BERORIENTASI_PELAYANAN: 'Berorientasi Pelayanan',
  AKUNTABEL: 'Akuntabel',
  KOMPETEN: 'Kompeten',
  HARMONIS: 'Harmonis',
  LOYAL: 'Loyal',
  ADAPTIF: 'Adaptif',
  KOLABORATIF: 'Kolaboratif',
};

export const ASPECT_LABELS: Record<string, string> = {
  KUANTITAS: 'Kuantitas',
  KUALITAS: 'Kualitas',
  WAKTU: 'Waktu',
  BIAYA: 'Biaya',
};
export const KIND_LABELS: Record<string, string> = { UTAMA: 'Utama', TAMBAHAN: 'Tambahan' };

export const label = (map: Record<string, string>, code: string | null | undefined): string =>
  code ? (map[code] ?? code) : '–';
