import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import {
  ALLOWANCE_PREDICATES,
  JENJANGS,
  ORG_PREDICATES,
  PREDICATES,
  RATINGS,
  checkDistribution,
  computeAllowanceMonth,
  computeLedger,
  computePredicate,
  convertPredicate,
  predicateRank,
  ratingRank,
  type Predicate,
} from '../../../src/rules';

const rating = fc.constantFrom(...RATINGS);
const predicate = fc.constantFrom(...PREDICATES);
const jenjang = fc.constantFrom(...JENJANGS);

describe('property: predikat matrix', () => {
  it('is monotone in the rating hasil kerja', () => {
    fc.assert(
      fc.property(rating, rating, rating, (a, b, behavior) => {
        const [lo, hi] = ratingRank(a) <= ratingRank(b) ? [a, b] : [b, a];
        const pLo = computePredicate({ resultRating: lo, behaviorRating: behavior }).predicate;
        const pHi = computePredicate({ resultRating: hi, behaviorRating: behavior }).predicate;
        expect(predicateRank(pLo)).toBeLessThanOrEqual(predicateRank(pHi));
      }),
    );
  });
  it('is monotone in the rating perilaku kerja', () => {
    fc.assert(
      fc.property(rating, rating, rating, (a, b, result) => {
        const [lo, hi] = ratingRank(a) <= ratingRank(b) ? [a, b] : [b, a];
        const pLo = computePredicate({ resultRating: result, behaviorRating: lo }).predicate;
        const pHi = computePredicate({ resultRating: result, behaviorRating: hi }).predicate;
        expect(predicateRank(pLo)).toBeLessThanOrEqual(predicateRank(pHi));
      }),
    );
  });
});

describe('property: AK conversion', () => {
  it('a year split at any month equals the unsplit year within rounding', () => {
    fc.assert(
      fc.property(jenjang, predicate, fc.integer({ min: 1, max: 11 }), fc.constantFrom(2, 3), (j, p, k, precision) => {
        const whole = new DecimalJs(convertPredicate({ jenjang: j, predicate: p, months: 12, precision }).amount);
        const a = new DecimalJs(convertPredicate({ jenjang: j, predicate: p, months: k, precision }).amount);
        const b = new DecimalJs(convertPredicate({ jenjang: j, predicate: p, months: 12 - k, precision }).amount);
        // two half-up roundings differ from one by at most one unit of the last place
        expect(a.plus(b).minus(whole).abs().lte(new DecimalJs(10).pow(-precision))).toBe(true);
      }),
    );
  });

  it('monthly periodic predicates of one value over a year give exactly the annual amount (one run)', () => {
    fc.assert(
      fc.property(jenjang, predicate, fc.integer({ min: 2023, max: 2030 }), (j, p, year) => {
        const golongan = {
          PEMULA: 'II/a',
          TERAMPIL: 'II/b',
          MAHIR: 'III/a',
          PENYELIA: 'III/c',
          AHLI_PERTAMA: 'III/a',
          AHLI_MUDA: 'III/c',
          AHLI_MADYA: 'IV/a',
          AHLI_UTAMA: 'IV/d',
        }[j] as never;
        const monthly = computeLedger({
          jenjang: j,
          golongan,
          predicates: Array.from({ length: 12 }, (_, i) => ({
            period: `${year}-${String(i + 1).padStart(2, '0')}`,
            predicate: p,
          })),
        });
        const annual = computeLedger({ jenjang: j, golongan, predicates: [{ period: String(year), predicate: p }] });
        expect(monthly.balance).toBe(annual.balance);
        expect(monthly.entries).toHaveLength(1);
      }),
    );
  });
});

