import {
  RATINGS,
  RuleInputError,
  angkaKreditKey,
  angkaKreditPayload,
  kinerjaPeriodikKey,
  kinerjaPeriodikPayload,
  siasnBackoffMinutes,
  siasnDefaults,
  siasnGolonganId,
  siasnKuadran,
  skp22Key,
  skp22Payload,
} from '../../../src/rules';

const penilai = {
  name: 'Budi',
  nip: '197001012000031001',
  golongan: 'IV/a',
  jabatan: 'Kepala',
  unitName: 'Bidang',
  asn: true,
};

describe('siasn.kuadran', () => {
  // The public client's rule the spec warns about (04 §8.3): max(hasil, perilaku), 1/1 → 1, 3/3 → 5.
  const clientMax = (h: number, p: number) => (h === 1 && p === 1 ? 1 : h === 3 && p === 3 ? 5 : Math.max(h, p));

  it('differs from max(hasil, perilaku) exactly where perilaku is Di Bawah and hasil is not', () => {
    const differing: string[] = [];
    for (const r of RATINGS)
      for (const b of RATINGS) {
        const k = siasnKuadran({ resultRating: r, behaviorRating: b });
        if (k.kuadranKinerjaNilai !== clientMax(k.hasilKinerjaNilai, k.perilakuKerjaNilai)) differing.push(`${r}/${b}`);
      }
    expect(differing).toEqual(['DI_ATAS_EKSPEKTASI/DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI/DI_BAWAH_EKSPEKTASI']);
  });

  it('explains the predikat it used and rejects an unknown rating', () => {
    const k = siasnKuadran({ resultRating: 'SESUAI_EKSPEKTASI', behaviorRating: 'DI_BAWAH_EKSPEKTASI' });
    expect(k.predicate).toBe('KURANG');
    expect(k.explanation.formula).toContain('kuadranKinerjaNilai 4');
    expect(() => siasnKuadran({ resultRating: 'BAIK' as never, behaviorRating: 'SESUAI_EKSPEKTASI' })).toThrow(
      RuleInputError,
    );
  });
});

describe('SIASN codes', () => {
  it('maps golongan to SIASN ids 11 … 45', () => {
    expect(['I/a', 'II/d', 'III/a', 'IV/e'].map((g) => siasnGolonganId(g as never))).toEqual(['11', '24', '31', '45']);
  });

  it('backs off 1, 5, 25, 120, 600 minutes, the last step repeating', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => siasnBackoffMinutes(a))).toEqual([1, 5, 25, 120, 600, 600, 600]);
    expect(siasnDefaults.retry.maxAttempts).toBe(8);
  });
});

describe('skp22 and kinerja periodik bodies', () => {
  const base = { resultRating: 'SESUAI_EKSPEKTASI', behaviorRating: 'SESUAI_EKSPEKTASI', siasnPnsId: 'P1' } as const;

  it('sends a non-ASN PPK as NON ASN without golongan; TNI/Polri keep the NRP as nip (04 §9.1)', () => {
    const { body } = skp22Payload({
      ...base,
      year: 2026,
      penilai: { name: 'Kolonel X', nip: '11223344', jabatan: 'Danrem', unitName: 'Korem', asn: false },
    });
    expect(body).toMatchObject({ statusPenilai: 'NON ASN', penilaiGolongan: '', penilaiNipNrp: '11223344' });
    const noNip = skp22Payload({
      ...base,
      year: 2026,
      penilai: { name: 'Bupati', jabatan: 'Bupati', unitName: 'Pemkab', asn: false },
    });
    expect(noNip.body.penilaiNipNrp).toBe('');
  });

  it('uses SIASN write names and an empty path; id only when SIASN already has the row', () => {
    const { body } = skp22Payload({ ...base, year: 2026, penilai });
    expect(Object.keys(body).sort()).toEqual(
      [
        'tahun',
        'hasilKinerjaNilai',
        'perilakuKerjaNilai',
        'kuadranKinerjaNilai',
        'penilaiNama',
        'penilaiNipNrp',
        'penilaiGolongan',
        'penilaiJabatan',
        'penilaiUnorNama',
        'statusPenilai',
        'pnsDinilaiOrang',
        'path',
      ].sort(),
    );
    expect(skp22Payload({ ...base, year: 2026, penilai, siasnId: 'S-1' }).body.id).toBe('S-1');
    expect(skp22Key(body)).toBe('SKP22:P1:2026');
  });

  it('refuses an annual period for kinerja periodik', () => {
    expect(() => kinerjaPeriodikPayload({ ...base, period: '2026', jenjang: 'AHLI_MUDA', penilai })).toThrow(
      /month .* or quarter/,
    );
    const { body } = kinerjaPeriodikPayload({ ...base, period: '2026-Q4', jenjang: 'MAHIR', penilai });
    expect(kinerjaPeriodikKey(body)).toBe('KINERJA_PERIODIK:P1:2026-10:2026-12:2');
  });
});

describe('angka kredit body', () => {
  const entry = {
    source: 'PREDIKAT',
    fromMonth: '2026-01',
    toMonth: '2026-06',
    amount: '6.25',
    nomorSk: '800/1',
    tanggalSk: '2026-07-01',
    siasnPnsId: 'P1',
    rwJabatanId: 'RJ',
  } as const;

  it('writes 3 decimals and the opening (AK_DASAR) as pertama', () => {
    expect(angkaKreditPayload(entry).body.kreditBaruTotal).toBe('6.250');
    const pertama = angkaKreditPayload({ ...entry, source: 'AK_DASAR' }).body;
    expect(pertama).toMatchObject({ isAngkaKreditPertama: '1', isKonversi: '0', isIntegrasi: '0' });
    expect(angkaKreditKey(pertama)).toBe('ANGKA_KREDIT:P1:2026-1:2026-6:PERTAMA');
  });

  it('mirrors the amount into kreditUtamaBaru only with ak.utamaMirror', () => {
    const cfg = { ...siasnDefaults, ak: { utamaMirror: true } };
    expect(angkaKreditPayload(entry, cfg).body.kreditUtamaBaru).toBe('6.250');
  });

  it('does not send PENDIDIKAN entries (04 §8.2, OPEN) and rejects reversed months', () => {
    expect(() => angkaKreditPayload({ ...entry, source: 'PENDIDIKAN' })).toThrow(/not sent to SIASN/);
    expect(() => angkaKreditPayload({ ...entry, fromMonth: '2026-07' })).toThrow(RuleInputError);
  });
});
