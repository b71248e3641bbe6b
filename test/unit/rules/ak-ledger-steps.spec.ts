import { RuleInputError, checkEligibility, computeLedger, deriveOutcomes, integrasi } from '../../../src/rules';

describe('ak.ledger: kenaikan jenjang below the jenjang AKK (02 §7.3, §14.2)', () => {
  const input = {
    jenjang: 'AHLI_PERTAMA' as const,
    golongan: 'III/b' as const,
    opening: { kind: 'LAMA' as const, amount: '53.750' },
    predicates: [{ period: '2024', predicate: 'BAIK' }],
    changes: [{ tmt: '2025-01-01', jenjang: 'AHLI_MUDA' as const, golongan: 'III/c' as const }],
  };
  it('marks the closed ledger as not meeting the threshold, forfeits nothing and warns', () => {
    const r = computeLedger(input);
    expect(r.closed).toHaveLength(1);
    expect(r.closed[0]).toMatchObject({
      jenjang: 'AHLI_PERTAMA',
      balance: '66.250',
      threshold: '100.000',
      thresholdMet: false,
      shortfall: '33.750',
      forfeited: '0.000',
    });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'KJ_BELOW_AKK' })]);
    expect(r.warnings[0].message).toContain('66.250');
    expect(r.warnings[0].message).toContain('33.750');
    expect(r.explanation.steps?.find((s) => s.label === 'tutup ledger AHLI_PERTAMA')?.value).toBe('BELOW_THRESHOLD');
  });
  it('a KJ at or above the AKK meets the threshold without a warning (EX-15)', () => {
    const r = computeLedger({ ...input, opening: { kind: 'LAMA', amount: '94.000' } });
    expect(r.closed[0]).toMatchObject({
      balance: '106.500',
      thresholdMet: true,
      shortfall: '0.000',
      forfeited: '6.500',
    });
    expect(r.warnings).toEqual([]);
  });
});

describe('ak.ledger: a kenaikan pangkat is one golongan (02 §7.2)', () => {
  it('refuses III/a → III/c in one change, naming the field', () => {
    const run = () =>
      computeLedger({
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/a',
        predicates: [],
        changes: [{ tmt: '2025-04-01', jenjang: 'AHLI_PERTAMA', golongan: 'III/c' }],
      });
    expect(run).toThrow(RuleInputError);
    expect(run).toThrow(/changes\[0\]\.golongan: .*III\/a → III\/c.*satu tingkat/);
  });
  it('refuses a KJ that also skips a golongan (III/a → AHLI_MUDA III/c)', () => {
    expect(() =>
      computeLedger({
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/a',
        predicates: [],
        changes: [{ tmt: '2025-04-01', jenjang: 'AHLI_MUDA', golongan: 'III/c' }],
      }),
    ).toThrow(/satu tingkat/);
  });
  it('accepts the one-step KP and the vacancy-less KP above the top', () => {
    const r = computeLedger({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/a',
      predicates: [],
      changes: [
        { tmt: '2025-04-01', jenjang: 'AHLI_PERTAMA', golongan: 'III/b' },
        { tmt: '2027-04-01', jenjang: 'AHLI_PERTAMA', golongan: 'III/c' },
      ],
    });
    expect(r.golongan).toBe('III/c');
  });
});

