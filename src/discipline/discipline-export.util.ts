import { ExportColumn, ExportRow } from '../common/export/export-table';

type ExportItem = Record<string, unknown>;

/**
 * Columns of the SBT export (national sharing system): CSV header = the machine keys of the JSON
 * export; XLSX header = Bahasa Indonesia labels.
 */
export const DISCIPLINE_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'caseReference', label: 'Nomor Kasus', kind: 'text', width: 13 },
  { key: 'nip', label: 'NIP', kind: 'code' },
  { key: 'name', label: 'Nama', kind: 'text' },
  { key: 'agencyCode', label: 'Kode Instansi', kind: 'text', width: 14 },
  { key: 'agencyName', label: 'Instansi', kind: 'text' },
  { key: 'unitCode', label: 'Kode Unit Kerja', kind: 'text', width: 16 },
  { key: 'unitName', label: 'Unit Kerja', kind: 'text' },
  { key: 'positionTitle', label: 'Jabatan', kind: 'text' },
  { key: 'kind', label: 'Jenis Kasus', kind: 'text', width: 14 },
  { key: 'act', label: 'Kode Pelanggaran', kind: 'text', width: 12 },
  { key: 'stage', label: 'Tahapan', kind: 'text', width: 12 },
  { key: 'occurredOn', label: 'Tanggal Kejadian', kind: 'date' },
  { key: 'reportedOn', label: 'Tanggal Laporan', kind: 'date' },
  { key: 'reportedBy', label: 'Pelapor', kind: 'text' },
  { key: 'verifiedOn', label: 'Tanggal Verifikasi', kind: 'date' },
  { key: 'recommendedOn', label: 'Tanggal Rekomendasi', kind: 'date' },
  { key: 'decidedOn', label: 'Tanggal Keputusan', kind: 'date' },
  { key: 'deliveredOn', label: 'Tanggal Penyampaian', kind: 'date' },
  { key: 'effectiveFrom', label: 'Berlaku Mulai', kind: 'date' },
  { key: 'effectiveTo', label: 'Berlaku Sampai', kind: 'date' },
  { key: 'track', label: 'Jalur', kind: 'text', width: 12 },
  { key: 'level', label: 'Tingkat Hukuman', kind: 'text', width: 12 },
  { key: 'sanction', label: 'Sanksi', kind: 'text' },
  { key: 'sanctionDecided', label: 'Sanksi Diputuskan', kind: 'boolean' },
  { key: 'status', label: 'Status', kind: 'text', width: 12 },
  { key: 'decisionRef', label: 'Nomor Keputusan', kind: 'text', width: 22 },
  { key: 'overdueSteps', label: 'Tahap Terlambat', kind: 'text', width: 16 },
  { key: 'escalated', label: 'Eskalasi', kind: 'boolean' },
  // 04 §7, appended so readers of the earlier columns by position keep working.
  { key: 'recommendingBody', label: 'Lembaga Pemberi Rekomendasi', kind: 'text', width: 14 },
  { key: 'listeningOnly', label: 'Hanya Mendengarkan', kind: 'boolean' },
];

export function disciplineExportRows(items: readonly ExportItem[]): ExportRow[] {
  return items.map((it) => DISCIPLINE_EXPORT_COLUMNS.map((c) => it[c.key]));
}
