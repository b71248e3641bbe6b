/** Wording of the SIASN screens (Bahasa Indonesia); codes stay as the API sends them. */
export type SiasnKindParam = 'skp22' | 'kinerjaPeriodik' | 'angkaKredit';

export const KIND_OPTIONS: { value: SiasnKindParam; label: string }[] = [
  { value: 'skp22', label: 'SKP Tahunan (skp22)' },
  { value: 'kinerjaPeriodik', label: 'Kinerja Periodik' },
  { value: 'angkaKredit', label: 'Angka Kredit' },
];

export const ITEM_STATUS_LABELS: Record<string, { label: string; color: string }> = {
  READY: { label: 'Siap', color: 'green' },
  NOT_READY: { label: 'Belum Siap', color: 'orange' },
  PENDING: { label: 'Menunggu', color: 'blue' },
  SENDING: { label: 'Sedang Dikirim', color: 'blue' },
  SENT: { label: 'Terkirim', color: 'green' },
  FAILED: { label: 'Gagal', color: 'red' },
  DEAD: { label: 'Mati', color: 'red' },
  SUPERSEDED: { label: 'Digantikan', color: 'gray' },
};

export const GAP_LABELS: Record<string, string> = {
  SIASN_ID_MISSING: 'ID PNS SIASN belum dipetakan',
  RW_JABATAN_MISSING: 'ID riwayat jabatan belum dipetakan',
};

export const FINDING_LABELS: Record<string, { label: string; color: string }> = {
  MISSING_IN_SIASN: { label: 'Belum ada di SIASN', color: 'orange' },
  MISSING_IN_ENGINE: { label: 'Hanya ada di SIASN', color: 'violet' },
  VALUE_MISMATCH: { label: 'Nilai berbeda', color: 'red' },
  PENILAI_MISMATCH: { label: 'Penilai berbeda', color: 'red' },
  DUPLICATE_IN_SIASN: { label: 'Ganda di SIASN', color: 'red' },
  ENGINE_NOT_READY: { label: 'Data mesin belum siap', color: 'gray' },
};

export const IMPORT_STATE_LABELS: Record<string, string> = {
  QUEUED: 'Menunggu antrean',
  RUNNING: 'Sedang membaca SIASN',
  DONE: 'Selesai',
  FAILED: 'Gagal',
};

/** Field names of the SIASN bodies, for people. */
export const FIELD_LABELS: Record<string, string> = {
  hasilKinerjaNilai: 'Hasil Kinerja',
  perilakuKerjaNilai: 'Perilaku Kerja',
  kuadranKinerjaNilai: 'Kuadran Kinerja',
  koefisienId: 'Koefisien',
  penilaiNama: 'Nama Penilai',
  penilaiNipNrp: 'NIP/NRP Penilai',
  penilaiGolongan: 'Golongan Penilai',
  penilaiJabatan: 'Jabatan Penilai',
  penilaiJabatanNama: 'Jabatan Penilai',
  penilaiUnorNama: 'Unor Penilai',
  statusPenilai: 'Status Penilai',
  rwJabatanId: 'ID Riwayat Jabatan',
  nomorSk: 'Nomor SK',
  tanggalSk: 'Tanggal SK',
  kreditBaruTotal: 'Angka Kredit',
  kreditUtamaBaru: 'Kredit Utama',
  kreditPenunjangBaru: 'Kredit Penunjang',
};

/** The identity import's row problems (the API answers in English) in words an operator reads. */
export function problemInWords(problem: string): string {
  const map: [RegExp, string][] = [
    [/must be an 18-digit NIP/, 'NIP harus 18 digit'],
    [/no employee with this NIP/, 'tidak ada pegawai dengan NIP ini'],
    [/unknown column/, 'kolom tidak dikenal'],
    [/must be a SIASN id/, 'ID SIASN hanya huruf, angka, titik, garis bawah atau tanda hubung (maks. 64)'],
    [/must be YYYY-MM-DD/, 'tanggal harus berformat YYYY-MM-DD'],
    [/needs siasnPnsId or tmtJabatan/, 'isi siasnPnsId, atau tmtJabatan dan rwJabatanId'],
    [/header row without nip/, 'baris judul harus memuat kolom nip'],
  ];
  return map.find(([re]) => re.test(problem))?.[1] ?? problem;
}

/** `[3].nip` → `Baris 3, kolom nip`; a NIP stays a NIP. */
export function rowInWords(field: string): string {
  const m = /^\[(\d+)\]\.?(.*)$/.exec(field);
  if (m) return m[2] ? `Baris ${m[1]}, kolom ${m[2]}` : `Baris ${m[1]}`;
  return /^\d{18}$/.test(field) ? `NIP ${field}` : field;
}
