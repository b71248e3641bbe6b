import { RuleInputError, attendanceLadder, classifyNetralitas, decisionEffectiveDate } from '../../../src/rules';

describe('discipline: attendance ladder', () => {
  it('adds 450 late/early minutes as one day and explains it', () => {
    const r = attendanceLadder({ cumulativeDays: 10, lateEarlyMinutes: 900 });
    expect(r).toMatchObject({
      level: 'SEDANG',
      sanction: 'POTONG_TUKIN_25_6M',
      equivalentDays: 12,
      opensCase: true,
      salaryStopNextMonth: false,
    });
    expect(r.explanation.formula).toContain('10 hari + floor(900 menit / 450) = 12 hari');
    expect(r.explanation.status).toBe('INFERRED');
  });
  it('gives PDHTAPS with salary stop for 10 consecutive days', () => {
    expect(attendanceLadder({ cumulativeDays: 12, consecutiveDays: 10 })).toMatchObject({
      level: 'BERAT',
      sanction: 'PDHTAPS',
      salaryStopNextMonth: true,
    });
  });
  it('rejects inconsistent input', () => {
    expect(() => attendanceLadder({ cumulativeDays: 3, consecutiveDays: 4 })).toThrow(RuleInputError);
    expect(() => attendanceLadder({ cumulativeDays: -1 })).toThrow(/cumulativeDays/);
  });
});

describe('netralitas', () => {
  it('returns track, level and candidate sanctions', () => {
    expect(classifyNetralitas({ act: 'N05', stage: 'CALON' })).toMatchObject({
      track: 'DISIPLIN',
      level: 'SEDANG',
      candidateSanctions: ['POTONG_TUKIN_25_6M', 'POTONG_TUKIN_25_9M', 'POTONG_TUKIN_25_12M'],
    });
    expect(classifyNetralitas({ act: 'N01', stage: 'BAKAL_CALON' }).candidateSanctions).toEqual([
      'MORAL_TERTUTUP',
      'MORAL_TERBUKA',
    ]);
    expect(classifyNetralitas({ act: 'N08', stage: 'BAKAL_CALON' })).toMatchObject({
      track: 'PTDH',
      candidateSanctions: ['PTDH'],
    });
  });
  it('uses the calon column for acts without a bakal-calon classification and flags unstated levels', () => {
    const r = classifyNetralitas({ act: 'N07', stage: 'BAKAL_CALON' });
    expect(r).toMatchObject({ track: 'DISIPLIN', level: 'SEDANG' });
    expect(r.explanation.formula).toContain('kolom calon berlaku');
    expect(classifyNetralitas({ act: 'N06', stage: 'CALON' })).toMatchObject({
      level: null,
      levelStated: false,
      manualReview: true,
    });
    expect(classifyNetralitas({ act: 'N99', stage: 'CALON' })).toMatchObject({ track: null, manualReview: true });
  });
  it('rejects unknown acts and stages', () => {
    expect(() => classifyNetralitas({ act: 'N12' as never, stage: 'CALON' })).toThrow(/act/);
    expect(() => classifyNetralitas({ act: 'N01', stage: 'PEMILU' as never })).toThrow(/stage/);
  });
});

describe('discipline: decision effective date', () => {
  it('is the 15th working day after delivery, skipping weekends', () => {
    // delivered Monday 2026-03-16
    expect(decisionEffectiveDate({ deliveredOn: '2026-03-16' }).effectiveFrom).toBe('2026-04-06');
  });
  it('skips holidays given as input and supports another N', () => {
    const r = decisionEffectiveDate({ deliveredOn: '2026-03-16', holidays: ['2026-03-19', '2026-03-21'] });
    expect(r.effectiveFrom).toBe('2026-04-07');
    expect(r.explanation.formula).toContain('2026-03-19');
    expect(decisionEffectiveDate({ deliveredOn: '2026-03-20', workingDays: 1 }).effectiveFrom).toBe('2026-03-23');
    expect(
      decisionEffectiveDate({ deliveredOn: '2026-03-16' }, { effectiveDate: { workingDaysAfterDelivery: 5 } })
        .effectiveFrom,
    ).toBe('2026-03-23');
  });
  it('rejects bad dates', () => {
    expect(() => decisionEffectiveDate({ deliveredOn: '16-03-2026' })).toThrow(/deliveredOn/);
    expect(() => decisionEffectiveDate({ deliveredOn: '2026-03-16', holidays: ['x'] })).toThrow(/holidays\[0\]/);
  });
});
