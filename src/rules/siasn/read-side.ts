import { scalarText } from '../common/validate';
import type { SiasnKind } from './natural-key';

/** A value of a normalised SIASN row: numbers stay numbers, text stays text, absent is null. */
export type HoldingValue = string | number | null;

/** A row SIASN holds, under the write-side names of §8.2, with the key it is matched on. */
export interface NormalisedHolding {
  siasnId: string;
  nip: string;
  /** Engine-independent match key: kind, NIP and the covered months (and periodikId / jenis). */
  matchKey: string;
  body: Record<string, HoldingValue>;
}

export type HoldingResult = { ok: true; holding: NormalisedHolding } | { ok: false; siasnId: string; problem: string };

/**
 * Read key → write key (spec 04 §8.4). Keys not listed keep their name; the write-side spelling wins when
 * both are present (a future SIASN that answers with write names needs no change).
 */
export const SIASN_READ_KEYS: Record<SiasnKind, Record<string, string>> = {
  SKP22: {
    KuadranKinerjaNilai: 'kuadranKinerjaNilai',
    PerilakuKerjaNilai: 'perilakuKerjaNilai',
    HasilKinerjaNilai: 'hasilKinerjaNilai',
    namaPenilai: 'penilaiNama',
    nipNrpPenilai: 'penilaiNipNrp',
    penilaiGolonganId: 'penilaiGolongan',
    penilaiJabatanNm: 'penilaiJabatan',
    penilaiUnorNm: 'penilaiUnorNama',
    pnsDinilaiId: 'pnsDinilaiOrang',
  },
  KINERJA_PERIODIK: {
    koefisenId: 'koefisienId',
    namaPenilai: 'penilaiNama',
    penilaiUnorNm: 'penilaiUnorNama',
    kuadranNilai: 'kuadranKinerjaNilai',
    nipNrpPenilai: 'penilaiNipNrp',
    penilaiGolonganId: 'penilaiGolongan',
    penilaiJabatanNm: 'penilaiJabatanNama',
  },
  ANGKA_KREDIT: { pns: 'pnsId', rwJabatan: 'rwJabatanId' },
};

/** Fields compared per kind (write-side names): values, and the penilai block. */
export const SIASN_COMPARED_FIELDS: Record<SiasnKind, { values: string[]; penilai: string[] }> = {
  SKP22: {
    values: ['hasilKinerjaNilai', 'perilakuKerjaNilai', 'kuadranKinerjaNilai'],
    penilai: ['penilaiNama', 'penilaiNipNrp', 'penilaiGolongan', 'penilaiJabatan', 'penilaiUnorNama', 'statusPenilai'],
  },
  KINERJA_PERIODIK: {
    values: ['hasilKinerjaNilai', 'perilakuKerjaNilai', 'kuadranKinerjaNilai', 'koefisienId'],
    penilai: [
      'penilaiNama',
      'penilaiNipNrp',
      'penilaiGolongan',
      'penilaiJabatanNama',
      'penilaiUnorNama',
      'statusPenilai',
    ],
  },
  ANGKA_KREDIT: {
    values: ['rwJabatanId', 'nomorSk', 'tanggalSk', 'kreditBaruTotal', 'kreditUtamaBaru', 'kreditPenunjangBaru'],
    penilai: [],
  },
};

/** Fields that are numbers on either side (compared as decimals, so "18.750" equals 18.75). */
export const SIASN_NUMERIC_FIELDS = new Set([
  'hasilKinerjaNilai',
  'perilakuKerjaNilai',
  'kuadranKinerjaNilai',
  'kreditBaruTotal',
  'kreditUtamaBaru',
  'kreditPenunjangBaru',
]);

const KEPT: Record<SiasnKind, string[]> = {
  SKP22: ['tahun', 'pnsDinilaiOrang', ...SIASN_COMPARED_FIELDS.SKP22.values, ...SIASN_COMPARED_FIELDS.SKP22.penilai],
  KINERJA_PERIODIK: [
    'tahun',
    'tahunMulaiPenilaian',
    'bulanMulaiPenilaian',
    'tahunSelesaiPenilaian',
    'bulanSelesaiPenilaian',
    'periodikId',
    'pnsDinilaiId',
    ...SIASN_COMPARED_FIELDS.KINERJA_PERIODIK.values,
    ...SIASN_COMPARED_FIELDS.KINERJA_PERIODIK.penilai,
  ],
  ANGKA_KREDIT: [
    'pnsId',
    'tahunMulaiPenailan',
    'bulanMulaiPenailan',
    'tahunSelesaiPenailan',
    'bulanSelesaiPenailan',
    'isAngkaKreditPertama',
    'isIntegrasi',
    'isKonversi',
    ...SIASN_COMPARED_FIELDS.ANGKA_KREDIT.values,
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');
const ym = (y: number, m: number) => `${y}-${pad(m)}`;

function intOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return null;
}

/** SIASN sends flags as booleans, numbers or "0"/"1" strings on the read side (§8.4). */
function flagOf(v: unknown): '0' | '1' {
  return v === true || v === 1 || v === '1' || v === 'true' ? '1' : '0';
}

function valueOf(v: unknown): HoldingValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return JSON.stringify(v);
}

