import {
  RuleInputError,
  akDasar,
  checkEligibility,
  computeLedger,
  convertPredicate,
  educationBonus,
  integrasi,
} from '../../../src/rules';

describe('ak: conversion', () => {
  it('explains the formula with numbers substituted and keeps the exact value', () => {
    const r = convertPredicate({ jenjang: 'AHLI_PERTAMA', predicate: 'BAIK', months: 2 });
    expect(r.amount).toBe('2.083');
    expect(r.exact.startsWith('2.08333')).toBe(true);
    expect(r.explanation.formula).toBe('2/12 × 100% × 12.5 = 2.083333 → 2.083 (half-up, 3 dp)');
    expect(r.explanation.status).toBe('CONFIRMED');
    expect(convertPredicate({ jenjang: 'PEMULA', predicate: 'BAIK', months: 1 }).explanation.status).toBe('INFERRED');
  });
  it('accepts aliases, trimmed and case-insensitive', () => {
    expect(convertPredicate({ jenjang: 'AHLI_PERTAMA', predicate: '  cukup ', months: 12 }).predicate).toBe(
      'BUTUH_PERBAIKAN',
    );
    expect(convertPredicate({ jenjang: 'AHLI_PERTAMA', predicate: 'Butuh Perbaikan/Cukup', months: 12 }).amount).toBe(
      '9.375',
    );
    expect(convertPredicate({ jenjang: 'AHLI_PERTAMA', predicate: 'sangat baik', months: 12 }).amount).toBe('18.750');
  });
  it('rejects bad months, jenjang and predicates', () => {
    expect(() => convertPredicate({ jenjang: 'AHLI_PERTAMA', predicate: 'BAIK', months: 13 })).toThrow(
      /months: must be ≤ 12/,
    );
    expect(() => convertPredicate({ jenjang: 'AHLI_PERTAMA', predicate: 'BAIK', months: 0 })).toThrow(RuleInputError);
    expect(() => convertPredicate({ jenjang: 'AHLI' as never, predicate: 'BAIK', months: 1 })).toThrow(/jenjang/);
    expect(() => convertPredicate({ jenjang: 'AHLI_PERTAMA', predicate: 'LUAR BIASA', months: 1 })).toThrow(
      /unknown predicate/,
    );
  });
  it('uses an overridden koefisien table from config', () => {
    const r = convertPredicate(
      { jenjang: 'AHLI_PERTAMA', predicate: 'BAIK', months: 12 },
      { rounding: { precision: 2 } },
    );
    expect(r.amount).toBe('12.50');
  });
});

describe('ak: ledger', () => {
  it('supersedes periodic predicates of a year by the annual one and lists them', () => {
    const r = computeLedger({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      predicates: [
        { period: '2024-Q1', predicate: 'BAIK' },
        { period: '2024', predicate: 'SANGAT_BAIK' },
      ],
    });
    expect(r.balance).toBe('18.750');
    expect(r.superseded).toEqual([{ period: '2024-Q1', predicate: 'BAIK', supersededBy: '2024' }]);
    expect(r.explanation.steps?.some((s) => s.label.includes('2024-Q1'))).toBe(true);
  });
  it('rejects double counting, pre-2023 months and unsupported jenjang changes', () => {
    expect(() =>
      computeLedger({
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/a',
        predicates: [
          { period: '2024', predicate: 'BAIK' },
          { period: '2024', predicate: 'BAIK' },
        ],
      }),
    ).toThrow(/second annual/);
    expect(() =>
      computeLedger({
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/a',
        predicates: [
          { period: '2024-Q1', predicate: 'BAIK' },
          { period: '2024-02', predicate: 'BAIK' },
        ],
      }),
    ).toThrow(/INV-1/);
    expect(() =>
      computeLedger({
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/a',
        predicates: [{ period: '2022-12', predicate: 'BAIK' }],
      }),
    ).toThrow(/PR-7/);
    expect(() =>
      computeLedger({
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/a',
        predicates: [],
        changes: [{ tmt: '2025-01-01', jenjang: 'AHLI_MADYA', golongan: 'IV/a' }],
      }),
    ).toThrow(RuleInputError);
    // A golongan above the range is a perpindahan (ak-above-range.spec.ts); one with no higher jenjang is refused.
    expect(() => computeLedger({ jenjang: 'PENYELIA', golongan: 'IV/a', predicates: [] })).toThrow(/golongan/);
    expect(() =>
      computeLedger({
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/a',
        predicates: [{ period: '2024-Q5', predicate: 'BAIK' }],
      }),
    ).toThrow(/predicates\[0\]\.period/);
  });
  it('keeps a KP (same jenjang) in the ledger and splits runs at a year boundary', () => {
    const r = computeLedger({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      predicates: [
        { period: '2024-Q4', predicate: 'BAIK' },
        { period: '2025-Q1', predicate: 'BAIK' },
      ],
      changes: [{ tmt: '2024-12-01', jenjang: 'AHLI_PERTAMA', golongan: 'III/b' }],
    });
    expect(r.golongan).toBe('III/b');
    expect(r.closed).toEqual([]);
    expect(r.entries.map((e) => [e.fromMonth, e.toMonth, e.amount])).toEqual([
      ['2024-10', '2024-12', '3.125'],
      ['2025-01', '2025-03', '3.125'],
    ]);
    expect(r.next).toEqual({ kind: 'KENAIKAN_JENJANG', to: 'AHLI_MUDA', threshold: '100.000', shortfall: '93.750' });
  });
  it('counts a TMT not on the 1st from the next month (jenjang held on day 1)', () => {
    const r = computeLedger({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/b',
      opening: { kind: 'LAMA', amount: '100' },
      predicates: [{ period: '2025', predicate: 'BAIK' }],
      changes: [{ tmt: '2025-10-15', jenjang: 'AHLI_MUDA', golongan: 'III/c' }],
    });
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]).toMatchObject({ fromMonth: '2025-11', toMonth: '2025-12', months: 2, amount: '4.167' });
    expect(r.closed[0]).toMatchObject({
      jenjang: 'AHLI_PERTAMA',
      balance: '110.417',
      forfeited: '10.417',
      closedTmt: '2025-10-15',
    });
  });
  it('credits education once per degree in the ledger open on the award date', () => {
    const r = computeLedger({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/b',
      opening: { kind: 'LAMA', amount: '100' },
      predicates: [],
      changes: [{ tmt: '2025-01-01', jenjang: 'AHLI_MUDA', golongan: 'III/c' }],
      education: [
        { degree: 'S2', awardedOn: '2024-06-01' },
        { degree: 's2', awardedOn: '2025-06-01' },
        { degree: 'S3', awardedOn: '2025-07-01' },
      ],
    });
    expect(r.closed[0].balance).toBe('112.500');
    expect(r.allEntries.map((e) => [e.source, e.amount])).toEqual([
      ['AK_DASAR', '0.000'],
      ['PENDIDIKAN', '25.000'],
    ]);
    expect(r.balance).toBe('25.000');
    expect(r.ignoredEducation).toEqual(['S2']);
  });
});

