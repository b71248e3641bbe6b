import { contentShapeProblems, ResultContent, submitProblems } from '../../../src/skp/skp-content.util';
import { CORE_VALUES, formTypeFor, skpReferenceDate } from '../../../src/skp/skp.enums';

const utama = (over: Partial<ResultContent> = {}): ResultContent => ({
  kind: 'UTAMA',
  parentResultId: null,
  indicators: [{ aspect: 'KUANTITAS', perspective: null, target: '100 %' }],
  ...over,
});
const all = [...CORE_VALUES];

describe('SKP content rules (spec 01 §3.4, §4)', () => {
  it('derives the form type from the position', () => {
    expect(formTypeFor('JPT_PRATAMA')).toBe('JPT');
    expect(formTypeFor('ADMINISTRATOR')).toBe('JA_JF');
    expect(formTypeFor('FUNGSIONAL')).toBe('JA_JF');
  });

  it('judges the organisation of an SKP year on today, kept inside that year', () => {
    expect(skpReferenceDate(2026, '2026-05-10')).toBe('2026-05-10');
    expect(skpReferenceDate(2027, '2026-12-20')).toBe('2027-01-01');
    expect(skpReferenceDate(2025, '2026-02-01')).toBe('2025-12-31');
  });

  it('accepts a complete KUANTITATIF JA/JF SKP', () => {
    expect(
      submitProblems({ formType: 'JA_JF', approach: 'KUANTITATIF', results: [utama()], coreValues: all }, false),
    ).toEqual([]);
  });

  it('lists every unmet submit guard', () => {
    const problems = submitProblems(
      {
        formType: 'JA_JF',
        approach: 'KUANTITATIF',
        results: [
          utama({ indicators: [] }),
          { kind: 'TAMBAHAN', parentResultId: null, indicators: [{ aspect: null, perspective: null, target: null }] },
        ],
        coreValues: all.slice(1),
      },
      true,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'results[0].indicators',
      'results[0].parentResultId',
      'results[1].indicators[0].target',
      'results[1].indicators[0].aspect',
      'behaviors',
    ]);
    expect(
      submitProblems({ formType: 'JPT', approach: 'KUANTITATIF', results: [], coreValues: all }, false).map(
        (p) => p.field,
      ),
    ).toEqual(['results']);
  });

  it('requires perspective on JPT and no parent for JPT or KUALITATIF narrative targets', () => {
    const jpt = submitProblems({ formType: 'JPT', approach: 'KUANTITATIF', results: [utama()], coreValues: all }, true);
    expect(jpt.map((p) => p.field)).toEqual(['results[0].indicators[0].perspective']);
    const narrative = submitProblems(
      {
        formType: 'JA_JF',
        approach: 'KUALITATIF',
        results: [utama({ indicators: [{ aspect: null, perspective: null, target: null }] })],
        coreValues: all,
      },
      false,
    );
    expect(narrative).toEqual([]);
  });

  it('refuses the wrong IKI dimension for the form and repeated core values or ids (shape → 400)', () => {
    const results = [
      {
        id: 'a',
        kind: 'UTAMA' as const,
        text: 'x',
        parentResultId: null,
        indicators: [
          { id: 'a', text: 'y', aspect: 'KUANTITAS' as const, perspective: 'ANGGARAN' as const, target: '1' },
        ],
      },
    ];
    expect(
      contentShapeProblems('JPT', results, [
        { coreValue: 'LOYAL', specialExpectation: null },
        { coreValue: 'LOYAL', specialExpectation: null },
      ]).map((p) => p.field),
    ).toEqual(['results[0].indicators[0].id', 'results[0].indicators[0].aspect', 'behaviors[1].coreValue']);
    expect(contentShapeProblems('JA_JF', results, []).map((p) => p.field)).toEqual([
      'results[0].indicators[0].id',
      'results[0].indicators[0].perspective',
    ]);
  });
});
