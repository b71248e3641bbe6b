import {
  akOpening,
  computeAllowanceMonth,
  kpNextPeriod,
  kpRegular,
  netralitasStage,
  pppkContractReview,
  recommendingBody,
  RuleInputError,
  type AllowanceMonthInput,
} from '../../../src/rules';

const present = { lateMinutes: [], earlyLeaveMinutes: [], absentDays: 0, missedApel: 0 };
const month: AllowanceMonthInput = {
  ruleSet: 'R-TPP-DEMO',
  month: '2026-03',
  workingDays: 22,
  predicate: 'BAIK',
  basicAmount: 4_400_000,
  attendance: present,
};

describe('kp.nextPeriod (04 §3.3)', () => {
  it('uses the regime in force on each date: 1 Apr/1 Oct before 2024, six dates in 2024, monthly from Oct 2025', () => {
    expect(kpNextPeriod({ eligibleOn: '2023-10-02' }).tmt).toBe('2024-02-01');
    expect(kpNextPeriod({ eligibleOn: '2024-06-02' }).tmt).toBe('2024-08-01');
    expect(kpNextPeriod({ eligibleOn: '2025-10-02' }).tmt).toBe('2025-11-01');
    expect(kpNextPeriod({ eligibleOn: '2023-05-10' }).regime).toBe('KEP_BKN_12_2002');
  });

  it('a KP_DELAY_12M no longer in force has no effect; PDHTAPS ends employment (no TMT)', () => {
    const old = kpNextPeriod({
      eligibleOn: '2026-03-01',
      sanctions: [{ type: 'KP_DELAY_12M', effectiveFrom: '2024-01-10' }],
    });
    expect(old.tmt).toBe('2026-03-01');
    const ended = kpNextPeriod({
      eligibleOn: '2026-03-01',
      sanctions: [{ type: 'PDHTAPS', effectiveFrom: '2026-01-10' }],
    });
    expect(ended.tmt).toBeNull();
    const ringan = kpNextPeriod({
      eligibleOn: '2026-03-01',
      sanctions: [{ type: 'TEGURAN_LISAN', effectiveFrom: '2026-02-20' }],
    });
    expect(ringan.tmt).toBe('2026-03-01');
  });

  it('takes per-TMT submission windows from kp.submissionCalendar', () => {
    const r = kpNextPeriod(
      { eligibleOn: '2024-03-01' },
      { submissionCalendar: { '2024-04-01': { submitFrom: '2024-02-01', submitBy: '2024-02-28' } } },
    );
    expect([r.tmt, r.submitFrom, r.submitBy]).toEqual(['2024-04-01', '2024-02-01', '2024-02-28']);
  });
});

describe('kp.regular (04 §3.4)', () => {
  it('caps at the superior only while Kep BKN 12/2002 is in force', () => {
    const input = {
      golongan: 'III/a' as const,
      education: 'S1' as const,
      monthsInPangkat: 48,
      recentAnnualPredicates: ['BAIK' as const, 'BAIK' as const],
      supervisorGolongan: 'III/a' as const,
    };
    expect(kpRegular({ ...input, onDate: '2025-01-01' }).unmet).toEqual(['ABOVE_SUPERVISOR']);
    expect(kpRegular({ ...input, onDate: '2025-06-01' }).eligible).toBe(true);
  });
  it('a missing year of predikat counts as unmet', () => {
    expect(
      kpRegular({ golongan: 'II/a', education: 'SLTA', monthsInPangkat: 50, recentAnnualPredicates: ['BAIK'] }).unmet,
    ).toEqual(['PREDIKAT_BELOW_BAIK']);
  });
});

describe('ak.opening (04 §4)', () => {
  it('a perpindahan without a table row needs the annex value from a person, and says so', () => {
    expect(() => akOpening({ route: 'PERPINDAHAN', targetJenjang: 'AHLI_PERTAMA', golongan: 'IV/b' })).toThrow(
      RuleInputError,
    );
    const r = akOpening({ route: 'PERPINDAHAN', targetJenjang: 'AHLI_PERTAMA', golongan: 'IV/b', tableAmount: '120' });
    expect(r.amount).toBe('120.000');
    expect(r.warnings.map((w) => w.code)).toEqual(['MANUAL_TABLE_AMOUNT']);
  });
  it('pengangkatan kembali converts at most the last 48 months; short predikat is a warning', () => {
    const runs = Array.from({ length: 5 }, () => ({ months: 12, predicate: 'BAIK' }));
    const r = akOpening({
      route: 'PENGANGKATAN_KEMBALI',
      targetJenjang: 'AHLI_PERTAMA',
      lastBalance: '10',
      predicates: runs,
    });
    expect([r.konversi, r.amount]).toEqual(['50.000', '60.000']);
    const short = akOpening({
      route: 'PERPINDAHAN',
      targetJenjang: 'AHLI_MUDA',
      golongan: 'III/d',
      monthsInLastGolongan: 24,
      predicates: [{ months: 12, predicate: 'BAIK' }],
    });
    expect(short.warnings.map((w) => w.code)).toEqual(['PREDICATES_SHORT']);
  });
  it('penyesuaian takes an admin-added table row plus the AK Dasar', () => {
    const row = { jenjang: 'AHLI_MUDA' as const, golongan: 'III/d' as const, minYears: 2, amount: '30', source: 'uji' };
    const r = akOpening(
      { route: 'PENYESUAIAN', targetJenjang: 'AHLI_MUDA', golongan: 'III/d', relevantExperienceYears: 3 },
      {
        opening: {
          penyesuaian: [
            {
              id: 'T',
              effectiveFrom: '2023-01-01',
              effectiveTo: null,
              legalBasis: 'x',
              status: 'INFERRED',
              data: [row],
            },
          ],
        },
      },
    );
    expect([r.tableAmount, r.akDasar, r.amount]).toEqual(['30.000', '100.000', '130.000']);
  });
});

