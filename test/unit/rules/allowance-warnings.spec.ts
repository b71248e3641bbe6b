import {
  computeAllowanceMonth,
  predicatePeriod,
  validateRuleSet,
  R_TPP_DEMO,
  RuleInputError,
  type AllowanceMonthInput,
  type AllowanceRuleSet,
} from '../../../src/rules';

const present = { lateMinutes: [], earlyLeaveMinutes: [], absentDays: 0, missedApel: 0 };
const base: AllowanceMonthInput = {
  ruleSet: 'R-TPP-DEMO',
  month: '2026-11',
  basicAmount: 5_000_000,
  workingDays: 21,
  predicate: 'BAIK',
  attendance: present,
};
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe('allowance: no silent money (warnings on every line)', () => {
  it('a month whose predikat and attendance exist carries no warning (R-TPP-DEMO, PNS and PPPK)', () => {
    expect(computeAllowanceMonth(base).warnings).toEqual([]);
    expect(computeAllowanceMonth({ ...base, status: 'PPPK' }).warnings).toEqual([]);
  });

  it('HOLD (default): a missing predikat holds the performance part back on a pending line, it is not cut', () => {
    const r = computeAllowanceMonth({ ...base, predicate: null, predicatePeriod: '2026-Q4' });
    expect(r.deductions.map((d) => [d.code, d.amount])).toEqual([['PREDIKAT_HELD', 3_000_000]]);
    expect(r.deductions[0].reason).toContain('periode 2026-Q4');
    expect(r.deductions[0].reason).toContain('bukan potongan');
    expect(r).toMatchObject({
      heldAmount: 3_000_000,
      pending: true,
      netAmount: 2_000_000,
      performancePaid: 0,
      disciplinePaid: 2_000_000,
    });
    expect(codes(r)).toEqual(['PREDIKAT_MISSING']);
    expect(r.warnings[0].message).toContain('ditahan');
    // Absent predicate = missing too (never the NONE factor by default).
    expect(computeAllowanceMonth({ ...base, predicate: undefined }).heldAmount).toBe(3_000_000);
  });

  it('NONE_FACTOR applies the NONE factor with the warning; an explicit NONE (no SKP) applies it without', () => {
    const r = computeAllowanceMonth({
      ...base,
      predicate: null,
      ruleSet: { base: 'R-TPP-DEMO', predikatMissing: 'NONE_FACTOR' },
    });
    expect(r.deductions.map((d) => [d.code, d.amount])).toEqual([['PREDIKAT', 3_000_000]]);
    expect(r.pending).toBe(false);
    expect(codes(r)).toEqual(['PREDIKAT_MISSING']);
    const none = computeAllowanceMonth({ ...base, predicate: 'NONE' });
    expect(none.deductionsByCode).toEqual({});
    expect(none.deductions.map((d) => [d.code, d.amount])).toEqual([['PREDIKAT', 3_000_000]]);
    expect(none.warnings).toEqual([]);
  });

  it('LAST_KNOWN uses the latest FINAL predikat, and holds when there has never been one', () => {
    const rs = { base: 'R-TPP-DEMO', predikatMissing: 'LAST_KNOWN' as const };
    const r = computeAllowanceMonth({
      ...base,
      ruleSet: rs,
      predicate: null,
      predicatePeriod: '2026-Q4',
      lastKnownPredicate: { period: '2026-Q3', predicate: 'BUTUH_PERBAIKAN' },
    });
    expect(r.deductions.map((d) => [d.code, d.amount])).toEqual([['PREDIKAT', 600_000]]);
    expect(r.deductions[0].reason).toContain('2026-Q3');
    expect(codes(r)).toEqual(['PREDIKAT_MISSING']);
    const never = computeAllowanceMonth({ ...base, ruleSet: rs, predicate: null, lastKnownPredicate: null });
    expect(never).toMatchObject({ heldAmount: 3_000_000, pending: true });
  });

  it('no attendance record: no attendance deduction, ATTENDANCE_MISSING', () => {
    const r = computeAllowanceMonth({ ...base, attendance: null });
    expect(r.netAmount).toBe(5_000_000);
    expect(codes(r)).toEqual(['ATTENDANCE_MISSING']);
    expect(r.warnings[0].message).toContain('2026-11');
  });

  it('a status without a statusRules row is reported (STATUS_UNKNOWN), not a silent 100 % (review #9)', () => {
    const rs = { base: 'R-TPP-DEMO', statusRules: { CPNS: '0.80', CLTN: '0' } };
    const r = computeAllowanceMonth({ ...base, ruleSet: rs, status: 'PNS' });
    expect(codes(r)).toEqual(['STATUS_UNKNOWN']);
    expect(r.warnings[0].message).toContain('PNS');
    expect(codes(computeAllowanceMonth({ ...base, status: 'DPK' }))).toEqual(['STATUS_UNKNOWN']);
    expect(codes(computeAllowanceMonth({ ...base, ruleSet: rs, status: 'CPNS' }))).toEqual([]);
    expect(() => computeAllowanceMonth({ ...base, status: 'pns; drop' })).toThrow(RuleInputError);
  });

  it('reads the rule set’s minutesPerTmkDay for the month’s TMK-equivalent days (review #9)', () => {
    const attendance = { lateMinutes: [200, 200], earlyLeaveMinutes: [100], absentDays: 1, missedApel: 0 };
    expect(computeAllowanceMonth({ ...base, attendance }).tmkEquivalentDays).toBe(2); // 1 + floor(500 / 450)
    expect(
      computeAllowanceMonth({ ...base, attendance, ruleSet: { base: 'R-TPP-DEMO', minutesPerTmkDay: 240 } })
        .tmkEquivalentDays,
    ).toBe(3); // 1 + floor(500 / 240)
  });
});

