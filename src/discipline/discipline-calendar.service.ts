import { Inject, Injectable } from '@nestjs/common';
import { AttendanceReader } from '../allowance/attendance-reader.repository';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { OrgDirectory } from '../org/org-directory.service';
import { DisciplineHolidaysRepository } from './discipline-holidays.repository';
import { ChainPerson, competentOfficial, CompetentOfficial, RecommendationLevel } from './discipline-policy.util';
import { HolidaysDto } from './dto/discipline.dto';
import type { DisciplineHolidays } from './dto/discipline-views.dto';

/**
 * Holiday calendar for discipline deadlines and effective dates (weekends are always excluded).
 * Days come from `discipline_holidays` (PUT /discipline/holidays/{year}) plus, when the allowance
 * feature is installed, its national holiday list (AttendanceReader), so one calendar serves both.
 */
@Injectable()
export class DisciplineCalendar {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly own: DisciplineHolidaysRepository,
    private readonly national: AttendanceReader,
    private readonly audit: AuditService,
  ) {}

  /** Every holiday (configured and national) between two dates, inclusive, once each and in order. */
  async holidays(from: string, to: string): Promise<string[]> {
    const national = await this.national.holidays(from, to);
    const own = await this.own.between(from, to);
    return [...new Set([...own, ...national])].sort();
  }

  /** Holidays from `from` through the next ~3 months: enough for 15 working days plus long breaks. */
  async holidaysAfter(from: string): Promise<string[]> {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 120);
    return this.holidays(from, d.toISOString().slice(0, 10));
  }

  async list(year: string): Promise<DisciplineHolidays> {
    if (!/^\d{4}$/.test(year))
      throw new InvalidInputError('Tahun tidak valid / invalid year', [{ field: 'year', problem: 'must be YYYY' }]);
    const own = await this.own.ofYear(Number(year));
    const all = await this.holidays(`${year}-01-01`, `${year}-12-31`);
    return { year: Number(year), holidays: own, effectiveCalendar: all };
  }

  /** Replaces the discipline holidays of a year. */
  async replace(year: string, dto: HolidaysDto): Promise<DisciplineHolidays> {
    if (!/^\d{4}$/.test(year))
      throw new InvalidInputError('Tahun tidak valid / invalid year', [{ field: 'year', problem: 'must be YYYY' }]);
    const bad = dto.holidays.map((h, i) => ({ h, i })).filter(({ h }) => !h.date.startsWith(`${year}-`));
    if (bad.length)
      throw new InvalidInputError(
        'Tanggal di luar tahun / date outside the year',
        bad.map(({ i }) => ({ field: `holidays[${i}].date`, problem: `must be in ${year}` })),
      );
    const days = new Set<string>();
    const dup = dto.holidays
      .map((h, i) => ({ h, i }))
      .filter(({ h }) => (days.has(h.date) ? true : (days.add(h.date), false)));
    if (dup.length)
      throw new InvalidInputError(
        'Tanggal ganda / duplicate date',
        dup.map(({ i }) => ({ field: `holidays[${i}].date`, problem: 'duplicate' })),
      );
    await this.txHost.withTransaction(async () => {
      const before = await this.own.ofYear(Number(year));
      await this.own.replaceYear(Number(year), dto.holidays);
      await this.audit.record({
        action: 'discipline.holidays.replace',
        entityType: 'discipline_holidays',
        entityId: year,
        before,
        after: dto.holidays,
      });
    });
    return this.list(year);
  }
}

/** Finds the chain of superiors on a date and the competent official per level (PP 94/2021, INFERRED mapping). */
@Injectable()
export class CompetentOfficials {
  constructor(private readonly org: OrgDirectory) {}

  async chain(employeeId: string, onDate: string): Promise<ChainPerson[]> {
    const out: ChainPerson[] = [];
    const seen = new Set<string>([employeeId]);
    let cur = employeeId;
    for (let i = 0; i < 12; i++) {
      const sup = await this.org.ppkOf(cur, onDate);
      if (!sup || seen.has(sup)) break;
      const s = await this.org.snapshotById(sup, onDate);
      if (!s) break;
      out.push({
        employeeId: s.employeeId,
        nip: s.nip,
        name: s.name,
        positionKind: s.positionKind,
        positionTitle: s.positionTitle,
      });
      seen.add(sup);
      cur = sup;
    }
    return out;
  }

  /** The officials for the given levels (all three PP 94 levels when the level is not yet known). */
  async forLevels(
    employeeId: string,
    subject: { positionKind: string; jenjang: string | null },
    levels: RecommendationLevel[],
    onDate: string,
  ): Promise<CompetentOfficial[]> {
    const chain = await this.chain(employeeId, onDate);
    return levels.map((l) => competentOfficial(l, subject, chain));
  }
}
