import type { SiasnKind } from '../rules';

/** Where a write body stands in what SIASN holds (read side, spec 04 §8.4 names). */
export type Readback =
  { found: 'NONE' } | { found: 'SAME'; siasnId: string } | { found: 'DIFFERENT'; siasnId: string; fields: string[] };

/** Read path of the riwayat list for a kind and NIP. */
export function riwayatPath(kind: SiasnKind, nip: string): string {
  const list = kind === 'SKP22' ? 'rw-skp22' : kind === 'KINERJA_PERIODIK' ? 'rw-kinerjaperiodik' : 'rw-angkakredit';
  return `/pns/${list}/${nip}`;
}

type Pair = [write: string, read: string, compare?: 'number' | 'text' | 'flag'];

// Key fields (which SIASN row the body is about) and value fields, write name → read name (§8.4).
const KEYS: Record<SiasnKind, Pair[]> = {
  SKP22: [
    ['tahun', 'tahun', 'number'],
    ['pnsDinilaiOrang', 'pnsDinilaiId'],
  ],
  KINERJA_PERIODIK: [
    ['pnsDinilaiId', 'pnsDinilaiId'],
    ['tahunMulaiPenilaian', 'tahunMulaiPenilaian', 'number'],
    ['bulanMulaiPenilaian', 'bulanMulaiPenilaian', 'number'],
    ['tahunSelesaiPenilaian', 'tahunSelesaiPenilaian', 'number'],
    ['bulanSelesaiPenilaian', 'bulanSelesaiPenilaian', 'number'],
    ['periodikId', 'periodikId'],
  ],
  ANGKA_KREDIT: [
    ['pnsId', 'pns'],
    ['tahunMulaiPenailan', 'tahunMulaiPenailan', 'number'],
    ['bulanMulaiPenailan', 'bulanMulaiPenailan', 'number'],
    ['tahunSelesaiPenailan', 'tahunSelesaiPenailan', 'number'],
    ['bulanSelesaiPenailan', 'bulanSelesaiPenailan', 'number'],
    ['isKonversi', 'isKonversi', 'flag'],
    ['isIntegrasi', 'isIntegrasi', 'flag'],
    ['isAngkaKreditPertama', 'isAngkaKreditPertama', 'flag'],
  ],
};

const PENILAI: Pair[] = [
  ['penilaiNama', 'namaPenilai', 'text'],
  ['penilaiUnorNama', 'penilaiUnorNm', 'text'],
  ['statusPenilai', 'statusPenilai', 'text'],
];

const VALUES: Record<SiasnKind, Pair[]> = {
  SKP22: [
    ['hasilKinerjaNilai', 'hasilKinerjaNilai', 'number'],
    ['perilakuKerjaNilai', 'PerilakuKerjaNilai', 'number'],
    ['kuadranKinerjaNilai', 'KuadranKinerjaNilai', 'number'],
    ['penilaiNipNrp', 'nipNrpPenilai', 'text'],
    ['penilaiGolongan', 'penilaiGolonganId', 'text'],
    ['penilaiJabatan', 'penilaiJabatanNm', 'text'],
    ...PENILAI,
  ],
  KINERJA_PERIODIK: [
    ['hasilKinerjaNilai', 'hasilKinerjaNilai', 'number'],
    ['perilakuKerjaNilai', 'perilakuKerjaNilai', 'number'],
    ['kuadranKinerjaNilai', 'kuadranNilai', 'number'],
    ['koefisienId', 'koefisenId', 'text'],
    ['penilaiNipNrp', 'penilaiNipNrp', 'text'],
    ['penilaiGolongan', 'penilaiGolongan', 'text'],
    ['penilaiJabatanNama', 'penilaiJabatanNama', 'text'],
    ...PENILAI,
  ],
  ANGKA_KREDIT: [
    ['rwJabatanId', 'rwJabatan', 'text'],
    ['nomorSk', 'nomorSk', 'text'],
    ['tanggalSk', 'tanggalSk', 'text'],
    ['kreditBaruTotal', 'kreditBaruTotal', 'number'],
    ['kreditUtamaBaru', 'kreditUtamaBaru', 'number'],
    ['kreditPenunjangBaru', 'kreditPenunjangBaru', 'number'],
  ],
};

function same(a: unknown, b: unknown, how: Pair[2]): boolean {
  if (how === 'number') return a !== null && b !== null && a !== '' && b !== '' && Number(a) === Number(b);
  if (how === 'flag') return (a === true || a === 1 || a === '1') === (b === true || b === 1 || b === '1');
  // Text: SIASN upper-cases some names and trims; compare without case and surrounding blanks.
  return text(a).trim().toUpperCase() === text(b).trim().toUpperCase();
}

/** A JSON value as text (absent is empty; an object or list, which no text field should hold, as its JSON). */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** An element of a riwayat list that is an object (SIASN's answer is read, not trusted). */
function isRow(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * Finds the SIASN row a write body is about (same natural key) in a riwayat list and whether it holds
 * the same values. Several rows for one key (a duplicate in SIASN): one with the same values wins,
 * else the first is the one updated.
 */
export function readback(kind: SiasnKind, body: Record<string, unknown>, list: unknown): Readback {
  const rows: unknown[] = Array.isArray(list) ? list : [];
  const mine = rows
    .filter(isRow)
    .filter((r) => KEYS[kind].every(([w, rd, how]) => same(body[w], r[rd], how ?? 'text')));
  if (mine.length === 0) return { found: 'NONE' };
  const diffs = mine.map((r) => ({
    id: String(r.id),
    fields: VALUES[kind].filter(([w, rd, how]) => !same(body[w], r[rd], how)).map(([w]) => w),
  }));
  const exact = diffs.find((d) => d.fields.length === 0);
  if (exact) return { found: 'SAME', siasnId: exact.id };
  return { found: 'DIFFERENT', siasnId: diffs[0].id, fields: diffs[0].fields };
}
