import { RuleInputError, mergeConfig, selectVersion, type RuleTable } from '../../../src/rules';
import {
  addDays,
  addMonthsToDate,
  formatMonth,
  isoWeekday,
  monthEnd,
  monthEndOf,
  parseDate,
  parseMonth,
} from '../../../src/rules/common/dates';
import { roundHalfUp, toDec } from '../../../src/rules/common/decimal';

describe('common: dates', () => {
  it('computes ISO weekdays and day arithmetic without Date', () => {
    expect(isoWeekday(parseDate('2026-03-16', 'd'))).toBe(1); // Monday
    expect(isoWeekday(parseDate('2024-02-29', 'd'))).toBe(4); // Thursday
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addMonthsToDate('2024-01-31', 1)).toBe('2024-02-29');
    expect(formatMonth(parseMonth('2025-12', 'm') + 1)).toBe('2026-01');
  });
  it('gives the last day of a month (leap years, 30- and 31-day months)', () => {
    expect(['2024-02', '2025-02', '2100-02', '2000-02', '2026-04', '2026-12'].map(monthEnd)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2100-02-28',
      '2000-02-29',
      '2026-04-30',
      '2026-12-31',
    ]);
    expect(monthEndOf(2026, 6)).toBe('2026-06-30');
  });
  it('rejects invalid dates with a typed error naming the field', () => {
    expect(() => parseDate('2025-02-30', 'tmt')).toThrow(RuleInputError);
    expect(() => parseDate('2025-2-3', 'tmt')).toThrow(/tmt: must be a date YYYY-MM-DD/);
    expect(() => parseMonth('2025-13', 'month')).toThrow(/month/);
  });
});

describe('common: decimals', () => {
  it('rounds half-up at the requested precision', () => {
    expect(roundHalfUp(toDec('2.0835', 'x'), 3)).toBe('2.084');
    expect(roundHalfUp(toDec('3.125', 'x'), 2)).toBe('3.13');
    expect(roundHalfUp(toDec('0.3125', 'x'), 3)).toBe('0.313');
  });
  it('refuses non-decimal input', () => {
    expect(() => toDec('12,5', 'amount')).toThrow(RuleInputError);
    expect(() => toDec(Number.NaN, 'amount')).toThrow(/finite/);
    expect(() => toDec(undefined, 'amount')).toThrow(/amount: must be a decimal/);
  });
});

describe('common: versioned tables', () => {
  const table: RuleTable<number> = [
    { id: 'V1', effectiveFrom: '2023-01-01', effectiveTo: '2025-01-01', legalBasis: 'x', status: 'CONFIRMED', data: 1 },
    { id: 'V2', effectiveFrom: '2025-01-01', effectiveTo: null, legalBasis: 'y', status: 'INFERRED', data: 2 },
  ];
  it('selects the version in force on a date (effectiveTo exclusive), latest without date', () => {
    expect(selectVersion(table, '2024-12-31').id).toBe('V1');
    expect(selectVersion(table, '2025-01-01').id).toBe('V2');
    expect(selectVersion(table).id).toBe('V2');
  });
  it('throws when no version applies', () => {
    expect(() => selectVersion(table, '2022-06-01')).toThrow(RuleInputError);
  });
  it('throws on overlapping versions', () => {
    const overlapping: RuleTable<number> = [...table, { ...table[1], id: 'V3', effectiveFrom: '2024-06-01' }];
    expect(() => selectVersion(overlapping, '2025-03-01')).toThrow(/overlapping/);
  });
});

describe('common: config merge', () => {
  it('merges objects key by key and replaces arrays and scalars', () => {
    const d = { a: { b: 1, c: 2 }, list: [1, 2], s: 'x' };
    expect(mergeConfig(d, { a: { b: 5 }, list: [9] })).toEqual({ a: { b: 5, c: 2 }, list: [9], s: 'x' });
    expect(d.a.b).toBe(1);
  });
});