describe('ak: AK Dasar, integrasi, education', () => {
  it('AK Dasar by formula and by configured override', () => {
    expect(akDasar({ jenjang: 'AHLI_MUDA', golongan: 'III/d' }).explanation.status).toBe('CONFIRMED');
    expect(akDasar({ jenjang: 'TERAMPIL', golongan: 'II/c' }).amount).toBe('20.000');
    expect(
      akDasar({ jenjang: 'TERAMPIL', golongan: 'II/c' }, { akDasar: { overrides: { 'TERAMPIL:II/c': '25' } } }).amount,
    ).toBe('25.000');
    expect(() => akDasar({ jenjang: 'TERAMPIL', golongan: 'III/a' })).toThrow(RuleInputError);
  });
  it('integrasi: clamp and flag below Nilai Dasar, case C by golongan, PEMULA needs config', () => {
    expect(integrasi({ jenjang: 'AHLI_PERTAMA', golongan: 'III/a', conventionalTotal: '92' })).toMatchObject({
      amount: '0.000',
      manualReview: true,
    });
    expect(integrasi({ jenjang: 'AHLI_MUDA', golongan: 'III/b', conventionalTotal: '180' })).toMatchObject({
      amount: '30.000',
      nilaiDasar: '150.000',
    });
    expect(() => integrasi({ jenjang: 'PEMULA', golongan: 'II/a', conventionalTotal: '30' })).toThrow(/Nilai Dasar/);
    expect(
      integrasi(
        { jenjang: 'PEMULA', golongan: 'II/a', conventionalTotal: '30' },
        { integrasi: { nilaiDasar: { PEMULA: '25' } } },
      ).amount,
    ).toBe('5.000');
    expect(integrasi({ jenjang: 'AHLI_MADYA', golongan: 'IV/a', conventionalTotal: '600' }).warnings).toHaveLength(1);
    expect(() => integrasi({ jenjang: 'AHLI_MADYA', golongan: 'IV/a', conventionalTotal: '-1' })).toThrow(/negative/);
  });
  it('education bonus = 25 % of AKK pangkat', () => {
    const r = educationBonus({ jenjang: 'AHLI_MADYA' });
    expect(r.amount).toBe('37.500');
    expect(r.explanation.formula).toBe('25% × AKK pangkat 150 = 37.500');
  });
});

describe('ak: eligibility', () => {
  it('flags the vacancy-less KP and explains every unmet condition', () => {
    const r = checkEligibility({
      kind: 'KENAIKAN_PANGKAT',
      jenjang: 'AHLI_MADYA',
      golongan: 'IV/c',
      balance: '440',
      monthsInPangkat: 10,
      recentAnnualPredicates: ['BAIK'],
    });
    expect(r).toMatchObject({
      to: 'IV/d',
      threshold: '450.000',
      shortfall: '10.000',
      noVacancyKp: true,
      eligible: false,
    });
    expect(r.unmet).toEqual(['AK_SHORTFALL', 'MIN_MONTHS_IN_PANGKAT', 'PREDIKAT_BELOW_BAIK']);
    expect(r.reasons).toHaveLength(3);
    expect(r.explanation.formula).toContain('belum terpenuhi');
  });
  it('requires all KJ conditions, and treats missing months as unmet', () => {
    const r = checkEligibility({
      kind: 'KENAIKAN_JENJANG',
      jenjang: 'MAHIR',
      golongan: 'III/b',
      balance: '99.999',
      recentAnnualPredicates: ['SANGAT_BAIK'],
    });
    expect(r.unmet.sort()).toEqual(['AK_SHORTFALL', 'MIN_MONTHS_IN_JENJANG', 'NO_VACANCY', 'UKOM_NOT_PASSED'].sort());
    expect(r.to).toBe('PENYELIA');
  });
  it('rejects bad input', () => {
    expect(() =>
      checkEligibility({
        kind: 'PROMOSI' as never,
        jenjang: 'MAHIR',
        golongan: 'III/b',
        balance: '1',
        recentAnnualPredicates: [],
      }),
    ).toThrow(/kind/);
    expect(() =>
      checkEligibility({
        kind: 'KENAIKAN_PANGKAT',
        jenjang: 'MAHIR',
        golongan: 'III/b',
        balance: 'abc',
        recentAnnualPredicates: [],
      }),
    ).toThrow(/balance/);
  });
});
