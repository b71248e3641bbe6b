import { DisciplineCalendar } from '../../src/discipline/discipline-calendar.service';
import { stepDeadlines } from '../../src/discipline/discipline-policy.util';
import { DisciplineModule } from '../../src/discipline/discipline.module';
import { createMediumModule, type MediumModule } from '../support/medium';

/**
 * The calendar of discipline deadlines on the real PostgreSQL (medium: the calendar service with its
 * repository and allowance's AttendanceReader, no HTTP): configured and national holidays merged once
 * each, a year replaced all-or-nothing, and the delivery deadline (working days) moved by the holidays.
 */
describe('discipline calendar (medium: service + repositories on PostgreSQL)', () => {
  let m: MediumModule;
  let calendar: DisciplineCalendar;
  // A year no other test file uses (files share the run's database).
  const YEAR = '2091';

  /** `date` plus `n` weekdays (Saturdays and Sundays skipped). */
  const plusWeekdays = (date: string, n: number) => {
    const d = new Date(`${date}T00:00:00Z`);
    while (n > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n--;
    }
    return d.toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    m = await createMediumModule({ imports: [DisciplineModule] });
    calendar = m.get(DisciplineCalendar);
    await calendar.replace(YEAR, {
      holidays: [
        { date: `${YEAR}-03-05`, name: 'Libur dinas' },
        { date: `${YEAR}-03-06`, name: 'Libur bersama' },
      ],
    });
    // The national list the allowance feature keeps: one day shared with the configured list, one more.
    await m.dataSource.query(
      `INSERT INTO allowance_holidays (day, name) VALUES ($1, 'Libur bersama'), ($2, 'Hari raya') ON CONFLICT (day) DO NOTHING`,
      [`${YEAR}-03-06`, `${YEAR}-03-09`],
    );
  });
  afterAll(() => m.close());

  it('merges configured and national holidays, once each and in order', async () => {
    expect(await calendar.holidays(`${YEAR}-03-01`, `${YEAR}-03-31`)).toEqual([
      `${YEAR}-03-05`,
      `${YEAR}-03-06`,
      `${YEAR}-03-09`,
    ]);
    expect(await calendar.list(YEAR)).toEqual({
      year: Number(YEAR),
      holidays: [
        { date: `${YEAR}-03-05`, name: 'Libur dinas' },
        { date: `${YEAR}-03-06`, name: 'Libur bersama' },
      ],
      effectiveCalendar: [`${YEAR}-03-05`, `${YEAR}-03-06`, `${YEAR}-03-09`],
    });
  });

  it('a replacement with a date outside the year is refused and changes nothing', async () => {
    await expect(
      calendar.replace(YEAR, { holidays: [{ date: `${Number(YEAR) + 1}-01-01`, name: 'Tahun baru' }] }),
    ).rejects.toMatchObject({ message: expect.stringContaining('di luar tahun') });
    expect((await calendar.list(YEAR)).holidays).toHaveLength(2);
  });

  it('moves the delivery deadline by the weekday holidays in its window', async () => {
    const c = {
      kind: 'OTHER' as const,
      status: 'DECIDED' as const,
      reportedOn: `${YEAR}-02-01`,
      verifiedOn: `${YEAR}-02-05`,
      recommendedOn: `${YEAR}-02-20`,
      decidedOn: `${YEAR}-03-01`,
      deliveredOn: null,
    };
    const without = stepDeadlines(c, `${YEAR}-03-01`, []).deliver.dueOn!;
    const withHolidays = stepDeadlines(c, `${YEAR}-03-01`, await calendar.holidaysAfter(c.decidedOn)).deliver.dueOn;
    // 5, 6 and 9 March are weekdays inside the 14 working days: the deadline moves three weekdays on.
    expect(withHolidays).toBe(plusWeekdays(without, 3));
  });
});