describe('allowance.month with changes (04 §5)', () => {
  it('explains every segment and pays a leaver to the last working day', () => {
    const r = computeAllowanceMonth({
      ...month,
      basicAmount: undefined,
      segments: [{ from: '2026-03-01', to: '2026-03-10', workingDays: 7, kelasJabatan: 9 }],
    });
    expect(r.basicAmount).toBe(Math.round((5_439_503 * 7) / 22));
    expect(r.segments).toHaveLength(1);
    expect(r.explanation.steps?.some((s) => s.label === 'segmen 2026-03-01 s.d. 2026-03-10')).toBe(true);
  });
  it('CALENDAR_DAYS and POST_ON_FIRST_DAY proration', () => {
    const segs = [
      { from: '2026-03-01', to: '2026-03-15', workingDays: 10, basicAmount: 3_100_000 },
      { from: '2026-03-16', to: '2026-03-31', workingDays: 12, basicAmount: 6_200_000 },
    ];
    const cal = computeAllowanceMonth({
      ...month,
      ruleSet: { base: 'R-TPP-DEMO', proration: { mode: 'CALENDAR_DAYS' } },
      segments: segs,
    });
    expect(cal.basicAmount).toBe(1_500_000 + 3_200_000);
    const first = computeAllowanceMonth({
      ...month,
      ruleSet: { base: 'R-TPP-DEMO', proration: { mode: 'POST_ON_FIRST_DAY' } },
      segments: segs,
    });
    expect(first.basicAmount).toBe(3_100_000);
  });
  it('cuti melahirkan of a third child excludes its days; MONTH_UNPAID above the threshold pays nothing', () => {
    const third = computeAllowanceMonth({ ...month, leave: [{ type: 'CUTI_MELAHIRKAN', days: 11, childOrder: 3 }] });
    expect(third.netAmount).toBe(2_200_000);
    const second = computeAllowanceMonth({ ...month, leave: [{ type: 'CUTI_MELAHIRKAN', days: 11, childOrder: 2 }] });
    expect(second.netAmount).toBe(4_400_000);
    const unpaid = computeAllowanceMonth({
      ...month,
      ruleSet: { base: 'R-TPP-DEMO', leaveRules: { CUTI_BESAR: { mode: 'MONTH_UNPAID', thresholdDays: 15 } } },
      leave: [{ type: 'CUTI_BESAR', days: 16 }],
    });
    expect([unpaid.netAmount, unpaid.deductionsByCode.CUTI]).toEqual([0, 4_400_000]);
  });
  it('two EXCLUDE_DAYS leaves are added then applied once; FWA counts as absence when configured', () => {
    const r = computeAllowanceMonth({
      ...month,
      ruleSet: { base: 'R-TPP-DEMO', leaveRules: { CUTI_ALASAN_PENTING: { mode: 'EXCLUDE_DAYS' } } },
      leave: [
        { type: 'CUTI_BESAR', days: 5 },
        { type: 'CUTI_ALASAN_PENTING', days: 6 },
      ],
    });
    expect(r.netAmount).toBe(2_200_000);
    const fwa = computeAllowanceMonth({
      ...month,
      ruleSet: { base: 'R-TPP-DEMO', fwa: { countsAsPresent: false } },
      attendance: { ...present, absentDays: 3, fwaDays: 1 },
    });
    expect(fwa.deductionsByCode.TK).toBe(240_000);
  });
  it('decemberFullPay pays December whole despite predikat and absence', () => {
    const r = computeAllowanceMonth({
      ...month,
      month: '2026-12',
      predicate: 'KURANG',
      ruleSet: { base: 'R-TPP-DEMO', decemberFullPay: true },
      attendance: { ...present, absentDays: 2 },
    });
    expect(r.netAmount).toBe(4_400_000);
  });
  it('refuses a bad §5.2 field naming it', () => {
    expect(() =>
      computeAllowanceMonth({ ...month, ruleSet: { base: 'R-TPP-DEMO', acting: { higherLevelMode: 'X' as never } } }),
    ).toThrow(/ruleSet\.acting\.higherLevelMode/);
  });
});

describe('pppk.contractReview, netralitas (04 §6, §7)', () => {
  it('BP → extension with coaching; no predikat → no recommendation with a warning', () => {
    expect(pppkContractReview({ contractEnd: '2026-08-31', latestAnnualPredicate: 'BUTUH_PERBAIKAN' })).toMatchObject({
      reviewDue: '2026-02-28',
      recommendation: 'EXTEND_WITH_COACHING',
    });
    const none = pppkContractReview({ contractEnd: '2026-08-31' });
    expect([none.recommendation, none.warnings[0].code]).toEqual([null, 'PREDIKAT_MISSING']);
  });
  it('KASN on 23 August 2024, BKN from 24 August; CALON from the Pilkada 2024 penetapan', () => {
    expect(recommendingBody({ date: '2024-08-23' }).body).toBe('KASN');
    expect(recommendingBody({ date: '2024-08-24' }).body).toBe('BKN');
    expect(netralitasStage({ date: '2024-09-21' })?.stage).toBe('BAKAL_CALON');
    expect(netralitasStage({ date: '2024-09-22' })?.stage).toBe('CALON');
    expect(netralitasStage({ date: '2026-01-01' })).toBeNull();
  });
});