describe('property: AK ledger never counts a month twice', () => {
  // Random non-overlapping periodic predicates (quarters or months) plus optional annual predicates.
  const yearPlan = fc.record({
    annual: fc.option(predicate, { nil: undefined }),
    quarters: fc.array(
      fc.option(
        fc.oneof(
          predicate.map((p) => ({ kind: 'Q' as const, p })),
          fc
            .array(fc.option(predicate, { nil: undefined }), { minLength: 3, maxLength: 3 })
            .map((ms) => ({ kind: 'M' as const, ms })),
        ),
        { nil: undefined },
      ),
      { minLength: 4, maxLength: 4 },
    ),
  });
  it('covers each month at most once, and every credited month exactly once', () => {
    fc.assert(
      fc.property(fc.array(yearPlan, { minLength: 1, maxLength: 3 }), (years) => {
        const predicates: { period: string; predicate: Predicate }[] = [];
        const covered = new Set<string>();
        years.forEach((y, yi) => {
          const year = 2023 + yi;
          if (y.annual) {
            predicates.push({ period: String(year), predicate: y.annual });
            for (let m = 1; m <= 12; m++) covered.add(`${year}-${String(m).padStart(2, '0')}`);
          }
          y.quarters.forEach((q, qi) => {
            if (!q) return;
            if (q.kind === 'Q') {
              predicates.push({ period: `${year}-Q${qi + 1}`, predicate: q.p });
              for (let k = 0; k < 3; k++) covered.add(`${year}-${String(qi * 3 + k + 1).padStart(2, '0')}`);
            } else {
              q.ms.forEach((p, k) => {
                if (!p) return;
                const month = `${year}-${String(qi * 3 + k + 1).padStart(2, '0')}`;
                predicates.push({ period: month, predicate: p });
                covered.add(month);
              });
            }
          });
        });
        const r = computeLedger({ jenjang: 'AHLI_MUDA', golongan: 'III/c', predicates: [...predicates].reverse() });
        const seen = new Map<string, number>();
        for (const e of r.entries) {
          const [fy, fm] = e.fromMonth!.split('-').map(Number);
          const [ty, tm] = e.toMonth!.split('-').map(Number);
          expect(fy).toBe(ty);
          expect(e.months).toBe(tm - fm + 1);
          for (let m = fm; m <= tm; m++) {
            const key = `${fy}-${String(m).padStart(2, '0')}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
          }
        }
        for (const count of seen.values()) expect(count).toBe(1);
        expect(new Set(seen.keys())).toEqual(covered);
        // balance = Σ rounded entry amounts
        const total = r.entries.reduce((a, e) => a.plus(e.amount), new DecimalJs(0));
        expect(total.toFixed(3)).toBe(r.balance);
      }),
    );
  });
});

describe('property: distribution', () => {
  it('handles a unit with no employees for every org predicate and policy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORG_PREDICATES),
        fc.constantFrom('FLOOR', 'CEIL', 'ROUND') as fc.Arbitrary<'FLOOR' | 'CEIL' | 'ROUND'>,
        fc.constantFrom('PLURALITY', 'MAJORITY', 'OFF') as fc.Arbitrary<'PLURALITY' | 'MAJORITY' | 'OFF'>,
        fc.integer({ min: 0, max: 20 }),
        (org, rounding, sb, minN) => {
          const r = checkDistribution(
            { orgPredicate: org, counts: {} },
            { rounding: { max: rounding, min: rounding }, sebagianBesar: sb, smallUnit: { minN } },
          );
          expect(r.ok).toBe(true);
          expect(r.violations).toEqual([]);
          expect(r.warnings).toEqual([]);
          expect(r.population).toBe(0);
        },
      ),
    );
  });
  it('ok is exactly "no violations" and population is the sum of counts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORG_PREDICATES),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
        (org, n) => {
          const counts = Object.fromEntries(PREDICATES.map((p, i) => [p, n[i]]));
          const r = checkDistribution({ orgPredicate: org, counts });
          expect(r.ok).toBe(r.violations.length === 0);
          expect(r.population).toBe(n.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});

describe('property: allowance invariants', () => {
  const minutes = fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(null)), { maxLength: 25 });
  const sanction = fc.record({
    type: fc.constantFrom(
      'TEGURAN_LISAN',
      'POTONG_TUKIN_25_6M',
      'POTONG_TUKIN_25_9M',
      'POTONG_TUKIN_25_12M',
      'TURUN_JABATAN_12M',
      'PDHTAPS',
    ),
    effectiveFrom: fc
      .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ m, d }) => `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  });
  const overrides = fc.record(
    {
      disBase: fc.constantFrom('DIS_PART', 'WHOLE'),
      tkMode: fc.constantFrom('PCT_PER_DAY', 'DAILY_ACCRUAL'),
      tkPct: fc.constantFrom('0.025', '0.03', '0.05', '0.1'),
      hukdisBase: fc.constantFrom('ENTITLEMENT', 'SUBTOTAL'),
      hukdisStacking: fc.constantFrom('REPLACE', 'ADD'),
      sanctionStart: fc.constantFrom('NEXT_FULL_MONTH', 'FROM_EFFECTIVE_DAY_PRORATA'),
      predikatFactorBase: fc.constantFrom('WHOLE', 'KIN_PART'),
      capScope: fc.constantFrom('PER_PART', 'WHOLE'),
      deductionCap: fc.constantFrom('1.0', '0.5', '0.75'),
      rounding: fc.record({
        mode: fc.constantFrom('NEAREST', 'FLOOR'),
        unit: fc.constantFrom(1, 100),
        stage: fc.constantFrom('PER_LINE', 'FINAL'),
      }),
      split: fc.constantFrom({ kin: '0.60', dis: '0.40' }, { kin: '0.3', dis: '0.7' }, { kin: '1', dis: '0' }),
    },
    { requiredKeys: ['tkPct'] },
  );

  it('basic = performance + discipline parts; net = basic − Σ deductions; never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000_000 }),
        fc.integer({ min: 18, max: 23 }),
        fc.constantFrom(...ALLOWANCE_PREDICATES),
        fc.constantFrom('PNS', 'PPPK', 'CPNS', 'CLTN', 'PENAHANAN', 'PEMBERHENTIAN_SEMENTARA'),
        minutes,
        minutes,
        fc.integer({ min: 0, max: 18 }),
        fc.integer({ min: 0, max: 10 }),
        fc.array(sanction, { maxLength: 3 }),
        overrides,
        (B, wd, p, status, late, early, absent, apel, sanctions, ov) => {
          const r = computeAllowanceMonth({
            ruleSet: { base: 'R-TPP-DEMO', ...(ov as object) },
            month: '2025-09',
            basicAmount: B,
            workingDays: wd,
            status,
            predicate: p,
            attendance: {
              lateMinutes: late,
              earlyLeaveMinutes: early,
              absentDays: Math.min(absent, wd),
              missedApel: apel,
            },
            sanctions,
          });
          expect(r.basicAmount).toBe(B);
          expect(r.performancePart + r.disciplinePart).toBe(r.basicAmount);
          const sum = r.deductions.reduce((a, d) => a + d.amount, 0);
          expect(r.totalDeductions).toBe(sum);
          expect(r.netAmount).toBe(r.basicAmount - sum);
          expect(r.netAmount).toBeGreaterThanOrEqual(0);
          for (const d of r.deductions) {
            expect(Number.isInteger(d.amount)).toBe(true);
            expect(d.amount).toBeGreaterThan(0);
            expect(d.reason.length).toBeGreaterThan(0);
          }
          expect(r.performancePaid).toBeGreaterThanOrEqual(0);
          expect(r.disciplinePaid).toBeGreaterThanOrEqual(0);
          expect(r.netAmount).toBeLessThanOrEqual(r.subtotal);
        },
      ),
      { numRuns: 300 },
    );
  });
});
