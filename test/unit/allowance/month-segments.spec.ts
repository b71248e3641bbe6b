import { planMonth } from '../../../src/allowance/month-segments';
import type { EmploymentHistory } from '../../../src/org/employment-history';

const UNIT_A = '00000000-0000-4000-8000-00000000000a';
const UNIT_B = '00000000-0000-4000-8000-00000000000b';
const row = (validFrom: string, validTo: string | null, kelasJabatan: number, unitId = UNIT_A) => ({
  employeeId: 'e',
  validFrom,
  validTo,
  unitId,
  kelasJabatan,
  tmt: validFrom,
});
const history = (assignments: EmploymentHistory['assignments'], events: EmploymentHistory['events'] = []) => ({
  nip: '199001012020011001',
  status: 'PNS',
  assignments,
  events,
  acting: [] as EmploymentHistory['acting'],
});
const ev = (type: string, date: string) => ({ employeeId: 'e', type, date });

// March 2026: 1 March is a Sunday; Mon–Fri = 22 days (2–6, 9–13, 16–20, 23–27, 30–31).
describe('planMonth (spec 04 §5.3 step 1: segments by working days from the employment history)', () => {
  it('a whole month in one post gives no segments (the rule keeps its one whole-month part)', () => {
    const p = planMonth('2026-03', history([row('2020-01-01', null, 8)]), 'PNS', 22, [], 'PRORATE');
    expect(p).toMatchObject({ segments: null, kelasJabatan: 8, status: 'PNS', warnings: [] });
  });

  it('a CPNS from the SPMT on Monday 16 March: one CPNS segment 16–31 March with 12 working days', () => {
    const p = planMonth(
      '2026-03',
      history([row('2026-03-16', null, 7)], [ev('CPNS_START', '2026-03-16')]),
      'PNS',
      22,
      [],
      'PRORATE',
    );
    expect(p.segments).toEqual([
      { from: '2026-03-16', to: '2026-03-31', workingDays: 12, kelasJabatan: 7, unitId: UNIT_A, status: 'CPNS' },
    ]);
    expect(p.notes.join('; ')).toContain('CPNS mulai TMT SPMT 2026-03-16');
  });

  it('a CPNS_START after the assignment start: the days before the SPMT are not paid', () => {
    const p = planMonth(
      '2026-03',
      history([row('2026-01-01', null, 7)], [ev('CPNS_START', '2026-03-16')]),
      'PNS',
      22,
      [],
      'PRORATE',
    );
    expect(p.segments?.[0]).toMatchObject({ from: '2026-03-16', workingDays: 12, status: 'CPNS' });
  });

  it('PNS_START ends the CPNS status mid-month: two segments, CPNS then PNS', () => {
    const p = planMonth(
      '2026-03',
      history([row('2025-03-01', null, 7)], [ev('CPNS_START', '2025-03-01'), ev('PNS_START', '2026-03-09')]),
      'PNS',
      22,
      [],
      'PRORATE',
    );
    expect(p.segments?.map((s) => [s.from, s.to, s.workingDays, s.status])).toEqual([
      ['2026-03-01', '2026-03-08', 5, 'CPNS'],
      ['2026-03-09', '2026-03-31', 17, 'PNS'],
    ]);
  });

  it('PENSIUN with TMT 1 April pays March whole; with TMT 19 March pays to Wednesday 18 March (13 working days)', () => {
    const whole = planMonth(
      '2026-03',
      history([row('2020-01-01', null, 9)], [ev('PENSIUN', '2026-04-01')]),
      'PNS',
      22,
      [],
      'PRORATE',
    );
    expect(whole.segments).toBeNull();
    const p = planMonth(
      '2026-03',
      history([row('2020-01-01', null, 9)], [ev('PENSIUN', '2026-03-19')]),
      'PNS',
      22,
      [],
      'PRORATE',
    );
    expect(p.segments).toEqual([
      { from: '2026-03-01', to: '2026-03-18', workingDays: 13, kelasJabatan: 9, unitId: UNIT_A, status: 'PNS' },
    ]);
  });

  it('MENINGGAL on 10 March: paid to the date of death (PRORATE) or the whole month (deathMonth FULL)', () => {
    const h = history([row('2020-01-01', null, 9)], [ev('MENINGGAL', '2026-03-10')]);
    expect(planMonth('2026-03', h, 'PNS', 22, [], 'PRORATE').segments?.[0]).toMatchObject({
      to: '2026-03-10',
      workingDays: 7,
    });
    expect(planMonth('2026-03', h, 'PNS', 22, [], 'FULL').segments).toBeNull();
  });

  it('a mover to another kelas and unit on 16 March: two segments 10 + 12 working days; a holiday is not a working day', () => {
    const h = history([row('2020-01-01', '2026-03-16', 8, UNIT_A), row('2026-03-16', null, 10, UNIT_B)]);
    const p = planMonth('2026-03', h, 'PNS', 22, [], 'PRORATE');
    expect(p.segments?.map((s) => [s.from, s.to, s.workingDays, s.kelasJabatan, s.unitId])).toEqual([
      ['2026-03-01', '2026-03-15', 10, 8, UNIT_A],
      ['2026-03-16', '2026-03-31', 12, 10, UNIT_B],
    ]);
    // Nyepi on Thursday 19 March 2026: 21 working days, the second segment 11.
    const q = planMonth('2026-03', h, 'PNS', 21, ['2026-03-19'], 'PRORATE');
    expect(q.segments?.map((s) => s.workingDays)).toEqual([10, 11]);
  });

  it('a change of golongan only (same kelas and unit) does not cut the month', () => {
    const h = history([row('2020-01-01', '2026-03-16', 8), row('2026-03-16', null, 8)]);
    expect(planMonth('2026-03', h, 'PNS', 22, [], 'PRORATE').segments).toBeNull();
  });

  it('a configured month shorter than the calendar: the last segment gives way, with SEGMENT_DAYS_ADJUSTED', () => {
    const h = history([row('2020-01-01', '2026-03-16', 8), row('2026-03-16', null, 10)]);
    const p = planMonth('2026-03', h, 'PNS', 20, [], 'PRORATE');
    expect(p.segments?.map((s) => s.workingDays)).toEqual([10, 10]);
    expect(p.warnings.map((w) => w.code)).toEqual(['SEGMENT_DAYS_ADJUSTED']);
  });

  it('a Plt: working days under a PLT delegation among the paid days; level from the delegation or the kelas', () => {
    const h = {
      ...history([row('2020-01-01', null, 8)]),
      acting: [{ employeeId: 'e', validFrom: '2026-03-09', validTo: null, kelasJabatan: 10, level: null }],
    };
    expect(planMonth('2026-03', h, 'PNS', 22, [], 'PRORATE').acting).toEqual({
      level: 'HIGHER',
      kelasJabatan: 10,
      workingDays: 17,
    });
    const same = { ...h, acting: [{ ...h.acting[0], level: 'SAME' as const }] };
    expect(planMonth('2026-03', same, 'PNS', 22, [], 'PRORATE').acting).toMatchObject({ level: 'SAME' });
  });

  it('a Plt whose delegation names no post is not guessed: no add-on, ACTING_POST_MISSING', () => {
    const h = {
      ...history([row('2020-01-01', null, 8)]),
      acting: [{ employeeId: 'e', validFrom: '2026-03-01', validTo: '2026-03-31', kelasJabatan: null, level: null }],
    };
    const p = planMonth('2026-03', h, 'PNS', 22, [], 'PRORATE');
    expect(p.acting).toBeNull();
    expect(p.warnings.map((w) => w.code)).toEqual(['ACTING_POST_MISSING']);
  });

  // Two Plt posts in March 2026: kelas 9 on 2–13 March (10 working days), kelas 11 from 9 March (17 working
  // days); 9–13 March (5 working days) under both.
  const twoPlt = {
    ...history([row('2020-01-01', null, 8)]),
    acting: [
      { employeeId: 'e', validFrom: '2026-03-02', validTo: '2026-03-13', kelasJabatan: 9, level: null },
      { employeeId: 'e', validFrom: '2026-03-09', validTo: null, kelasJabatan: 11, level: null },
    ],
  };

  it('several Plt posts, HIGHEST_KELAS (default): the highest kelas counts with its own days, the other is named', () => {
    const p = planMonth('2026-03', twoPlt, 'PNS', 22, [], 'PRORATE');
    expect(p.acting).toEqual({ level: 'HIGHER', kelasJabatan: 11, workingDays: 17 });
    const notes = p.notes.join('; ');
    expect(notes).toContain(
      'Plt 2026-03-09 s.d. …: kelas 11 (HIGHER), 17 hari kerja; dihitung karena kelas jabatan Plt tertinggi',
    );
    expect(notes).toContain('Plt 2026-03-02 s.d. 2026-03-13 kelas 9: tidak dihitung (bukan kelas tertinggi)');
    expect(planMonth('2026-03', twoPlt, 'PNS', 22, [], 'PRORATE', 'HIGHEST_KELAS')).toEqual(p);
  });

  it('several Plt posts, EACH_PERIOD: each post for its own days; an overlapping day counts for the higher kelas', () => {
    const p = planMonth('2026-03', twoPlt, 'PNS', 22, [], 'PRORATE', 'EACH_PERIOD');
    expect(p.acting).toEqual([
      { level: 'HIGHER', kelasJabatan: 11, workingDays: 17 },
      { level: 'HIGHER', kelasJabatan: 9, workingDays: 5 },
    ]);
    expect(p.notes.join('; ')).toContain('5 hari kerja yang tumpang tindih dihitung untuk Plt berkelas lebih tinggi');
  });

  it('a Plt without a post next to one with a post: the one with a post counts its own days; ACTING_POST_MISSING', () => {
    const h = { ...twoPlt, acting: [{ ...twoPlt.acting[0], kelasJabatan: null }, twoPlt.acting[1]] };
    const p = planMonth('2026-03', h, 'PNS', 22, [], 'PRORATE');
    expect(p.acting).toEqual({ level: 'HIGHER', kelasJabatan: 11, workingDays: 17 });
    expect(p.warnings.map((w) => w.code)).toEqual(['ACTING_POST_MISSING']);
  });

  it('a PNS whose NIP records a TMT CPNS within 12 months but no CPNS_START: CPNS_TMT_MISSING, paid as PNS', () => {
    const recent = { ...history([row('2026-02-01', null, 7)]), nip: '199801012026021001' };
    const p = planMonth('2026-03', recent, 'PNS', 22, [], 'PRORATE');
    expect(p.warnings.map((w) => w.code)).toEqual(['CPNS_TMT_MISSING']);
    expect(p.warnings[0].message).toContain('TMT CPNS 2026-02');
    // Recorded (CPNS_START), older than 12 months, or a PPPK: nothing to say.
    const recorded = { ...recent, events: [ev('CPNS_START', '2026-02-01')] };
    expect(planMonth('2026-03', recorded, 'PNS', 22, [], 'PRORATE').warnings).toEqual([]);
    expect(planMonth('2027-02', recent, 'PNS', 22, [], 'PRORATE').warnings).toEqual([]);
    expect(planMonth('2026-03', recent, 'PPPK', 22, [], 'PRORATE').warnings).toEqual([]);
  });
});
