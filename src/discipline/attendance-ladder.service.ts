import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-errors';
import { AttendanceReader } from '../allowance/attendance-reader.repository';
import { RuleSetResolver } from '../allowance/rule-set-resolver.service';
import { Clock } from '../common/clock';
import { attendanceLadder, SANCTION_CATALOGUE } from '../rules';
import { attendanceRungFrom } from './discipline-case.util';
import { DisciplineCasesRepository } from './discipline-cases.repository';
import { DisciplineIntakeService } from './discipline-intake.service';
import { monthEnd } from '../rules/common/dates';

/**
 * PP 94/2021 attendance ladder over the monthly attendance the allowance feature ingests (read
 * through its AttendanceReader): per employee and calendar year, unexcused days + floor(late/early minutes /
 * minutesPerTmkDay of the employee's allowance rule set, else the discipline default 450)
 * against the ladder; crossing a rung opens one ATTENDANCE case (unique per employee, year and rung).
 * Incremental: only employees whose attendance changed since the last scan (with an overlap window, so
 * rows committed late are not missed; re-checking is harmless).
 */
@Injectable()
export class AttendanceLadderScan {
  constructor(
    private readonly intake: DisciplineIntakeService,
    private readonly cases: DisciplineCasesRepository,
    private readonly attendance: AttendanceReader,
    private readonly clock: Clock,
    private readonly ruleSets: RuleSetResolver,
  ) {}

  /** Runs in the caller's transaction (the job's). */
  async scan(): Promise<{
    checked: number;
    opened: string[];
    problems?: { employeeId: string; problem: string }[];
    skipped?: string;
  }> {
    if (!(await this.attendance.installed()))
      return { checked: 0, opened: [], skipped: 'no attendance_months table (allowance feature not installed)' };
    // Serialises scans (the repeatable job and event-triggered ones).
    const watermark = await this.cases.lockScanWatermark();
    const rows = await this.attendance.yearTotalsChangedSince(watermark);
    const today = this.clock.today();
    const opened: string[] = [];
    const problems: { employeeId: string; problem: string }[] = [];
    let newMark: Date | null = null;
    // minutesPerTmkDay is a field of the employee's allowance rule set (03 §11.2, §12.2).
    const minutesPerTmkDay = new Map<string, number>();
    for (const month of new Set(rows.map((r) => r.last_month))) {
      const sets = await this.ruleSets.forEmployees(
        rows.filter((r) => r.last_month === month).map((r) => r.employee_id),
        month,
      );
      for (const [id, rs] of sets) if (rs) minutesPerTmkDay.set(`${id}:${month}`, rs.minutesPerTmkDay);
    }
    for (const r of rows) {
      if (!newMark || r.last_seen > newMark) newMark = r.last_seen;
      const occurredOn = monthEnd(r.last_month) < today ? monthEnd(r.last_month) : today;
      const perDay = minutesPerTmkDay.get(`${r.employee_id}:${r.last_month}`);
      const ladder = attendanceLadder(
        { cumulativeDays: r.days, lateEarlyMinutes: r.minutes, onDate: occurredOn },
        perDay === undefined ? undefined : { minutesPerTmkDay: perDay },
      );
      if (!ladder.opensCase || !ladder.sanction) continue;
      const prevRung = await this.cases.highestAttendanceRung(r.employee_id, r.year);
      const rungFrom = attendanceRungFrom(ladder, occurredOn);
      if (prevRung !== null && prevRung >= rungFrom) continue;
      let id: string | null;
      try {
        id = await this.intake.open(
          {
            employeeId: r.employee_id,
            kind: 'ATTENDANCE',
            act: 'TK',
            stage: null,
            occurredOn,
            reportedOn: today,
            reportedBy: 'Sistem: pemindaian presensi bulanan (PP 94/2021)',
            evidenceUrls: [],
            description: `${r.days} hari tidak masuk kerja tanpa alasan sah + ${r.minutes} menit terlambat/pulang cepat pada ${r.year} (s.d. ${r.last_month}) = ${ladder.equivalentDays} hari: ${SANCTION_CATALOGUE[ladder.sanction].labelId} (${ladder.level})`,
            attendance: {
              cumulativeDays: r.days,
              lateEarlyMinutes: r.minutes,
              year: r.year,
              minutesPerTmkDay: perDay,
              facts: { throughMonth: r.last_month, source: 'attendance_months', minutesPerTmkDay: perDay ?? null },
            },
          },
          true,
        );
      } catch (err) {
        // Checked before any write (e.g. no position on the date): report it, keep scanning the others.
        if (err instanceof DomainError) {
          problems.push({ employeeId: r.employee_id, problem: err.message });
          continue;
        }
        throw err;
      }
      if (id) opened.push(id);
    }
    if (newMark) await this.cases.advanceScanWatermark(newMark);
    return { checked: rows.length, opened, problems };
  }
}
