/** SKP planning enums (spec 01 §3.4, §4; contract 00-api "SKP planning"). */
export const SKP_APPROACHES = ['KUANTITATIF', 'KUALITATIF'] as const;
export type SkpApproach = (typeof SKP_APPROACHES)[number];

export const SKP_FORM_TYPES = ['JPT', 'JA_JF'] as const;
export type SkpFormType = (typeof SKP_FORM_TYPES)[number];

/** CLOSED: an APPROVED SKP whose period an event ended (spec 04 §1.2). */
export const SKP_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'CLOSED'] as const;
export type SkpStatus = (typeof SKP_STATUSES)[number];

/** DEFINITIVE: the SKP of the employee's own post; ACTING: a parallel SKP for a Plt (spec 04 §1.2). */
export const SKP_KINDS = ['DEFINITIVE', 'ACTING'] as const;
export type SkpKind = (typeof SKP_KINDS)[number];

export const RESULT_KINDS = ['UTAMA', 'TAMBAHAN'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** IKI aspect (JA/JF forms). */
export const ASPECTS = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
/** IKI perspective (JPT forms). */
export const PERSPECTIVES = ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN'] as const;

/** The 7 BerAKHLAK core values (§4.5), in the order printed on the form. */
export const CORE_VALUES = [
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
] as const;
export type CoreValue = (typeof CORE_VALUES)[number];

export const CORE_VALUE_LABEL: Record<CoreValue, string> = {
  BERORIENTASI_PELAYANAN: 'Berorientasi Pelayanan',
  AKUNTABEL: 'Akuntabel',
  KOMPETEN: 'Kompeten',
  HARMONIS: 'Harmonis',
  LOYAL: 'Loyal',
  ADAPTIF: 'Adaptif',
  KOLABORATIF: 'Kolaboratif',
};

/** Behaviour guidance of each BerAKHLAK core value, as printed on the SKP/evaluation form (SE MenPANRB 20/2021; Lampiran PermenPANRB 6/2022). */
export const CORE_VALUE_GUIDANCE: Record<CoreValue, string[]> = {
  BERORIENTASI_PELAYANAN: [
    'Memahami dan memenuhi kebutuhan masyarakat',
    'Ramah, cekatan, solutif, dan dapat diandalkan',
    'Melakukan perbaikan tiada henti',
  ],
  AKUNTABEL: [
    'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi',
    'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
    'Tidak menyalahgunakan kewenangan jabatan',
  ],
  KOMPETEN: [
    'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
    'Membantu orang lain belajar',
    'Melaksanakan tugas dengan kualitas terbaik',
  ],
  HARMONIS: [
    'Menghargai setiap orang apapun latar belakangnya',
    'Suka menolong orang lain',
    'Membangun lingkungan kerja yang kondusif',
  ],
  LOYAL: [
    'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah',
    'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
    'Menjaga rahasia jabatan dan negara',
  ],
  ADAPTIF: [
    'Cepat menyesuaikan diri menghadapi perubahan',
    'Terus berinovasi dan mengembangkan kreativitas',
    'Bertindak proaktif',
  ],
  KOLABORATIF: [
    'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
    'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
    'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
  ],
};

/** Form type from the position kind (§4.2): JPT Utama/Madya/Pratama use the JPT form, everyone else JA/JF. */
export function formTypeFor(positionKind: string): SkpFormType {
  return positionKind.startsWith('JPT_') ? 'JPT' : 'JA_JF';
}

/** The date on which "who is whose PPK" is judged for an SKP of a year: today, kept inside that year. */
export function skpReferenceDate(year: number, today: string): string {
  return clampDate(today, `${year}-01-01`, `${year}-12-31`);
}

/** The date relations of one SKP are judged on: today, kept inside the SKP's own period (spec 04 §1.3). */
export function segmentReferenceDate(skp: { periodStart: string; periodEnd: string }, today: string): string {
  return clampDate(today, skp.periodStart, skp.periodEnd);
}

export function clampDate(d: string, from: string, to: string): string {
  return d < from ? from : d > to ? to : d;
}
