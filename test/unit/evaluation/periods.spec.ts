import { formatNip, tanggalIndonesia } from '../../../src/common/format-id';
import {
  fitsCadence,
  parsePeriodId,
  periodLabel,
  periodReferenceDate,
  periodsOfYear,
  ratableOn,
} from '../../../src/evaluation/periods';

describe('evaluation periods', () => {
  it('parses the contract period ids with their month range and dates', () => {
    expect(parsePeriodId('2026')).toMatchObject({
      kind: 'ANNUAL',
      fromMonth: '2026-01',
      toMonth: '2026-12',
      start: '2026-01-01',
      end: '2026-12-31',
    });
    expect(parsePeriodId('2026-Q1')).toMatchObject({
      kind: 'QUARTERLY',
      index: 1,
      fromMonth: '2026-01',
      toMonth: '2026-03',
      end: '2026-03-31',
    });
    expect(parsePeriodId('2026-Q4')).toMatchObject({ fromMonth: '2026-10', toMonth: '2026-12', end: '2026-12-31' });
    expect(parsePeriodId('2028-02')).toMatchObject({
      kind: 'MONTHLY',
      fromMonth: '2028-02',
      toMonth: '2028-02',
      end: '2028-02-29',
    });
    for (const bad of ['2026-Q5', '2026-13', '2026-1', '26', '1999', '2026-Q0', 'x'])
      expect(parsePeriodId(bad)).toBeNull();
  });

  it('lists a year per cadence (ANNUAL always) and checks fit', () => {
    expect(periodsOfYear(2026, 'QUARTERLY').map((p) => p.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026',
    ]);
    expect(periodsOfYear(2026, 'MONTHLY')).toHaveLength(13);
    expect(fitsCadence(parsePeriodId('2026-03')!, 'QUARTERLY')).toBe(false);
    expect(fitsCadence(parsePeriodId('2026')!, 'MONTHLY')).toBe(true);
  });

  it('keeps the reference date inside the period and labels periods as the forms do', () => {
    const q1 = parsePeriodId('2026-Q1')!;
    expect(periodReferenceDate(q1, '2026-04-06')).toBe('2026-03-31');
    expect(periodReferenceDate(q1, '2025-12-01')).toBe('2026-01-01');
    expect(periodReferenceDate(q1, '2026-02-10')).toBe('2026-02-10');
    expect(periodLabel(parsePeriodId('2026-Q4')!)).toBe('Triwulan IV-Akhir 2026');
    expect(periodLabel(parsePeriodId('2026-03')!)).toBe('Maret 2026');
  });

  it('formats NIPs with spaces and dates in Indonesian', () => {
    expect(formatNip('198703152010011002')).toBe('19870315 201001 1 002');
    expect(formatNip('12345')).toBe('12345');
    expect(tanggalIndonesia('2026-12-31')).toBe('31 Desember 2026');
    expect(tanggalIndonesia(new Date('2026-06-30T20:00:00Z'))).toBe('1 Juli 2026'); // Asia/Jakarta
  });

  it('a period is ratable once its last month has begun, earlier only when evaluation.rateBeforePeriodEnd allows it', () => {
    const annual = parsePeriodId('2026')!;
    expect(ratableOn(annual, '2026-12-06', false)).toBe(true);
    expect(ratableOn(annual, '2026-12-01', false)).toBe(true);
    expect(ratableOn(annual, '2026-11-30', false)).toBe(false);
    expect(ratableOn(annual, '2026-11-30', true)).toBe(true);
    expect(ratableOn(parsePeriodId('2026-Q2')!, '2026-06-01', false)).toBe(true);
    expect(ratableOn(parsePeriodId('2026-Q2')!, '2026-05-31', false)).toBe(false);
    expect(ratableOn(parsePeriodId('2026-03')!, '2026-03-01', false)).toBe(true);
    expect(ratableOn(parsePeriodId('2027')!, '2028-01-10', false)).toBe(true);
  });
});