describe('allowance: rule defects of the review', () => {
  it('#6 LOCAL_TABLE keyed by sanction type: Permentan 68/2012 ringan 20 %/1, 30 %/2, 40 %/3 months', () => {
    const permentan = {
      base: 'R-TPP-DEMO',
      hukdisMode: 'LOCAL_TABLE' as const,
      hukdisTable: [
        { sanction: 'TEGURAN_LISAN', pct: '0.20', months: 1 },
        { sanction: 'TEGURAN_TERTULIS', pct: '0.30', months: 2 },
        { sanction: 'PERNYATAAN_TIDAK_PUAS', pct: '0.40', months: 3 },
        { level: 'SEDANG', pct: '0.50', months: 8 },
      ],
    } as Partial<AllowanceRuleSet> & { base: string };
    const cut = (type: string, month: string) =>
      computeAllowanceMonth({ ...base, month, ruleSet: permentan, sanctions: [{ type, effectiveFrom: '2026-02-10' }] })
        .deductionsByCode.HUKDIS;
    expect(cut('TEGURAN_LISAN', '2026-03')).toBe(1_000_000);
    expect(cut('TEGURAN_LISAN', '2026-04')).toBeUndefined();
    expect(cut('TEGURAN_TERTULIS', '2026-04')).toBe(1_500_000);
    expect(cut('TEGURAN_TERTULIS', '2026-05')).toBeUndefined();
    expect(cut('PERNYATAAN_TIDAK_PUAS', '2026-05')).toBe(2_000_000);
    expect(cut('PERNYATAAN_TIDAK_PUAS', '2026-06')).toBeUndefined();
    // A level row covers the level's sanctions without their own row.
    expect(cut('POTONG_TUKIN_25_9M', '2026-10')).toBe(2_500_000);
  });

  it('#6 Kemenkeu guide: ringan 25 % for 2 / 3 / 6 months', () => {
    const kemenkeu = {
      base: 'R-TPP-DEMO',
      hukdisMode: 'LOCAL_TABLE' as const,
      hukdisTable: [
        { sanction: 'TEGURAN_LISAN', pct: '0.25', months: 2 },
        { sanction: 'TEGURAN_TERTULIS', pct: '0.25', months: 3 },
        { sanction: 'PERNYATAAN_TIDAK_PUAS', pct: '0.25', months: 6 },
      ],
    } as Partial<AllowanceRuleSet> & { base: string };
    const cut = (type: string, month: string) =>
      computeAllowanceMonth({ ...base, month, ruleSet: kemenkeu, sanctions: [{ type, effectiveFrom: '2026-02-10' }] })
        .deductionsByCode.HUKDIS;
    expect([cut('TEGURAN_LISAN', '2026-04'), cut('TEGURAN_LISAN', '2026-05')]).toEqual([1_250_000, undefined]);
    expect([cut('TEGURAN_TERTULIS', '2026-05'), cut('TEGURAN_TERTULIS', '2026-06')]).toEqual([1_250_000, undefined]);
    expect([cut('PERNYATAAN_TIDAK_PUAS', '2026-08'), cut('PERNYATAAN_TIDAK_PUAS', '2026-09')]).toEqual([
      1_250_000,
      undefined,
    ]);
  });

  it('#6 refuses a table with a duplicate key or a row with both keys', () => {
    const rs = (hukdisTable: unknown) =>
      ({ ...R_TPP_DEMO, hukdisMode: 'LOCAL_TABLE', hukdisTable }) as AllowanceRuleSet;
    expect(() =>
      validateRuleSet(
        rs([
          { sanction: 'TEGURAN_LISAN', pct: '0.2', months: 1 },
          { sanction: 'TEGURAN_LISAN', pct: '0.3', months: 2 },
        ]),
      ),
    ).toThrow(/duplicate row for TEGURAN_LISAN/);
    expect(() => validateRuleSet(rs([{ sanction: 'TEGURAN_LISAN', level: 'RINGAN', pct: '0.2', months: 1 }]))).toThrow(
      /exactly one of sanction/,
    );
    expect(() => validateRuleSet(rs([{ sanction: 'DENDA', pct: '0.2', months: 1 }]))).toThrow(RuleInputError);
  });

  it('#7 rounding { unit: 100, stage: PER_LINE } applies to the payable (kelas 9, one TL of 12 minutes: not 5,428,603)', () => {
    const input = { ...base, basicAmount: undefined, kelasJabatan: 9, attendance: { ...present, lateMinutes: [12] } };
    const perLine = computeAllowanceMonth({
      ...input,
      ruleSet: { base: 'R-TPP-DEMO', rounding: { mode: 'NEAREST', unit: 100, stage: 'PER_LINE' } },
    });
    expect(perLine.basicAmount).toBe(5_439_503);
    expect(perLine.deductions.map((d) => [d.code, d.amount])).toEqual([
      ['TL', 10_900],
      ['PEMBULATAN', 3],
    ]);
    expect(perLine.netAmount).toBe(5_428_600);
    const final = computeAllowanceMonth({
      ...input,
      ruleSet: { base: 'R-TPP-DEMO', rounding: { mode: 'NEAREST', unit: 100, stage: 'FINAL' } },
    });
    expect(final.netAmount).toBe(5_428_600);
    // Unit 1 is unchanged (00-api example).
    expect(computeAllowanceMonth(input).netAmount).toBe(5_428_624);
  });

  it('#8 a predikat factor above 1 is refused, naming the field', () => {
    const run = () =>
      computeAllowanceMonth({
        ...base,
        predicate: 'SANGAT_BAIK',
        ruleSet: { base: 'R-TPP-DEMO', predikatFactor: { ...R_TPP_DEMO.predikatFactor, SANGAT_BAIK: '1.10' } },
      });
    expect(run).toThrow(RuleInputError);
    try {
      run();
    } catch (e) {
      expect((e as RuleInputError).field).toBe('ruleSet.predikatFactor.SANGAT_BAIK');
    }
    expect(() => validateRuleSet({ ...R_TPP_DEMO, predikatMissing: 'ZERO' as never })).toThrow(/predikatMissing/);
  });
});

