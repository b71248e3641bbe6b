import { RuleInputError, akOpening, checkEligibility, computeLedger } from '../../../src/rules';

/**
 * Perpindahan with a golongan not matching the jenjang (04 §4, PerBKN 3/2023 Lampiran II angka 3):
 * S2, IV/a, 4 years → Ahli Pertama with 100 AK. The golongan is above the jenjang's range (III/a–III/b):
 * no kenaikan pangkat inside the jenjang; kenaikan jenjang once the AKK jenjang is reached and ≥ 1 year.
 */
describe('ak: golongan above the jenjang range (perpindahan, Lampiran II angka 3)', () => {
  const opening = akOpening({
    route: 'PERPINDAHAN',
    targetJenjang: 'AHLI_PERTAMA',
    golongan: 'IV/a',
    education: 'S2',
    relevantExperienceYears: 4,
    monthsInLastGolongan: 48,
    predicates: [{ months: 12, predicate: 'BAIK' }],
  });

  it('ak.opening gives the fixed 100 of the table row', () => {
    expect(opening.amount).toBe('100.000');
  });

  it('the ledger opens at Ahli Pertama IV/a and its next step is the KJ to Ahli Muda, not a KP', () => {
    const r = computeLedger({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'IV/a',
      opening: { kind: 'LAMA', amount: opening.amount },
      predicates: [{ period: '2026', predicate: 'BAIK' }],
    });
    expect(r.golongan).toBe('IV/a');
    expect(r.balance).toBe('112.500');
    expect(r.next).toEqual({ kind: 'KENAIKAN_JENJANG', to: 'AHLI_MUDA', threshold: '100.000', shortfall: '0.000' });
    const step = r.explanation.steps?.find((s) => s.label.startsWith('golongan di atas rentang jenjang'));
    expect(step?.formula).toContain('III/a–III/b');
    expect(step?.formula).toContain('tidak ada kenaikan pangkat');
  });

  it('the KJ needs ≥ 12 months in the jenjang; with them (and vacancy, ukom, predikat) it is eligible', () => {
    const base = {
      kind: 'KENAIKAN_JENJANG' as const,
      jenjang: 'AHLI_PERTAMA' as const,
      golongan: 'IV/a' as const,
      balance: '100.000',
      recentAnnualPredicates: ['BAIK'],
      vacancy: true,
      passedCompetencyTest: true,
    };
    const early = checkEligibility({ ...base, monthsInJenjang: 11 });
    expect(early).toMatchObject({ eligible: false, to: 'AHLI_MUDA', unmet: ['MIN_MONTHS_IN_JENJANG'] });
    expect(checkEligibility({ ...base, monthsInJenjang: 12 })).toMatchObject({
      eligible: true,
      to: 'AHLI_MUDA',
      threshold: '100.000',
    });
  });

  it('a KP asked for inside the jenjang is refused with the KJ route, never a KP to a lower golongan', () => {
    const r = checkEligibility({
      kind: 'KENAIKAN_PANGKAT',
      jenjang: 'AHLI_PERTAMA',
      golongan: 'IV/a',
      balance: '150',
      monthsInPangkat: 48,
      recentAnnualPredicates: ['BAIK', 'BAIK'],
    });
    expect(r).toMatchObject({ eligible: false, to: null, unmet: ['KJ_ROUTE'] });
    expect(r.reasons[0]).toContain('di atas rentang jenjang AHLI_PERTAMA');
  });

  it('refuses a kenaikan pangkat inside the jenjang once above its range; the KJ keeps the golongan', () => {
    const input = {
      jenjang: 'AHLI_PERTAMA' as const,
      golongan: 'IV/a' as const,
      opening: { kind: 'LAMA' as const, amount: '100' },
      predicates: [{ period: '2026', predicate: 'BAIK' }],
    };
    expect(() =>
      computeLedger({ ...input, changes: [{ tmt: '2027-04-01', jenjang: 'AHLI_PERTAMA', golongan: 'IV/b' }] }),
    ).toThrow(RuleInputError);
    // KJ to Ahli Muda (III/c–III/d) at IV/a, then to Ahli Madya (IV/a–IV/c) where the golongan fits again.
    const r = computeLedger({
      ...input,
      predicates: [...input.predicates, { period: '2027', predicate: 'BAIK' }],
      changes: [{ tmt: '2027-01-01', jenjang: 'AHLI_MUDA', golongan: 'IV/a' }],
    });
    expect(r.closed[0]).toMatchObject({ jenjang: 'AHLI_PERTAMA', balance: '112.500', thresholdMet: true });
    expect(r.jenjang).toBe('AHLI_MUDA');
    // AK Dasar of Ahli Muda has no IV/a row: the row of its highest golongan III/d (100) opens the ledger.
    const dasar = r.allEntries.find((e) => e.source === 'AK_DASAR');
    expect(dasar).toMatchObject({ jenjang: 'AHLI_MUDA', amount: '100.000' });
    expect(dasar?.explanation.formula).toContain('baris golongan tertinggi III/d');
    expect(r.balance).toBe('125.000');
    expect(r.next).toMatchObject({ kind: 'KENAIKAN_JENJANG', to: 'AHLI_MADYA', threshold: '200.000' });
    const madya = computeLedger({
      ...input,
      changes: [
        { tmt: '2027-01-01', jenjang: 'AHLI_MUDA', golongan: 'IV/a' },
        { tmt: '2029-01-01', jenjang: 'AHLI_MADYA', golongan: 'IV/a' },
      ],
    });
    expect(madya.next).toMatchObject({ kind: 'KENAIKAN_PANGKAT', to: 'IV/b' });
  });

  it('keeps refusing a golongan that does not fit a jenjang with no higher jenjang', () => {
    expect(() => computeLedger({ jenjang: 'PENYELIA', golongan: 'IV/a', predicates: [] })).toThrow(
      /tidak sesuai jenjang/,
    );
  });

  it('the vacancy-less KP one rank above the top still works, and no KP follows it inside the jenjang', () => {
    const r = computeLedger({
      jenjang: 'AHLI_PERTAMA',
      golongan: 'III/b',
      opening: { kind: 'LAMA', amount: '100' },
      predicates: [],
      changes: [{ tmt: '2026-04-01', jenjang: 'AHLI_PERTAMA', golongan: 'III/c' }],
    });
    expect(r.next).toMatchObject({ kind: 'KENAIKAN_JENJANG', to: 'AHLI_MUDA' });
    expect(() =>
      computeLedger({
        jenjang: 'AHLI_PERTAMA',
        golongan: 'III/b',
        predicates: [],
        changes: [
          { tmt: '2026-04-01', jenjang: 'AHLI_PERTAMA', golongan: 'III/c' },
          { tmt: '2028-04-01', jenjang: 'AHLI_PERTAMA', golongan: 'III/d' },
        ],
      }),
    ).toThrow(/sudah di atas rentang jenjang/);
  });
});
