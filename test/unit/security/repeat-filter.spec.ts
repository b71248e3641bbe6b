import { RepeatFilter } from '../../../src/common/repeat-filter';

describe('RepeatFilter (an outage logs a few lines, not thousands)', () => {
  it('lets the first of a run through, holds identical repeats within the interval, then reports how many were held', () => {
    const f = new RepeatFilter(60_000);
    expect(f.pass('q', 'ECONNREFUSED', 0)).toBe(0);
    for (let i = 1; i <= 500; i++) expect(f.pass('q', 'ECONNREFUSED', i * 10)).toBeNull();
    expect(f.pass('q', 'ECONNREFUSED', 60_000)).toBe(500);
    expect(f.pass('q', 'ECONNREFUSED', 60_001)).toBeNull();
  });

  it('passes a different message or key at once, and again after reset', () => {
    const f = new RepeatFilter(60_000);
    expect(f.pass('a', 'x', 0)).toBe(0);
    expect(f.pass('a', 'y', 1)).toBe(0);
    expect(f.pass('b', 'y', 2)).toBe(0);
    expect(f.pass('b', 'y', 3)).toBeNull();
    f.reset('b');
    expect(f.pass('b', 'y', 4)).toBe(0);
  });
});
