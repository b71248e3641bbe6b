import {
  RuleInputError,
  computePredicate,
  suggestResultRating,
  unitHeadPredicate,
  unitHeadResultRating,
} from '../../../src/rules';

describe('predikat: matrix', () => {
  it('explains the lookup with ruleId, legal basis and substituted labels', () => {
    const r = computePredicate({ resultRating: 'DI_ATAS_EKSPEKTASI', behaviorRating: 'DI_BAWAH_EKSPEKTASI' });
    expect(r.predicate).toBe('KURANG');
    expect(r.explanation.ruleId).toBe('predikat.matrix@PREDIKAT_MATRIX_6_2022');
    expect(r.explanation.legalBasis).toContain('PermenPANRB 6/2022');
    expect(r.explanation.formula).toBe(
      'kuadran(hasil = Di Atas Ekspektasi, perilaku = Di Bawah Ekspektasi) = Kurang/Misconduct',
    );
    expect(r.explanation.inputs).toEqual({ resultRating: 'DI_ATAS_EKSPEKTASI', behaviorRating: 'DI_BAWAH_EKSPEKTASI' });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('rejects unknown ratings with a typed error naming the field', () => {
    expect(() => computePredicate({ resultRating: 'BAGUS' as never, behaviorRating: 'SESUAI_EKSPEKTASI' })).toThrow(
      RuleInputError,
    );
    expect(() => computePredicate({ resultRating: 'SESUAI_EKSPEKTASI', behaviorRating: undefined as never })).toThrow(
      /behaviorRating: must be one of/,
    );
  });
  it('refuses a date before the matrix version', () => {
    expect(() =>
      computePredicate({
        resultRating: 'SESUAI_EKSPEKTASI',
        behaviorRating: 'SESUAI_EKSPEKTASI',
        onDate: '2021-01-01',
      }),
    ).toThrow(/no rule-table version/);
  });
});

describe('predikat: unit head', () => {
  it('maps the org predicate and allows a configured mapping', () => {
    expect(unitHeadResultRating({ orgPredicate: 'BUTUH_PERBAIKAN' }).resultRating).toBe('DI_BAWAH_EKSPEKTASI');
    expect(
      unitHeadResultRating(
        { orgPredicate: 'BUTUH_PERBAIKAN' },
        { unitHeadMapping: { BUTUH_PERBAIKAN: 'SESUAI_EKSPEKTASI' } },
      ).resultRating,
    ).toBe('SESUAI_EKSPEKTASI');
  });
  it('computes the head predicate and refuses a differing supplied rating hasil', () => {
    const r = unitHeadPredicate({ orgPredicate: 'ISTIMEWA', behaviorRating: 'SESUAI_EKSPEKTASI' });
    expect(r).toMatchObject({ predicate: 'BAIK', resultRating: 'DI_ATAS_EKSPEKTASI' });
    expect(r.explanation.steps).toHaveLength(2);
    expect(
      unitHeadPredicate({
        orgPredicate: 'ISTIMEWA',
        behaviorRating: 'SESUAI_EKSPEKTASI',
        resultRating: 'DI_ATAS_EKSPEKTASI',
      }).predicate,
    ).toBe('BAIK');
    expect(() =>
      unitHeadPredicate({
        orgPredicate: 'ISTIMEWA',
        behaviorRating: 'SESUAI_EKSPEKTASI',
        resultRating: 'SESUAI_EKSPEKTASI',
      }),
    ).toThrow(/resultRating/);
  });
});

describe('predikat: rating suggestion helper', () => {
  const item = (rating: string, kind = 'UTAMA') => ({ kind, rating }) as never;
  it('suggests DI_ATAS only for a majority above with no UTAMA below', () => {
    expect(
      suggestResultRating({
        items: [item('DI_ATAS_EKSPEKTASI'), item('DI_ATAS_EKSPEKTASI'), item('SESUAI_EKSPEKTASI')],
      }).suggestion,
    ).toBe('DI_ATAS_EKSPEKTASI');
    expect(
      suggestResultRating({
        items: [item('DI_ATAS_EKSPEKTASI'), item('DI_ATAS_EKSPEKTASI'), item('DI_BAWAH_EKSPEKTASI')],
      }).suggestion,
    ).toBe('SESUAI_EKSPEKTASI');
    expect(
      suggestResultRating({
        items: [item('DI_ATAS_EKSPEKTASI'), item('DI_ATAS_EKSPEKTASI'), item('DI_BAWAH_EKSPEKTASI', 'TAMBAHAN')],
      }).suggestion,
    ).toBe('DI_ATAS_EKSPEKTASI');
  });
  it('treats ties and empty input as SESUAI and a majority below as DI_BAWAH', () => {
    expect(suggestResultRating({ items: [item('DI_ATAS_EKSPEKTASI'), item('SESUAI_EKSPEKTASI')] }).suggestion).toBe(
      'SESUAI_EKSPEKTASI',
    );
    expect(suggestResultRating({ items: [] }).suggestion).toBe('SESUAI_EKSPEKTASI');
    const r = suggestResultRating({
      items: [item('DI_BAWAH_EKSPEKTASI'), item('DI_BAWAH_EKSPEKTASI'), item('SESUAI_EKSPEKTASI')],
    });
    expect(r.suggestion).toBe('DI_BAWAH_EKSPEKTASI');
    expect(r.counts).toEqual({ DI_ATAS_EKSPEKTASI: 0, SESUAI_EKSPEKTASI: 1, DI_BAWAH_EKSPEKTASI: 2 });
    expect(r.explanation.status).toBe('INFERRED');
  });
  it('rejects a bad item', () => {
    expect(() => suggestResultRating({ items: [item('X')] })).toThrow(/items\[0\]\.rating/);
  });
});
