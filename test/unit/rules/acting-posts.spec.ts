import {
  actingPosts,
  computeAllowanceMonth,
  multiplePltDefault,
  type ActingPost,
  type AllowanceMonthInput,
} from '../../../src/rules';

/** Working days (weekdays) of March 2026 between two dates, inclusive. */
const weekdays = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
};
const post = (validFrom: string, validTo: string, kelasJabatan: number, level: ActingPost['level'] = null) => ({
  validFrom,
  validTo,
  kelasJabatan,
  level,
  workingDates: weekdays(validFrom, validTo),
});

describe('acting.multiplePosts: several Plt posts in one month (04 §5.3 step 2, INFERRED default)', () => {
  it('the default in force is HIGHEST_KELAS, INFERRED, with its reason', () => {
    expect(multiplePltDefault('2026-03-01')).toMatchObject({ mode: 'HIGHEST_KELAS', legalBasis: 'INFERRED' });
    expect(multiplePltDefault('2026-03-01').explanation).toContain('kelas tertinggi');
  });

  it('one post: the same in both modes, its own days', () => {
    const one = [post('2026-03-09', '2026-03-31', 10)];
    for (const mode of ['HIGHEST_KELAS', 'EACH_PERIOD'] as const)
      expect(actingPosts(one, mode, 8).acting).toEqual([{ level: 'HIGHER', kelasJabatan: 10, workingDays: 17 }]);
  });

  it('HIGHEST_KELAS: consecutive posts → only the highest kelas, for its own days; the other is named', () => {
    const r = actingPosts(
      [post('2026-03-02', '2026-03-13', 11), post('2026-03-16', '2026-03-31', 9, 'SAME')],
      'HIGHEST_KELAS',
      9,
    );
    expect(r.acting).toEqual([{ level: 'HIGHER', kelasJabatan: 11, workingDays: 10 }]);
    expect(r.notes[0]).toContain('dihitung karena kelas jabatan Plt tertinggi dari 2 jabatan Plt');
    expect(r.notes[1]).toBe('Plt 2026-03-16 s.d. 2026-03-31 kelas 9: tidak dihitung (bukan kelas tertinggi)');
  });

  it('HIGHEST_KELAS: a tie in kelas → the later Plt counts', () => {
    const r = actingPosts(
      [post('2026-03-16', '2026-03-31', 9), post('2026-03-02', '2026-03-13', 9)],
      'HIGHEST_KELAS',
      9,
    );
    expect(r.acting).toEqual([{ level: 'SAME', kelasJabatan: 9, workingDays: 12 }]);
  });

  it('EACH_PERIOD: consecutive posts → each for its own days', () => {
    const r = actingPosts(
      [post('2026-03-02', '2026-03-13', 9), post('2026-03-16', '2026-03-31', 11)],
      'EACH_PERIOD',
      9,
    );
    expect(r.acting).toEqual([
      { level: 'HIGHER', kelasJabatan: 11, workingDays: 12 },
      { level: 'SAME', kelasJabatan: 9, workingDays: 10 },
    ]);
    expect(r.notes.every((n) => n.includes('EACH_PERIOD'))).toBe(true);
  });

  it('EACH_PERIOD: overlapping posts → a day under both counts once, for the higher kelas; a post left with no day is named', () => {
    const r = actingPosts(
      [post('2026-03-02', '2026-03-20', 9), post('2026-03-09', '2026-03-31', 12)],
      'EACH_PERIOD',
      8,
    );
    // Kelas 12: 9–31 March = 17 working days; kelas 9 keeps 2–6 March = 5 of its 15.
    expect(r.acting).toEqual([
      { level: 'HIGHER', kelasJabatan: 12, workingDays: 17 },
      { level: 'HIGHER', kelasJabatan: 9, workingDays: 5 },
    ]);
    expect(r.notes[1]).toContain('10 hari kerja yang tumpang tindih dihitung untuk Plt berkelas lebih tinggi');
    const inside = actingPosts(
      [post('2026-03-09', '2026-03-13', 9), post('2026-03-02', '2026-03-31', 12)],
      'EACH_PERIOD',
      8,
    );
    expect(inside.acting).toEqual([{ level: 'HIGHER', kelasJabatan: 12, workingDays: 22 }]);
    expect(inside.notes[1]).toContain('tidak dihitung (semua harinya sudah dihitung untuk Plt berkelas lebih tinggi)');
  });

  it('HIGHEST_KELAS: overlapping posts → the higher kelas with all its days, nothing for the lower', () => {
    const r = actingPosts(
      [post('2026-03-02', '2026-03-20', 9), post('2026-03-09', '2026-03-31', 12)],
      'HIGHEST_KELAS',
      8,
    );
    expect(r.acting).toEqual([{ level: 'HIGHER', kelasJabatan: 12, workingDays: 17 }]);
  });
});

describe('allowance.month with several Plt posts', () => {
  const present = { lateMinutes: [], earlyLeaveMinutes: [], absentDays: 0, missedApel: 0 };
  const month: AllowanceMonthInput = {
    ruleSet: 'R-TPP-DEMO',
    month: '2026-03',
    workingDays: 22,
    predicate: 'BAIK',
    basicAmount: 4_400_000,
    attendance: present,
  };

  it('SAME posts each earn their add-on for their own days (prorated): 500.000 + 600.000', () => {
    const r = computeAllowanceMonth({
      ...month,
      ruleSet: {
        base: 'R-TPP-DEMO',
        acting: { multiplePosts: 'EACH_PERIOD', minWorkingDays: 0, proration: 'WORKING_DAYS' },
      },
      acting: [
        { level: 'SAME', basicAmount: 5_000_000, workingDays: 11 },
        { level: 'SAME', basicAmount: 6_000_000, workingDays: 11 },
      ],
    });
    expect([r.actingAddon, r.basicAmount]).toEqual([1_100_000, 5_500_000]);
  });

  it('HIGHER posts under ACTING_POST: the month at the highest Plt TPP; a post below minWorkingDays earns nothing', () => {
    const r = computeAllowanceMonth({
      ...month,
      acting: [
        { level: 'HIGHER', basicAmount: 6_000_000, workingDays: 20 },
        { level: 'HIGHER', basicAmount: 5_000_000, workingDays: 20 },
        { level: 'HIGHER', basicAmount: 9_000_000, workingDays: 2 },
      ],
    });
    expect(r.basicAmount).toBe(6_000_000);
  });

  it('refuses an unknown acting.multiplePosts naming the field', () => {
    expect(() =>
      computeAllowanceMonth({ ...month, ruleSet: { base: 'R-TPP-DEMO', acting: { multiplePosts: 'X' as never } } }),
    ).toThrow(/ruleSet\.acting\.multiplePosts/);
  });
});
