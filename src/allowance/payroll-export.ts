import { DEDUCTION_CODES } from '../rules';
import { ExportColumn } from '../common/export/export-table';

/** Names of the deduction codes on the spreadsheet header (the words of the attendance rules). */
const DEDUCTION_LABELS: Partial<Record<(typeof DEDUCTION_CODES)[number], string>> = {
  PREDIKAT: 'Potongan Predikat Kinerja',
  TL: 'Potongan Terlambat (TL)',
  PSW: 'Potongan Pulang Sebelum Waktu (PSW)',
  APEL: 'Potongan Tidak Ikut Apel',
  TK: 'Potongan Tanpa Keterangan (TK)',
  CUTI: 'Potongan Cuti',
  HUKDIS: 'Potongan Hukuman Disiplin',
  STATUS: 'Potongan Status Kepegawaian',
  PREDIKAT_HELD: 'Ditahan (Predikat Belum Ada)',
  PEMBULATAN: 'Pembulatan',
};

/**
 * Columns of the payroll file (CSV and XLSX): the CSV header keeps the machine names payroll systems
 * read; the XLSX header is the Bahasa Indonesia label. Rupiah are integers.
 */
export const PAYROLL_COLUMNS: readonly ExportColumn[] = [
  { key: 'nip', label: 'NIP', kind: 'code' },
  { key: 'name', label: 'Nama', kind: 'text', width: 34 },
  { key: 'kelasJabatan', label: 'Kelas Jabatan', kind: 'integer' },
  { key: 'ruleSet', label: 'Aturan TPP', kind: 'text', width: 16 },
  { key: 'basicAmount', label: 'TPP Dasar (Rp)', kind: 'rupiah' },
  { key: 'performancePart', label: 'Bagian Kinerja (Rp)', kind: 'rupiah' },
  { key: 'disciplinePart', label: 'Bagian Disiplin (Rp)', kind: 'rupiah' },
  ...DEDUCTION_CODES.map((c): ExportColumn => ({
    key: `deduction${c}`,
    label: `${DEDUCTION_LABELS[c] ?? `Potongan ${c}`} (Rp)`,
    kind: 'rupiah',
  })),
  { key: 'totalDeductions', label: 'Jumlah Potongan (Rp)', kind: 'rupiah' },
  { key: 'netAmount', label: 'TPP Diterima (Rp)', kind: 'rupiah' },
  { key: 'adjustments', label: 'Koreksi Bulan Lalu (Rp)', kind: 'rupiah' },
  { key: 'payableAmount', label: 'TPP Dibayarkan (Rp)', kind: 'rupiah' },
  { key: 'version', label: 'Versi', kind: 'integer' },
  // Warning codes of the line, space-separated (empty when none): "Perlu Diperiksa" on the console.
  { key: 'warnings', label: 'Peringatan (Perlu Diperiksa)', kind: 'text', width: 30 },
];
