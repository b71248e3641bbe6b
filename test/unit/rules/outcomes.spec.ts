import {
  RuleInputError,
  checkEligibility,
  computeAllowanceMonth,
  computeLedger,
  deriveOutcomes,
  type OutcomeInput,
} from '../../../src/rules';

const types = (r: ReturnType<typeof deriveOutcomes>) => r.outcomes.map((o) => o.type).sort();

describe('outcomes: from predicates', () => {
  it('SUCCESSION_PRIORITY for Sangat Baik two years running, with reason, legal basis and key', () => {
    const r = deriveOutcomes({
      nip: '198703152010011002',
      predicates: [
        { period: '2024', predicate: 'SANGAT_BAIK' },
        { period: '2025', predicate: 'SANGAT_BAIK', finalizedOn: '2026-01-08' },
      ],
    });
    expect(r.outcomes).toHaveLength(1);
    const o = r.outcomes[0];
    expect(o).toMatchObject({
      type: 'SUCCESSION_PRIORITY',
      key: 'SUCCESSION_PRIORITY|198703152010011002|2024-2025',
      effectiveFrom: '2026-01-08',
      effectiveTo: null,
      status: 'ACTIVE',
    });
    expect(o.reason).toContain('Sangat Baik 2 tahun berturut-turut');
    expect(o.legalBasis).toContain('PP 30/2019');
    expect(
      deriveOutcomes({
        nip: 'x',
        predicates: [
          { period: '2023', predicate: 'SANGAT_BAIK' },
          { period: '2025', predicate: 'SANGAT_BAIK' },
        ],
      }).outcomes,
    ).toHaveLength(0);
  });
  it('coaching for BP/K/SK and the performance path: improvement period then competency test', () => {
    const r = deriveOutcomes({
      nip: 'n1',
      predicates: [
        { period: '2025', predicate: 'KURANG', finalizedOn: '2026-01-15', evaluationId: 'ev-2025' },
        { period: '2026-Q2', predicate: 'KURANG', evaluationId: 'ev-2026q2' },
        { period: '2026-Q3', predicate: 'SANGAT_KURANG' },
      ],
    });
    expect(types(r)).toEqual([
      'COACHING_REQUIRED',
      'COACHING_REQUIRED',
      'COACHING_REQUIRED',
      'COMPETENCY_TEST_REQUIRED',
      'IMPROVEMENT_PERIOD',
    ]);
    const imp = r.outcomes.find((o) => o.type === 'IMPROVEMENT_PERIOD')!;
    expect(imp).toMatchObject({
      effectiveFrom: '2026-01-15',
      effectiveTo: '2026-07-15',
      source: { kind: 'EVALUATION', id: 'ev-2025' },
    });
    const test = r.outcomes.find((o) => o.type === 'COMPETENCY_TEST_REQUIRED')!;
    expect(test.effectiveFrom).toBe('2026-07-15');
    expect(test.reason).toContain('2026-Q3');
  });
  it('uses the JPT threshold (Butuh Perbaikan) for JPT positions', () => {
    const p = [{ period: '2025', predicate: 'BUTUH_PERBAIKAN' as const }];
    expect(types(deriveOutcomes({ nip: 'a', predicates: p }))).toEqual(['COACHING_REQUIRED']);
    expect(types(deriveOutcomes({ nip: 'a', positionKind: 'JPT_PRATAMA', predicates: p }))).toEqual([
      'COACHING_REQUIRED',
      'IMPROVEMENT_PERIOD',
    ]);
  });
  it('proposes non-extension for a PPPK with an annual Kurang', () => {
    const r = deriveOutcomes({
      nip: 'p',
      employeeStatus: 'PPPK',
      contractEnd: '2026-12-31',
      predicates: [{ period: '2025', predicate: 'KURANG' }],
    });
    expect(r.outcomes.find((o) => o.type === 'CONTRACT_NOT_EXTENDED')).toMatchObject({
      status: 'PROPOSED',
      effectiveFrom: '2026-12-31',
    });
  });
});

describe('outcomes: from AK ledger and eligibility', () => {
  it('AK_CREDITED per ledger entry; KP eligible / delayed; competency test when KJ AK is met', () => {
    const ledger = computeLedger({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      predicates: [
        { period: '2024', predicate: 'SANGAT_BAIK' },
        { period: '2025-Q1', predicate: 'BAIK' },
      ],
    });
    const kp = checkEligibility({
      kind: 'KENAIKAN_PANGKAT',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      balance: '55',
      monthsInPangkat: 20,
      recentAnnualPredicates: ['BAIK', 'BAIK'],
    });
    const kj = checkEligibility({
      kind: 'KENAIKAN_JENJANG',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/b',
      balance: '102',
      monthsInJenjang: 30,
      recentAnnualPredicates: ['BAIK'],
      vacancy: true,
    });
    const r = deriveOutcomes({
      nip: 'n',
      asOf: '2025-04-01',
      ak: { entries: ledger.allEntries, eligibility: [kp, kj] },
    });
    expect(types(r)).toEqual(['AK_CREDITED', 'AK_CREDITED', 'COMPETENCY_TEST_REQUIRED', 'KP_DELAYED']);
    const credited = r.outcomes.filter((o) => o.type === 'AK_CREDITED');
    expect(credited[0].key).toBe('AK_CREDITED|n|AHLI_PERTAMA:TAHUNAN:2024-01..2024-12');
    expect(credited[0].reason).toContain('18.750');
    const ok = checkEligibility({
      kind: 'KENAIKAN_PANGKAT',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      balance: '55',
      monthsInPangkat: 30,
      recentAnnualPredicates: ['BAIK', 'BAIK'],
    });
    expect(types(deriveOutcomes({ nip: 'n', ak: { eligibility: [ok] } }))).toEqual(['KENAIKAN_PANGKAT_ELIGIBLE']);
  });
});

