import type { ExportColumn, ExportRow } from '../common/export/export-table';
import type { SiasnItem, SiasnKind } from './siasn.views';

type Field = [key: string, label: string, kind: ExportColumn['kind']];

/** Payload fields per kind in §8.2 order (the `path` document list is uploaded, never typed by hand). */
const PAYLOAD_FIELDS: Record<SiasnKind, Field[]> = {
  SKP22: [
    ['tahun', 'Tahun', 'integer'],
    ['hasilKinerjaNilai', 'Hasil Kinerja', 'integer'],
    ['perilakuKerjaNilai', 'Perilaku Kerja', 'integer'],
    ['kuadranKinerjaNilai', 'Kuadran Kinerja', 'integer'],
    ['penilaiNama', 'Nama Penilai', 'text'],
    ['penilaiNipNrp', 'NIP/NRP Penilai', 'code'],
    ['penilaiGolongan', 'Golongan Penilai', 'code'],
    ['penilaiJabatan', 'Jabatan Penilai', 'text'],
    ['penilaiUnorNama', 'Unor Penilai', 'text'],
    ['statusPenilai', 'Status Penilai', 'text'],
    ['pnsDinilaiOrang', 'ID PNS SIASN', 'text'],
  ],
  KINERJA_PERIODIK: [
    ['tahun', 'Tahun', 'integer'],
    ['bulanMulaiPenilaian', 'Bulan Mulai', 'integer'],
    ['tahunMulaiPenilaian', 'Tahun Mulai', 'integer'],
    ['bulanSelesaiPenilaian', 'Bulan Selesai', 'integer'],
    ['tahunSelesaiPenilaian', 'Tahun Selesai', 'integer'],
    ['periodikId', 'Periodik', 'code'],
    ['koefisienId', 'Koefisien', 'code'],
    ['hasilKinerjaNilai', 'Hasil Kinerja', 'integer'],
    ['perilakuKerjaNilai', 'Perilaku Kerja', 'integer'],
    ['kuadranKinerjaNilai', 'Kuadran Kinerja', 'integer'],
    ['penilaiNama', 'Nama Penilai', 'text'],
    ['penilaiNipNrp', 'NIP/NRP Penilai', 'code'],
    ['penilaiGolongan', 'Golongan Penilai', 'code'],
    ['penilaiJabatanNama', 'Jabatan Penilai', 'text'],
    ['penilaiUnorNama', 'Unor Penilai', 'text'],
    ['statusPenilai', 'Status Penilai', 'text'],
    ['pnsDinilaiId', 'ID PNS SIASN', 'text'],
  ],
  ANGKA_KREDIT: [
    ['pnsId', 'ID PNS SIASN', 'text'],
    ['rwJabatanId', 'ID Riwayat Jabatan', 'text'],
    ['nomorSk', 'Nomor SK', 'text'],
    ['tanggalSk', 'Tanggal SK', 'text'],
    ['bulanMulaiPenailan', 'Bulan Mulai', 'code'],
    ['tahunMulaiPenailan', 'Tahun Mulai', 'code'],
    ['bulanSelesaiPenailan', 'Bulan Selesai', 'code'],
    ['tahunSelesaiPenailan', 'Tahun Selesai', 'code'],
    ['kreditUtamaBaru', 'Kredit Utama', 'text'],
    ['kreditPenunjangBaru', 'Kredit Penunjang', 'text'],
    ['kreditBaruTotal', 'Kredit Total', 'text'],
    ['isAngkaKreditPertama', 'AK Pertama', 'code'],
    ['isIntegrasi', 'Integrasi', 'code'],
    ['isKonversi', 'Konversi', 'code'],
  ],
};

export function siasnColumns(kind: SiasnKind): ExportColumn[] {
  return [
    { key: 'nip', label: 'NIP', kind: 'code', width: 22 },
    { key: 'status', label: 'Status', kind: 'text', width: 12 },
    { key: 'siasnId', label: 'ID SIASN', kind: 'text', width: 38 },
    ...PAYLOAD_FIELDS[kind].map(([key, label, k]) => ({ key, label, kind: k, width: k === 'text' ? 30 : 14 })),
    { key: 'problems', label: 'Masalah', kind: 'text', width: 60 },
    { key: 'naturalKey', label: 'Kunci', kind: 'text', width: 50 },
  ];
}

export function siasnRow(kind: SiasnKind, item: SiasnItem): ExportRow {
  const payload = (item.payload ?? {}) as Record<string, unknown>;
  return [
    item.nip,
    item.status,
    item.siasnId ?? '',
    ...PAYLOAD_FIELDS[kind].map(([key]) => payload[key] ?? ''),
    item.problems.map((p) => p.message).join('; '),
    item.naturalKey ?? '',
  ];
}
