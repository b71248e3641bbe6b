import { orgPeriodicSuggestion, skpSegments } from '../../../src/rules';

const spans = (r: ReturnType<typeof skpSegments>) => r.skps.map((s) => [s.from, s.to, s.kind, s.months]);

describe('skp.segments (spec 04 §1.2–§1.4, §9.1)', () => {
  it('a mutasi on 15 August: the old SKP ends the 14th; August goes to the SKP in force on its first day', () => {
    const r = skpSegments({ year: 2026, start: '2026-01-01', events: [{ type: 'MUTASI', date: '2026-08-15' }] });
    expect(spans(r)).toEqual([
      ['2026-01-01', '2026-08-14', 'DEFINITIVE', 8],
      ['2026-08-15', '2026-12-31', 'DEFINITIVE', 4],
    ]);
    expect(r.annualSkpIndex).toBe(1);
    expect(r.explanation.formula).toContain('LAST_SKP');
  });

  it('an event on the SKP’s first day replaces it (no empty segment)', () => {
    const r = skpSegments({ year: 2026, start: '2026-03-01', events: [{ type: 'PROMOSI', date: '2026-03-01' }] });
    expect(spans(r)).toEqual([['2026-03-01', '2026-12-31', 'DEFINITIVE', 10]]);
    expect(r.skps[0].openedBy).toBe('PROMOSI');
  });

  it('PPK_CHANGE continues the SKP by default and splits it under ppkChange NEW_SKP', () => {
    const events = [{ type: 'PPK_CHANGE' as const, date: '2026-05-01' }];
    expect(spans(skpSegments({ year: 2026, start: '2026-01-01', events }))).toHaveLength(1);
    expect(
      spans(skpSegments({ year: 2026, start: '2026-01-01', events, config: { ppkChange: 'NEW_SKP' } })),
    ).toHaveLength(2);
  });

  it('an ACTING SKP without PLT_END ends at the delegation end, or the day before pensiun, or 31 December', () => {
    const withEnd = skpSegments({
      year: 2026,
      start: '2026-01-01',
      events: [{ type: 'PLT_START', date: '2026-02-02', end: '2026-04-30' }],
    });
    expect(spans(withEnd)[1]).toEqual(['2026-02-02', '2026-04-30', 'ACTING', 0]);
    const pensiun = skpSegments({
      year: 2026,
      start: '2026-01-01',
      events: [
        { type: 'PLT_START', date: '2026-02-02' },
        { type: 'PENSIUN', date: '2026-06-01' },
      ],
    });
    expect(spans(pensiun)).toEqual([
      ['2026-01-01', '2026-05-31', 'DEFINITIVE', 5],
      ['2026-02-02', '2026-05-31', 'ACTING', 0],
    ]);
    const open = skpSegments({ year: 2026, start: '2026-01-01', events: [{ type: 'PLT_START', date: '2026-11-02' }] });
    expect(spans(open)[1]).toEqual(['2026-11-02', '2026-12-31', 'ACTING', 0]);
  });

  it('MENINGGAL closes on the date of death; CLTN closes the day before and RETURN opens a new SKP', () => {
    expect(
      spans(skpSegments({ year: 2026, start: '2026-01-01', events: [{ type: 'MENINGGAL', date: '2026-04-10' }] })),
    ).toEqual([['2026-01-01', '2026-04-10', 'DEFINITIVE', 4]]);
    const cltn = skpSegments({
      year: 2026,
      start: '2026-01-01',
      events: [
        { type: 'CLTN', date: '2026-03-01' },
        { type: 'RETURN', date: '2026-10-01' },
      ],
    });
    expect(spans(cltn)).toEqual([
      ['2026-01-01', '2026-02-28', 'DEFINITIVE', 2],
      ['2026-10-01', '2026-12-31', 'DEFINITIVE', 3],
    ]);
  });

  it('a CPNS starts from the SPMT date; its first month counts only from the next 1st', () => {
    const r = skpSegments({ year: 2026, events: [{ type: 'CPNS_START', date: '2026-03-16' }] });
    expect(spans(r)).toEqual([['2026-03-16', '2026-12-31', 'DEFINITIVE', 9]]);
  });

  it('annual mode: LONGEST_SKP takes the SKP with most months (tie → later); PER_SKP gives none', () => {
    const events = [{ type: 'MUTASI' as const, date: '2026-07-01' }];
    expect(
      skpSegments({ year: 2026, start: '2026-01-01', events, config: { annualMode: 'LONGEST_SKP' } }).annualSkpIndex,
    ).toBe(1);
    expect(
      skpSegments({
        year: 2026,
        start: '2026-01-01',
        events: [{ type: 'MUTASI', date: '2026-09-01' }],
        config: { annualMode: 'LONGEST_SKP' },
      }).annualSkpIndex,
    ).toBe(0);
    expect(
      skpSegments({ year: 2026, start: '2026-01-01', events, config: { annualMode: 'PER_SKP' } }).annualSkpIndex,
    ).toBeNull();
  });

  it('refuses events outside the year, unknown types, PLT_END without a Plt and a second running SKP', () => {
    expect(() =>
      skpSegments({ year: 2026, start: '2026-01-01', events: [{ type: 'MUTASI', date: '2027-01-01' }] }),
    ).toThrow(/must lie in 2026/);
    expect(() =>
      skpSegments({ year: 2026, start: '2026-01-01', events: [{ type: 'NAIK' as never, date: '2026-02-01' }] }),
    ).toThrow(/must be one of/);
    expect(() =>
      skpSegments({ year: 2026, start: '2026-01-01', events: [{ type: 'PLT_END', date: '2026-02-01' }] }),
    ).toThrow(/no Plt/);
    expect(() =>
      skpSegments({ year: 2026, start: '2026-01-01', events: [{ type: 'CPNS_START', date: '2026-02-01' }] }),
    ).toThrow(/already running/);
    expect(() => skpSegments({ year: 2026 })).toThrow(/start/);
  });
});

describe('org.periodicSuggestion (spec 04 §2.2)', () => {
  it('leaves out items without a numeric target > 0 and answers null when none is left', () => {
    const r = orgPeriodicSuggestion({
      items: [
        { target: null, realisasi: 3 },
        { target: 0, realisasi: 1 },
      ],
    });
    expect(r.suggestion).toBeNull();
    expect(r.counts).toMatchObject({ n: 0, ignored: 2 });
  });

  it('counts a missing realisasi as no progress, and takes decimal strings', () => {
    const r = orgPeriodicSuggestion({
      items: [{ target: '2.5' }, { target: '1.5', realisasi: null }, { target: 3, realisasi: '3.5' }],
    });
    expect(r.suggestion).toBe('SANGAT_KURANG');
    expect(r.counts).toMatchObject({ n: 3, none: 2, met: 1, exceeded: 1 });
    expect(r.explanation.ruleId).toBe('org.periodicSuggestion');
  });

  it('exactly half met is BUTUH_PERBAIKAN (≥ n/2), below is KURANG', () => {
    const half = [
      { target: 2, realisasi: 2 },
      { target: 2, realisasi: 1 },
    ];
    expect(orgPeriodicSuggestion({ items: half }).suggestion).toBe('BUTUH_PERBAIKAN');
    expect(orgPeriodicSuggestion({ items: [...half, { target: 2, realisasi: 1 }] }).suggestion).toBe('KURANG');
  });
});