describe('ak.ledger: integrasi case C as a ledger opening (02 §10)', () => {
  const input = {
    jenjang: 'AHLI_MUDA' as const,
    golongan: 'III/b' as const,
    opening: { kind: 'INTEGRASI' as const, conventionalTotal: '180' },
    predicates: [{ period: '2023', predicate: 'BAIK' }],
  };
  it('opens the ledger with the same amount as ak.integrasi and a KP to III/c at the conventional difference', () => {
    expect(integrasi({ jenjang: 'AHLI_MUDA', golongan: 'III/b', conventionalTotal: '180' }).amount).toBe('30.000');
    const r = computeLedger(input);
    expect(r.allEntries.map((e) => [e.source, e.amount])).toEqual([
      ['INTEGRASI', '30.000'],
      ['PREDIKAT', '25.000'],
    ]);
    expect(r.balance).toBe('55.000');
    expect(r.catchUp).toEqual({ from: 'III/b', offset: '50.000' });
    expect(r.next).toEqual({ kind: 'KENAIKAN_PANGKAT', to: 'III/c', threshold: '50.000', shortfall: '0.000' });
    expect(r.warnings.map((w) => w.code)).toEqual(['CASE_C_CATCH_UP']);
  });
  it('after the pangkat catches up, the jenjang thresholds are shifted by the catch-up AK', () => {
    const r = computeLedger({ ...input, changes: [{ tmt: '2024-04-01', jenjang: 'AHLI_MUDA', golongan: 'III/c' }] });
    expect(r.golongan).toBe('III/c');
    expect(r.next).toMatchObject({ kind: 'KENAIKAN_PANGKAT', to: 'III/d', threshold: '150.000' });
  });
  it('eligibility takes the same catch-up (catchUpFrom)', () => {
    const e = checkEligibility({
      kind: 'KENAIKAN_PANGKAT',
      jenjang: 'AHLI_MUDA',
      golongan: 'III/b',
      balance: '55',
      catchUpFrom: 'III/b',
      monthsInPangkat: 30,
      recentAnnualPredicates: ['BAIK', 'BAIK'],
    });
    expect(e).toMatchObject({ to: 'III/c', threshold: '50.000', shortfall: '0.000', eligible: true });
    expect(
      checkEligibility({
        kind: 'KENAIKAN_JENJANG',
        jenjang: 'AHLI_MUDA',
        golongan: 'III/d',
        balance: '200',
        catchUpFrom: 'III/b',
        monthsInJenjang: 30,
        vacancy: true,
        passedCompetencyTest: true,
        recentAnnualPredicates: ['BAIK'],
      }),
    ).toMatchObject({ threshold: '250.000', shortfall: '50.000', unmet: ['AK_SHORTFALL'] });
  });
  it('without a catch-up a golongan below the jenjang is still refused', () => {
    expect(() =>
      checkEligibility({
        kind: 'KENAIKAN_PANGKAT',
        jenjang: 'AHLI_MUDA',
        golongan: 'III/b',
        balance: '55',
        recentAnnualPredicates: [],
      }),
    ).toThrow(/golongan does not match/);
  });
});

describe('ak.integrasi: range warnings (02 §10)', () => {
  it('warns above the top of the jenjang range (AHLI_PERTAMA III/c, 210 → 110.000)', () => {
    const r = integrasi({ jenjang: 'AHLI_PERTAMA', golongan: 'III/c', conventionalTotal: '210' });
    expect(r.amount).toBe('110.000');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/di atas batas jenjang AHLI_PERTAMA.*AKK jenjang 100/);
  });
  it('no warning exactly at the AKK jenjang (III/c, 200 → 100.000) or inside a golongan range', () => {
    expect(integrasi({ jenjang: 'AHLI_PERTAMA', golongan: 'III/c', conventionalTotal: '200' }).warnings).toEqual([]);
    expect(integrasi({ jenjang: 'AHLI_PERTAMA', golongan: 'III/b', conventionalTotal: '180' }).warnings).toEqual([]);
  });
  it('case C warns when the conventional total already reaches the next golongan', () => {
    expect(integrasi({ jenjang: 'AHLI_MUDA', golongan: 'III/b', conventionalTotal: '205' }).warnings).toHaveLength(1);
    expect(integrasi({ jenjang: 'AHLI_MUDA', golongan: 'III/b', conventionalTotal: '180' }).warnings).toEqual([]);
  });
});

