import { R_TPP_DEMO, RuleInputError, computeAllowanceMonth, type AllowanceMonthInput } from '../../../src/rules';

const base: AllowanceMonthInput = {
  ruleSet: 'R-TPP-DEMO',
  month: '2026-03',
  basicAmount: 5_000_000,
  workingDays: 22,
  predicate: 'BAIK',
  attendance: { lateMinutes: [45, 45, 45], earlyLeaveMinutes: [], absentDays: 1, missedApel: 0 },
  sanctions: [{ type: 'POTONG_TUKIN_25_6M', effectiveFrom: '2026-01-20' }],
};

describe('allowance: monthly computation (03 §16)', () => {
  it('lists every deduction with code, amount and an Indonesian reason; payroll invariants hold', () => {
    const r = computeAllowanceMonth(base);
    expect(r.deductions.map((d) => [d.code, d.amount])).toEqual([
      ['TL', 60000],
      ['TK', 90909],
      ['HUKDIS', 1250000],
    ]);
    expect(r.deductions[0].reason).toBe('Terlambat masuk kerja 3 kali (45 menit, 45 menit, 45 menit)');
    expect(r.deductions[1].reason).toContain('tanpa keterangan 1 hari');
    expect(r.deductions[2].reason).toContain('POTONG_TUKIN_25_6M');
    expect(r.deductions[2].reason).toContain('2026-02 s.d. 2026-07');
    expect(r.netAmount).toBe(r.basicAmount - r.deductions.reduce((a, d) => a + d.amount, 0));
    expect(r.ruleSet).toBe('R-TPP-DEMO@1');
    expect(r.pph21BorneByEmployer).toBe(true);
    expect(r.info.map((i) => i.code)).toEqual(['BPJS_EMPLOYER_4', 'BPJS_EMPLOYEE_1']);
    expect(r.explanation.formula).toBe(
      'TPP dibayar = Rp5.000.000 − (TL Rp60.000 + TK Rp90.909 + HUKDIS Rp1.250.000) = Rp3.599.091',
    );
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('emits a PREDIKAT line for the predicate factor and a STATUS line for CPNS', () => {
    const r = computeAllowanceMonth({ ...base, predicate: 'BUTUH_PERBAIKAN', status: 'CPNS', sanctions: [] });
    const pred = r.deductions.find((d) => d.code === 'PREDIKAT')!;
    expect(pred.amount).toBe(600000);
    expect(pred.reason).toBe('Predikat kinerja Butuh Perbaikan: dibayar 80% dari bagian kinerja');
    const status = r.deductions.find((d) => d.code === 'STATUS')!;
    // (2,400,000 + 1,849,091) × 20 %
    expect(status.amount).toBe(849818);
    expect(r.subtotal).toBe(4249091 - 849818);
    expect(r.deductionsByCode).toEqual({ TL: 60000, TK: 90909 });
    expect(r.totalDeductions).toBe(600000 + 60000 + 90909 + 849818);
  });
  it('gives the same figures rounded once (FINAL) as per line for the worked example', () => {
    const perLine = computeAllowanceMonth(base);
    const final = computeAllowanceMonth({
      ...base,
      ruleSet: { base: 'R-TPP-DEMO', rounding: { mode: 'NEAREST', unit: 1, stage: 'FINAL' } },
    });
    expect(final.netAmount).toBe(perLine.netAmount);
    expect(final.deductionsByCode).toEqual(perLine.deductionsByCode);
  });
  it('prorates a sanction from its effective day when configured', () => {
    const r = computeAllowanceMonth({
      ...base,
      attendance: { lateMinutes: [], earlyLeaveMinutes: [], absentDays: 0, missedApel: 0 },
      sanctions: [{ type: 'POTONG_TUKIN_25_6M', effectiveFrom: '2026-03-17' }],
      ruleSet: { base: 'R-TPP-DEMO', sanctionStart: 'FROM_EFFECTIVE_DAY_PRORATA' },
    });
    // 15 of 31 days × 25 % × 5,000,000
    expect(r.deductionsByCode.HUKDIS).toBe(604839);
  });
  it('applies a LOCAL_TABLE hukdis and no cut in transitional mode', () => {
    const local = computeAllowanceMonth({
      ...base,
      sanctions: [{ type: 'TEGURAN_TERTULIS', effectiveFrom: '2026-02-10' }],
      ruleSet: {
        base: 'R-TPP-DEMO',
        hukdisMode: 'LOCAL_TABLE',
        hukdisTable: [{ level: 'RINGAN', pct: '0.2', months: 2 }],
      },
    });
    expect(local.deductionsByCode.HUKDIS).toBe(1_000_000);
    const none = computeAllowanceMonth({ ...base, ruleSet: { base: 'R-TPP-DEMO', hukdisMode: 'NONE_TRANSITIONAL' } });
    expect(none.deductionsByCode.HUKDIS).toBeUndefined();
    expect(none.warnings[0]).toMatchObject({ code: 'HUKDIS_NOT_APPLIED' });
    expect(none.warnings[0].message).toContain('NONE_TRANSITIONAL');
  });
  it('caps attendance deductions at the discipline part and says so', () => {
    const r = computeAllowanceMonth({
      ...base,
      sanctions: [],
      attendance: { lateMinutes: [], earlyLeaveMinutes: [], absentDays: 22, missedApel: 1 },
    });
    expect(r.disciplinePaid).toBe(0);
    expect(r.deductionsByCode).toEqual({ APEL: 40000, TK: 1960000 });
    expect(r.deductions.find((d) => d.code === 'TK')!.reason).toContain('dibatasi');
  });
  it('uses the kelas jabatan table and the no-check-in band', () => {
    const r = computeAllowanceMonth({
      ...base,
      basicAmount: undefined,
      kelasJabatan: 1,
      sanctions: [],
      attendance: { lateMinutes: [null], earlyLeaveMinutes: [], absentDays: 0, missedApel: 0 },
    });
    expect(r.basicAmount).toBe(R_TPP_DEMO.baseTable['1']);
    expect(r.deductionsByCode.TL).toBe(Math.round((894961 - 536977) * 0.015));
  });
  it('never rounds the performance part above B (fast-check seed -620135958: no negative TK line); the payable is a multiple of the unit', () => {
    // kin 100 %, B not a multiple of the Rp100 unit: round(6,112,550) = 6,112,600 > B would leave a
    // discipline part of −50 and a TK line of −100. The payable is floored to the unit (PEMBULATAN 50).
    const r = computeAllowanceMonth({
      ruleSet: {
        base: 'R-TPP-DEMO',
        tkMode: 'PCT_PER_DAY',
        tkPct: '0.1',
        rounding: { mode: 'NEAREST', unit: 100, stage: 'PER_LINE' },
        split: { kin: '1', dis: '0' },
      } as never,
      month: '2025-09',
      basicAmount: 6_112_550,
      workingDays: 18,
      status: 'PNS',
      predicate: 'SANGAT_BAIK',
      attendance: { lateMinutes: [], earlyLeaveMinutes: [], absentDays: 10, missedApel: 0 },
      sanctions: [],
    });
    expect(r.performancePart).toBe(6_112_550);
    expect(r.disciplinePart).toBe(0);
    expect(r.deductions.map((d) => [d.code, d.amount])).toEqual([['PEMBULATAN', 50]]);
    expect(r.netAmount).toBe(6_112_500);
    expect(r.performancePaid).toBe(6_112_550);
    expect(r.disciplinePaid).toBe(0);
    expect(r.explanation.steps!.find((s) => s.label === 'bagian kinerja / disiplin')!.formula).toContain(
      'dibatasi besaran TPP',
    );
  });
  it('rejects bad input and unknown or inapplicable rule sets', () => {
    expect(() => computeAllowanceMonth({ ...base, ruleSet: 'R-NOPE' })).toThrow(/unknown rule set/);
    expect(() => computeAllowanceMonth({ ...base, month: '2022-05' })).toThrow(/no applicable rule set version/);
    expect(() =>
      computeAllowanceMonth({ ...base, ruleSet: { base: 'R-TPP-DEMO', split: { kin: '0.6', dis: '0.5' } } }),
    ).toThrow(/kin \+ dis must be 1/);
    expect(() => computeAllowanceMonth({ ...base, basicAmount: 100.5 })).toThrow(RuleInputError);
    expect(() => computeAllowanceMonth({ ...base, basicAmount: undefined })).toThrow(/basicAmount or kelasJabatan/);
    expect(() => computeAllowanceMonth({ ...base, predicate: 'CUKUP' as never })).toThrow(/predicate/);
    expect(() =>
      computeAllowanceMonth({ ...base, sanctions: [{ type: 'DENDA', effectiveFrom: '2026-01-01' }] }),
    ).toThrow(/sanctions\[0\]\.type/);
    expect(() => computeAllowanceMonth({ ...base, attendance: { ...base.attendance!, absentDays: 23 } })).toThrow(
      /absentDays/,
    );
  });
});