describe('allowance.predicatePeriod (04 §5.4)', () => {
  it.each([
    ['2026-11', 'QUARTERLY', 0, '2026-Q4', '2026-10', '2026-12'],
    ['2026-05', 'QUARTERLY', 1, '2026-Q1', '2026-01', '2026-03'],
    ['2026-01', 'QUARTERLY', 1, '2025-Q4', '2025-10', '2025-12'],
    ['2026-03', 'MONTHLY', 0, '2026-03', '2026-03', '2026-03'],
    ['2026-01', 'MONTHLY', 1, '2025-12', '2025-12', '2025-12'],
    ['2026-07', 'ANNUAL', 0, '2026', '2026-01', '2026-12'],
    ['2026-07', 'ANNUAL', 1, '2025', '2025-01', '2025-12'],
  ] as const)('%s %s lag %s → %s', (month, source, lag, period, fromMonth, toMonth) => {
    expect(predicatePeriod({ month, source, lag })).toMatchObject({ period, fromMonth, toMonth, kind: source });
  });
  it('rejects a bad source or lag', () => {
    expect(() => predicatePeriod({ month: '2026-01', source: 'WEEKLY' as never, lag: 0 })).toThrow(/source/);
    expect(() => predicatePeriod({ month: '2026-01', source: 'ANNUAL', lag: 2 as never })).toThrow(/lag/);
  });
});