describe('outcomes: a sedang/berat sanction blocks both KGB and KP (03 §12.4–§12.5)', () => {
  const types = (sanction: string) =>
    deriveOutcomes({
      nip: 'd',
      decisions: [{ id: 'sk', sanction: sanction as never, effectiveFrom: '2026-01-01' }],
    }).outcomes.map((o) => o.type);
  it.each(['KGB_DELAY_12M', 'KP_DELAY_12M'])('%s emits KGB_DELAYED and KP_DELAYED over its 12 months', (sanction) => {
    const r = deriveOutcomes({
      nip: 'd',
      decisions: [{ id: 'sk', sanction: sanction as never, effectiveFrom: '2026-01-01' }],
    });
    expect(r.outcomes.map((o) => o.type).sort()).toEqual(['KGB_DELAYED', 'KP_DELAYED']);
    for (const o of r.outcomes) expect(o).toMatchObject({ effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' });
  });
  it('PANGKAT_DOWN_12M blocks both as well; ringan blocks nothing', () => {
    expect(types('PANGKAT_DOWN_12M').sort()).toEqual(['DEMOTION', 'KGB_DELAYED', 'KP_DELAYED']);
    expect(types('TEGURAN_TERTULIS')).toEqual([]);
  });
});

describe('ak.ledger: a PPPK in a JF (04 §6, ak.pppk.ledger)', () => {
  const input = {
    status: 'PPPK' as const,
    jenjang: 'AHLI_PERTAMA' as const,
    golongan: 'IX' as const,
    predicates: [{ period: '2025', predicate: 'BAIK' }],
  };
  it('INFORMATIONAL (default): conversions and balance, only a KJ as next step', () => {
    const r = computeLedger(input);
    expect(r).toMatchObject({ informational: true, golongan: 'IX', balance: '12.500', warnings: [] });
    expect(r.entries.map((e) => e.amount)).toEqual(['12.500']);
    expect(r.next).toEqual({ kind: 'KENAIKAN_JENJANG', to: 'AHLI_MUDA', threshold: '100.000', shortfall: '87.500' });
    expect(r.explanation.steps?.some((s) => s.value === 'INFORMATIONAL')).toBe(true);
  });
  it('grade changes are no KP; a jenjang change opens a new ledger', () => {
    const r = computeLedger({
      ...input,
      predicates: [
        { period: '2025', predicate: 'BAIK' },
        { period: '2026', predicate: 'BAIK' },
      ],
      changes: [
        { tmt: '2025-07-01', jenjang: 'AHLI_PERTAMA', golongan: 'X' },
        { tmt: '2026-01-01', jenjang: 'AHLI_MUDA', golongan: 'X' },
      ],
    });
    expect(r.closed[0]).toMatchObject({ jenjang: 'AHLI_PERTAMA', balance: '12.500', thresholdMet: false });
    expect(r).toMatchObject({ jenjang: 'AHLI_MUDA', golongan: 'X', balance: '25.000' });
    expect(r.allEntries.map((e) => e.source)).toEqual(['PREDIKAT']);
  });
  it('ignores openings that rest on a PNS golongan with a warning; refuses a KP eligibility check and the ledger when configured false', () => {
    const opened = computeLedger({ ...input, opening: { kind: 'INTEGRASI', conventionalTotal: '180' } });
    expect(opened.balance).toBe('12.500');
    expect(opened.allEntries.map((e) => e.source)).toEqual(['PREDIKAT']);
    expect(opened.warnings).toEqual([expect.objectContaining({ code: 'PPPK_OPENING_IGNORED' })]);
    expect(computeLedger({ ...input, opening: { kind: 'LAMA', amount: '3' } }).balance).toBe('15.500');
    expect(() =>
      checkEligibility({
        status: 'PPPK',
        kind: 'KENAIKAN_PANGKAT',
        jenjang: 'AHLI_PERTAMA',
        golongan: 'IX',
        balance: '60',
        recentAnnualPredicates: ['BAIK', 'BAIK'],
      }),
    ).toThrow(/PPPK/);
    expect(
      checkEligibility({
        status: 'PPPK',
        kind: 'KENAIKAN_JENJANG',
        jenjang: 'AHLI_PERTAMA',
        golongan: 'IX',
        balance: '12.5',
        recentAnnualPredicates: ['BAIK'],
      }),
    ).toMatchObject({ to: 'AHLI_MUDA', shortfall: '87.500', eligible: false });
    expect(() => computeLedger(input, { pppk: { ledger: false } })).toThrow(/ak\.pppk\.ledger = false/);
    expect(() => computeLedger({ ...input, status: undefined })).toThrow(/golongan/);
  });
});
