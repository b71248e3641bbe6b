import {
  engineMatchKey,
  normaliseHolding,
  reconcileSiasn,
  sameSiasnValue,
  skp22Payload,
  type EngineRow,
  type NormalisedHolding,
} from '../../../src/rules';

const NIP = '199001012015031001';
const penilai = {
  name: 'Budi Santoso',
  nip: '197001012000031001',
  golongan: 'IV/a',
  jabatan: 'Kepala',
  unitName: 'Bidang',
  asn: true,
};
const body = skp22Payload({
  year: 2026,
  resultRating: 'SESUAI_EKSPEKTASI',
  behaviorRating: 'SESUAI_EKSPEKTASI',
  siasnPnsId: 'PNS-1',
  penilai,
}).body;

/** The rw-skp22 read view of a write body (spec 04 §8.4 names), as SIASN answers it. */
const readSkp22 = (id: string, b: Record<string, unknown>) => ({
  id,
  tahun: b.tahun,
  hasilKinerjaNilai: b.hasilKinerjaNilai,
  PerilakuKerjaNilai: b.perilakuKerjaNilai,
  KuadranKinerjaNilai: b.kuadranKinerjaNilai,
  namaPenilai: String(b.penilaiNama).toUpperCase(),
  nipNrpPenilai: b.penilaiNipNrp,
  penilaiGolonganId: b.penilaiGolongan,
  penilaiJabatanNm: b.penilaiJabatan,
  penilaiUnorNm: b.penilaiUnorNama,
  statusPenilai: b.statusPenilai,
  pnsDinilaiId: b.pnsDinilaiOrang,
});

function holding(kind: 'SKP22' | 'KINERJA_PERIODIK' | 'ANGKA_KREDIT', raw: unknown, nip = NIP): NormalisedHolding {
  const r = normaliseHolding(kind, nip, raw);
  if (!r.ok) throw new Error(r.problem);
  return r.holding;
}

const engineRow = (payload: Record<string, unknown> | null, nip = NIP, period = '2026'): EngineRow => ({
  nip,
  matchKey: engineMatchKey('SKP22', nip, { period }),
  naturalKey: payload ? 'SKP22:PNS-1:2026' : null,
  sourceRef: 'evaluation:e1',
  payload,
  problems: payload ? [] : [{ code: 'SIASN_ID_MISSING', message: 'ID PNS SIASN belum dipetakan' }],
});

describe('siasn read side (§8.4)', () => {
  it('renames the rw-skp22 read keys to the write keys', () => {
    const h = holding('SKP22', readSkp22('R1', body as unknown as Record<string, unknown>));
    expect(h.matchKey).toBe(`SKP22|${NIP}|2026`);
    expect(h.body).toMatchObject({
      tahun: 2026,
      kuadranKinerjaNilai: 2,
      perilakuKerjaNilai: 2,
      penilaiNama: 'BUDI SANTOSO',
      penilaiNipNrp: '197001012000031001',
      penilaiGolongan: '41',
      penilaiJabatan: 'Kepala',
      penilaiUnorNama: 'Bidang',
      pnsDinilaiOrang: 'PNS-1',
    });
  });

  it('renames koefisenId (sic) and kuadranNilai of rw-kinerjaperiodik and keys monthly rows by periodikId', () => {
    const h = holding('KINERJA_PERIODIK', {
      id: 'K1',
      tahunMulaiPenilaian: 2026,
      bulanMulaiPenilaian: 4,
      tahunSelesaiPenilaian: 2026,
      bulanSelesaiPenilaian: 6,
      periodikId: '2',
      koefisenId: '12',
      kuadranNilai: 3,
      namaPenilai: 'X',
      penilaiUnorNm: 'U',
    });
    expect(h.body).toMatchObject({ koefisienId: '12', kuadranKinerjaNilai: 3, penilaiNama: 'X', penilaiUnorNama: 'U' });
    expect(h.matchKey).toBe(engineMatchKey('KINERJA_PERIODIK', NIP, { period: '2026-Q2' }));
    expect(h.matchKey).not.toBe(engineMatchKey('KINERJA_PERIODIK', NIP, { period: '2026-04' }));
  });

  it('reads angka kredit flags given as booleans and numbers as decimals', () => {
    const h = holding('ANGKA_KREDIT', {
      id: 'A1',
      pns: 'PNS-1',
      rwJabatan: 'RW-1',
      bulanMulaiPenailan: 1,
      tahunMulaiPenailan: 2026,
      bulanSelesaiPenailan: 12,
      tahunSelesaiPenailan: 2026,
      kreditBaruTotal: 12.5,
      isKonversi: true,
      isIntegrasi: false,
      isAngkaKreditPertama: 0,
    });
    expect(h.body).toMatchObject({ pnsId: 'PNS-1', rwJabatanId: 'RW-1', isKonversi: '1', isIntegrasi: '0' });
    expect(h.matchKey).toBe(
      engineMatchKey('ANGKA_KREDIT', NIP, { fromMonth: '2026-01', toMonth: '2026-12', source: 'PREDIKAT' }),
    );
    expect(sameSiasnValue('kreditBaruTotal', '12.500', h.body.kreditBaruTotal)).toBe(true);
    expect(sameSiasnValue('kreditBaruTotal', '12.501', h.body.kreditBaruTotal)).toBe(false);
  });

  it('reports a row it cannot match instead of guessing', () => {
    expect(normaliseHolding('SKP22', NIP, { id: 'R9' })).toEqual({
      ok: false,
      siasnId: 'R9',
      problem: 'baris SIASN R9: tahun tidak terbaca',
    });
    expect(normaliseHolding('ANGKA_KREDIT', NIP, { tahunMulaiPenailan: 2026 })).toMatchObject({ ok: false });
  });
});

