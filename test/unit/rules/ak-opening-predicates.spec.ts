import { RuleInputError, reconcileOpeningPredicates, type StoredAnnualPredicate } from '../../../src/rules';

describe('ak.opening predikat runs against the stored FINAL annual predikat (04 §4)', () => {
  const stored = new Map<number, StoredAnnualPredicate>([
    [2024, { predicate: 'SANGAT_BAIK', evaluationId: 'ev-2024' }],
    [2025, { predicate: 'BAIK', evaluationId: 'ev-2025' }],
  ]);
  const fieldOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (err) {
      if (err instanceof RuleInputError) return err.field;
      throw err;
    }
    return undefined;
  };

  it('reads a held year, checks a typed one against it, accepts typed values only for other years', () => {
    const r = reconcileOpeningPredicates(
      [
        { year: 2025, months: 12 },
        { year: 2024, months: 6, predicate: 'SANGAT_BAIK' },
        { year: 2023, months: 12, predicate: 'BUTUH_PERBAIKAN' },
      ],
      stored,
    );
    expect(r.runs).toEqual([
      { months: 12, predicate: 'BAIK', year: 2025, source: 'STORED' },
      { months: 6, predicate: 'SANGAT_BAIK', year: 2024, source: 'STORED' },
      { months: 12, predicate: 'BUTUH_PERBAIKAN', year: 2023, source: 'TYPED' },
    ]);
    expect(r.steps.map((s) => s.formula)).toEqual([
      expect.stringContaining('FINAL yang tersimpan (evaluasi ev-2025)'),
      expect.stringContaining('FINAL yang tersimpan (evaluasi ev-2024)'),
      expect.stringContaining('diketik petugas: mesin tidak menyimpan predikat FINAL tahun 2023'),
    ]);
  });

  it('refuses a typed value that contradicts the stored one, naming the field', () => {
    expect(fieldOf(() => reconcileOpeningPredicates([{ year: 2025, months: 12, predicate: 'KURANG' }], stored))).toBe(
      'predicates[0].predicate',
    );
  });

  it('requires the year once the engine holds any, and the predikat for a year it does not hold', () => {
    expect(fieldOf(() => reconcileOpeningPredicates([{ months: 12, predicate: 'BAIK' }], stored))).toBe(
      'predicates[0].year',
    );
    expect(fieldOf(() => reconcileOpeningPredicates([{ year: 2022, months: 12 }], stored))).toBe(
      'predicates[0].predicate',
    );
  });

  it('with nothing stored, runs without a year are typed values, said so', () => {
    const r = reconcileOpeningPredicates([{ months: 10, predicate: 'BAIK' }], new Map());
    expect(r.runs).toEqual([{ months: 10, predicate: 'BAIK', year: null, source: 'TYPED' }]);
    expect(r.steps[0].formula).toContain('diketik petugas');
    expect(reconcileOpeningPredicates(undefined, stored).runs).toEqual([]);
  });

  it('more than 12 months in one year is refused (02 PR-2)', () => {
    expect(
      fieldOf(() =>
        reconcileOpeningPredicates(
          [
            { year: 2023, months: 8, predicate: 'BAIK' },
            { year: 2023, months: 6, predicate: 'BAIK' },
          ],
          stored,
        ),
      ),
    ).toBe('predicates[1].months');
  });
});