/** Match key of an engine row or a SIASN row: months as `YYYY-MM`; the SIASN person id plays no part. */
export function siasnMatchKey(
  kind: SiasnKind,
  nip: string,
  span: { from: string; to: string; periodikId?: string; jenis?: string },
): string {
  if (kind === 'SKP22') return `SKP22|${nip}|${span.from.slice(0, 4)}`;
  if (kind === 'KINERJA_PERIODIK') return `KINERJA_PERIODIK|${nip}|${span.from}|${span.to}|${span.periodikId ?? ''}`;
  return `ANGKA_KREDIT|${nip}|${span.from}|${span.to}|${span.jenis ?? ''}`;
}

/** The jenis of an angka kredit row from its three flags. */
export function siasnAkJenis(b: { isKonversi?: unknown; isIntegrasi?: unknown; isAngkaKreditPertama?: unknown }) {
  if (flagOf(b.isKonversi) === '1') return 'KONVERSI';
  if (flagOf(b.isIntegrasi) === '1') return 'INTEGRASI';
  if (flagOf(b.isAngkaKreditPertama) === '1') return 'PERTAMA';
  return 'LAINNYA';
}

/**
 * One row of `/pns/rw-skp22|rw-kinerjaperiodik|rw-angkakredit/{nip}` under the write-side names (§8.4),
 * with its match key; a row without an id or without its year/months cannot be matched and is reported.
 */
export function normaliseHolding(kind: SiasnKind, nip: string, raw: unknown): HoldingResult {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const siasnId = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : '';
  if (!siasnId) return { ok: false, siasnId: '', problem: 'baris SIASN tanpa id' };
  const renamed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    const to = SIASN_READ_KEYS[kind][k] ?? k;
    if (!(to in renamed) || k === to) renamed[to] = v;
  }
  const body: Record<string, HoldingValue> = {};
  for (const k of KEPT[kind]) body[k] = valueOf(renamed[k]);
  if (kind === 'ANGKA_KREDIT')
    for (const f of ['isAngkaKreditPertama', 'isIntegrasi', 'isKonversi']) body[f] = flagOf(renamed[f]);
  const bad = (what: string): HoldingResult => ({ ok: false, siasnId, problem: `baris SIASN ${siasnId}: ${what}` });
  if (kind === 'SKP22') {
    const tahun = intOf(renamed.tahun);
    if (tahun === null) return bad('tahun tidak terbaca');
    body.tahun = tahun;
    return {
      ok: true,
      holding: { siasnId, nip, body, matchKey: siasnMatchKey(kind, nip, { from: `${tahun}-01`, to: `${tahun}-12` }) },
    };
  }
  const [ty1, m1, ty2, m2] =
    kind === 'KINERJA_PERIODIK'
      ? ['tahunMulaiPenilaian', 'bulanMulaiPenilaian', 'tahunSelesaiPenilaian', 'bulanSelesaiPenilaian']
      : ['tahunMulaiPenailan', 'bulanMulaiPenailan', 'tahunSelesaiPenailan', 'bulanSelesaiPenailan'];
  const [a, b, c, d] = [ty1, m1, ty2, m2].map((k) => intOf(renamed[k]));
  if (a === null || b === null || c === null || d === null || b < 1 || b > 12 || d < 1 || d > 12)
    return bad('bulan/tahun penilaian tidak terbaca');
  const span = { from: ym(a, b), to: ym(c, d) };
  if (kind === 'KINERJA_PERIODIK') {
    const periodikId =
      renamed.periodikId === undefined || renamed.periodikId === null ? '' : scalarText(renamed.periodikId);
    return { ok: true, holding: { siasnId, nip, body, matchKey: siasnMatchKey(kind, nip, { ...span, periodikId }) } };
  }
  return {
    ok: true,
    holding: { siasnId, nip, body, matchKey: siasnMatchKey(kind, nip, { ...span, jenis: siasnAkJenis(body) }) },
  };
}

/** The months a match key covers (`YYYY-MM`), for filtering rows by year or period. */
export function siasnMatchKeySpan(matchKey: string): { from: string; to: string } {
  const parts = matchKey.split('|');
  if (parts[0] === 'SKP22') return { from: `${parts[2]}-01`, to: `${parts[2]}-12` };
  return { from: parts[2] ?? '', to: parts[3] ?? '' };
}
