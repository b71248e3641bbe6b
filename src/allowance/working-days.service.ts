import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { firstDay, isDate, lastDay, requireMonth, weekdaysOf } from './months';
import { WorkingDaysRepository } from './working-days.repository';

export interface WorkingDays {
  month: string;
  workingDays: number;
  source: 'CONFIGURED' | 'COMPUTED';
  /** Configured holidays that fall on a weekday of the month. */
  holidays: { date: string; name: string }[];
  formula: string;
}

/**
 * Working days (hari kerja) per month: an agency override when configured, else Monday–Friday
 * minus the configured holidays that fall on a weekday.
 */
@Injectable()
export class WorkingDaysService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly days: WorkingDaysRepository,
    private readonly audit: AuditService,
  ) {}

  async get(month: string): Promise<WorkingDays> {
    const configured = await this.days.configured(month);
    const holidays = await this.days.weekdayHolidays(firstDay(month), lastDay(month));
    const weekdays = weekdaysOf(month).length;
    if (configured !== null) {
      return {
        month,
        workingDays: configured,
        source: 'CONFIGURED',
        holidays,
        formula: `ditetapkan instansi / configured: ${configured} hari kerja`,
      };
    }
    const days = Math.max(1, weekdays - holidays.length);
    return {
      month,
      workingDays: days,
      source: 'COMPUTED',
      holidays,
      formula: `${weekdays} hari Senin–Jumat − ${holidays.length} hari libur = ${days} hari kerja`,
    };
  }

  async set(month: string, body: unknown): Promise<WorkingDays> {
    requireMonth(month);
    const days = (body as { workingDays?: unknown } | null)?.workingDays;
    if (days !== null && !(Number.isInteger(days) && (days as number) >= 1 && (days as number) <= 23)) {
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'workingDays', problem: 'must be an integer 1..23, or null to use the weekday count minus holidays' },
      ]);
    }
    return this.txHost.withTransaction(async () => {
      const before = await this.get(month);
      await this.days.setConfigured(month, days as number | null);
      const after = await this.get(month);
      await this.audit.record({
        action: 'allowance.working-days.set',
        entityType: 'allowance_month',
        entityId: month,
        before,
        after,
      });
      return after;
    });
  }

  async listHolidays(year: string): Promise<{ items: { date: string; name: string }[] }> {
    if (!/^\d{4}$/.test(year))
      throw new InvalidInputError('Tahun tidak valid / invalid year', [{ field: 'year', problem: 'must be YYYY' }]);
    return { items: await this.days.holidays(`${year}-01-01`, `${year}-12-31`) };
  }

  async putHoliday(date: string, body: unknown): Promise<{ date: string; name: string }> {
    if (!isDate(date))
      throw new InvalidInputError('Tanggal tidak valid / invalid date', [
        { field: 'date', problem: 'must be a date YYYY-MM-DD' },
      ]);
    const name = (body as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 200)
      throw new InvalidInputError('Data tidak valid / invalid input', [
        { field: 'name', problem: 'must be a non-empty string (≤ 200)' },
      ]);
    return this.txHost.withTransaction(async () => {
      const before = await this.days.holidayName(date);
      await this.days.putHoliday(date, name.trim());
      await this.audit.record({
        action: 'allowance.holiday.set',
        entityType: 'allowance_holiday',
        entityId: date,
        before,
        after: { name: name.trim() },
      });
      return { date, name: name.trim() };
    });
  }

  async deleteHoliday(date: string): Promise<void> {
    if (!isDate(date))
      throw new InvalidInputError('Tanggal tidak valid / invalid date', [
        { field: 'date', problem: 'must be a date YYYY-MM-DD' },
      ]);
    await this.txHost.withTransaction(async () => {
      const deleted = await this.days.deleteHoliday(date);
      if (!deleted) throw new NotFoundError('Hari libur / holiday');
      await this.audit.record({
        action: 'allowance.holiday.deleted',
        entityType: 'allowance_holiday',
        entityId: date,
        before: deleted,
        after: null,
      });
    });
  }
}
