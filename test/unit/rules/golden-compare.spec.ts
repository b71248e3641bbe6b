import { compareGolden } from './golden-compare';

describe('golden comparison rules (spec/golden/README.md)', () => {
  it('compares decimal strings numerically and other strings exactly', () => {
    expect(compareGolden({ a: '18.75' }, { a: '18.750' })).toEqual([]);
    expect(compareGolden({ a: '18.75' }, { a: '18.751' })).toHaveLength(1);
    expect(compareGolden({ a: '18.75' }, { a: 18.75 })).toHaveLength(1);
    expect(compareGolden({ p: 'BAIK' }, { p: 'SANGAT_BAIK' })).toHaveLength(1);
  });
  it('checks integers exactly, null only by null, and only expected keys', () => {
    expect(compareGolden({ n: 5, x: null }, { n: 5, x: null, extra: 1 })).toEqual([]);
    expect(compareGolden({ n: 5 }, { n: 6 })).toHaveLength(1);
    expect(compareGolden({ x: null }, { x: 0 })).toHaveLength(1);
    expect(compareGolden({ x: null }, {})).toHaveLength(1);
    expect(compareGolden({ ok: true }, { ok: false })).toHaveLength(1);
  });
  it('compares arrays of codes as sets and other arrays item by item', () => {
    expect(compareGolden({ v: ['B', 'A'] }, { v: ['A', 'B'] })).toEqual([]);
    expect(compareGolden({ v: ['A'] }, { v: ['A', 'B'] })).toHaveLength(1);
    expect(compareGolden({ v: [] }, { v: ['A'] })).toHaveLength(1);
    expect(compareGolden({ e: [{ m: 1 }, { m: 2 }] }, { e: [{ m: 2 }, { m: 1 }] })).toHaveLength(2);
    expect(compareGolden({ e: [{ m: 1 }] }, { e: [{ m: 1 }, { m: 2 }] })).toHaveLength(1);
  });
});