describe('siasn.reconciliation', () => {
  const raw = body as unknown as Record<string, unknown>;

  it('finds nothing when SIASN holds the same values (names upper-cased by SIASN)', () => {
    const r = reconcileSiasn('SKP22', [engineRow(raw)], [holding('SKP22', readSkp22('R1', raw))]);
    expect(r.findings).toEqual([]);
    expect(r.explanation.ruleId).toBe('siasn.reconciliation');
  });

  it('names the differing value fields and the penilai fields separately, engine vs SIASN', () => {
    const changed = { ...raw, kuadranKinerjaNilai: 3, penilaiNipNrp: '198001012005011002' };
    const r = reconcileSiasn('SKP22', [engineRow(raw)], [holding('SKP22', readSkp22('R1', changed))]);
    expect(r.findings.map((f) => [f.code, f.fields])).toEqual([
      ['VALUE_MISMATCH', [{ field: 'kuadranKinerjaNilai', engine: 2, siasn: 3 }]],
      ['PENILAI_MISMATCH', [{ field: 'penilaiNipNrp', engine: '197001012000031001', siasn: '198001012005011002' }]],
    ]);
    expect(r.findings[0]).toMatchObject({ siasnIds: ['R1'], sourceRef: 'evaluation:e1' });
  });

  it('reports rows on one side only, and duplicates in SIASN', () => {
    const other = '199202022016042002';
    const r = reconcileSiasn(
      'SKP22',
      [engineRow(raw), engineRow(null, other)],
      [
        holding('SKP22', readSkp22('R1', raw)),
        holding('SKP22', readSkp22('R2', raw)),
        holding('SKP22', readSkp22('R3', { ...raw, tahun: 2025 })),
      ],
    );
    expect(r.findings.map((f) => [f.code, f.nip, f.matchKey, f.siasnIds])).toEqual([
      ['MISSING_IN_ENGINE', NIP, `SKP22|${NIP}|2025`, ['R3']],
      ['DUPLICATE_IN_SIASN', NIP, `SKP22|${NIP}|2026`, ['R1', 'R2']],
      ['MISSING_IN_SIASN', other, `SKP22|${other}|2026`, []],
    ]);
    // A NOT_READY engine row missing in SIASN says why it cannot be sent yet.
    expect(r.findings[2].message).toContain('ID PNS SIASN belum dipetakan');
  });

  it('does not compare a NOT_READY engine row; it says so', () => {
    const r = reconcileSiasn('SKP22', [engineRow(null)], [holding('SKP22', readSkp22('R1', raw))]);
    expect(r.findings.map((f) => f.code)).toEqual(['ENGINE_NOT_READY']);
  });

  it('compares angka kredit amounts as decimals', () => {
    const ak = {
      pnsId: 'PNS-1',
      rwJabatanId: 'RW-1',
      nomorSk: '800/1/PAK/2026',
      tanggalSk: '15-01-2027',
      bulanMulaiPenailan: '1',
      tahunMulaiPenailan: '2026',
      bulanSelesaiPenailan: '12',
      tahunSelesaiPenailan: '2026',
      kreditUtamaBaru: '0',
      kreditPenunjangBaru: '0',
      kreditBaruTotal: '12.500',
      isAngkaKreditPertama: '0',
      isIntegrasi: '0',
      isKonversi: '1',
    };
    const read = (total: number) => ({
      id: 'A1',
      pns: 'PNS-1',
      rwJabatan: 'RW-1',
      nomorSk: ak.nomorSk,
      tanggalSk: ak.tanggalSk,
      bulanMulaiPenailan: 1,
      tahunMulaiPenailan: 2026,
      bulanSelesaiPenailan: 12,
      tahunSelesaiPenailan: 2026,
      kreditUtamaBaru: 0,
      kreditPenunjangBaru: 0,
      kreditBaruTotal: total,
      isAngkaKreditPertama: false,
      isIntegrasi: false,
      isKonversi: true,
    });
    const row: EngineRow = {
      nip: NIP,
      matchKey: engineMatchKey('ANGKA_KREDIT', NIP, { fromMonth: '2026-01', toMonth: '2026-12', source: 'PREDIKAT' }),
      naturalKey: 'ANGKA_KREDIT:PNS-1:2026-1:2026-12:KONVERSI',
      sourceRef: 'ak',
      payload: ak,
      problems: [],
    };
    expect(reconcileSiasn('ANGKA_KREDIT', [row], [holding('ANGKA_KREDIT', read(12.5))]).findings).toEqual([]);
    expect(
      reconcileSiasn('ANGKA_KREDIT', [row], [holding('ANGKA_KREDIT', read(6.25))]).findings.map((f) => f.fields),
    ).toEqual([[{ field: 'kreditBaruTotal', engine: '12.500', siasn: 6.25 }]]);
  });
});