describe('outcomes: from discipline decisions and allowance months', () => {
  it('a sedang tukin cut gives ALLOWANCE_CUT, KGB_DELAYED and KP_DELAYED over its span', () => {
    const r = deriveOutcomes({
      nip: 'd',
      decisions: [{ id: 'sk-1', sanction: 'POTONG_TUKIN_25_9M', deliveredOn: '2026-03-16' }],
    });
    expect(types(r)).toEqual(['ALLOWANCE_CUT', 'KGB_DELAYED', 'KP_DELAYED']);
    for (const o of r.outcomes)
      expect(o).toMatchObject({
        effectiveFrom: '2026-04-06',
        effectiveTo: '2027-01-06',
        source: { kind: 'DISCIPLINE_DECISION', id: 'sk-1' },
      });
  });
  it('berat sanctions give DEMOTION or DISMISSAL_RECOMMENDED; ringan gives nothing', () => {
    expect(
      types(
        deriveOutcomes({
          nip: 'd',
          decisions: [{ id: 'a', sanction: 'TURUN_JABATAN_12M', effectiveFrom: '2026-01-01' }],
        }),
      ),
    ).toEqual(['DEMOTION', 'KGB_DELAYED', 'KP_DELAYED']);
    expect(
      types(deriveOutcomes({ nip: 'd', decisions: [{ id: 'b', sanction: 'PDHTAPS', effectiveFrom: '2026-01-01' }] })),
    ).toEqual(['DISMISSAL_RECOMMENDED']);
    expect(
      types(
        deriveOutcomes({ nip: 'd', decisions: [{ id: 'c', sanction: 'TEGURAN_LISAN', effectiveFrom: '2026-01-01' }] }),
      ),
    ).toEqual([]);
    expect(
      types(
        deriveOutcomes({ nip: 'd', decisions: [{ id: 'e', sanction: 'KGB_DELAY_12M', effectiveFrom: '2026-01-01' }] }),
      ),
    ).toEqual(['KGB_DELAYED', 'KP_DELAYED']);
  });
  it('ALLOWANCE_CUT for a closed month paid below 100 %', () => {
    const month = computeAllowanceMonth({
      ruleSet: 'R-TPP-DEMO',
      month: '2026-03',
      basicAmount: 5_000_000,
      workingDays: 22,
      predicate: 'KURANG',
      attendance: { lateMinutes: [], earlyLeaveMinutes: [], absentDays: 0, missedApel: 0 },
    });
    const r = deriveOutcomes({
      nip: 'm',
      allowanceMonths: [{ month: '2026-03', ruleSet: month.ruleSet, deductions: month.deductions }],
    });
    expect(r.outcomes[0]).toMatchObject({
      type: 'ALLOWANCE_CUT',
      key: 'ALLOWANCE_CUT|m|MONTH:2026-03',
      effectiveFrom: '2026-03-01',
      effectiveTo: '2026-04-01',
    });
  });
  it('talent pool boxes 7–9 and failed competency tests', () => {
    expect(
      types(deriveOutcomes({ nip: 't', talent: { assessmentId: 'tm-1', box: 8, assessedOn: '2026-02-01' } })),
    ).toEqual(['TALENT_POOL_CANDIDATE']);
    expect(
      types(deriveOutcomes({ nip: 't', talent: { assessmentId: 'tm-1', box: 5, assessedOn: '2026-02-01' } })),
    ).toEqual([]);
    const r = deriveOutcomes({
      nip: 't',
      asOf: '2027-03-01',
      competencyTests: [{ id: 'u1', takenOn: '2026-02-01', passed: false }],
    });
    expect(types(r)).toEqual(['DEMOTION', 'DISMISSAL_RECOMMENDED']);
    expect(r.outcomes.every((o) => o.status === 'PROPOSED')).toBe(true);
  });
});

describe('outcomes: idempotence and validation', () => {
  const input: OutcomeInput = {
    nip: 'k',
    asOf: '2026-06-01',
    employeeStatus: 'PNS',
    predicates: [
      { period: '2024', predicate: 'SANGAT_BAIK' },
      { period: '2025', predicate: 'SANGAT_BAIK' },
      { period: '2026-Q1', predicate: 'BUTUH_PERBAIKAN' },
    ],
    decisions: [{ id: 'sk', sanction: 'POTONG_TUKIN_25_6M', effectiveFrom: '2026-02-01' }],
  };
  it('gives the same unique keys on reprocessing', () => {
    const a = deriveOutcomes(input).outcomes.map((o) => o.key);
    const b = deriveOutcomes(JSON.parse(JSON.stringify(input))).outcomes.map((o) => o.key);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });
  it('rejects bad facts', () => {
    expect(() => deriveOutcomes({ nip: '' })).toThrow(RuleInputError);
    expect(() => deriveOutcomes({ nip: 'x', predicates: [{ period: '2025', predicate: 'CUKUP' as never }] })).toThrow(
      /predicates\[0\]\.predicate/,
    );
    expect(() => deriveOutcomes({ nip: 'x', decisions: [{ id: 'a', sanction: 'PDHTAPS' }] })).toThrow(
      /effectiveFrom or deliveredOn/,
    );
    expect(() =>
      deriveOutcomes({ nip: 'x', talent: { assessmentId: 'a', box: 10, assessedOn: '2026-01-01' } }),
    ).toThrow(/talent.box/);
  });
});
