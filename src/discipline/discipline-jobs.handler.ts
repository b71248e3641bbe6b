import { HttpException, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ruleSetsForEmployees } from '../allowance/rule-set-resolver';
import { Clock } from '../common/clock';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { OutcomeStore } from '../outcomes/outcome-store';
import {
  ATTENDANCE_LADDER_TABLE,
  attendanceLadder,
  deriveOutcomes,
  selectVersion,
  SANCTION_CATALOGUE,
  type EmployeeStatus,
  type Sanction,
} from '../rules';
import { DisciplineIntakeService } from './discipline-intake.service';
import { DisciplineSweepsService } from './discipline-sweeps.service';

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * PP 94/2021 attendance ladder over the monthly attendance the allowance feature ingests
 * (`attendance_months`): per employee and calendar year, unexcused days + floor(late/early minutes /
 * minutesPerTmkDay of the employee's allowance rule set, else the discipline default 450)
 * against the ladder; crossing a rung opens one ATTENDANCE case (unique per employee, year and rung).
 * Incremental: only employees whose attendance changed since the last scan (with an overlap window, so
 * rows committed late are not missed; re-checking is harmless).
 */
@Injectable()
export class AttendanceLadderScan {
  constructor(
    private readonly cases: DisciplineIntakeService,
    private readonly clock: Clock,
  ) {}

  async scan(m: EntityManager): Promise<{
    checked: number;
    opened: string[];
    problems?: { employeeId: string; problem: string }[];
    skipped?: string;
  }> {
    const [{ present }] = await m.query(`SELECT to_regclass('attendance_months') IS NOT NULL AS present`);
    if (!present)
      return { checked: 0, opened: [], skipped: 'no attendance_months table (allowance feature not installed)' };
    await m.query(
      `INSERT INTO discipline_scan_state (name, watermark) VALUES ('attendance', '-infinity') ON CONFLICT (name) DO NOTHING`,
    );
    // Serialises scans (the repeatable job and event-triggered ones).
    const [{ watermark }] = await m.query(
      `SELECT watermark FROM discipline_scan_state WHERE name = 'attendance' FOR UPDATE`,
    );
    const rows: {
      employee_id: string;
      year: number;
      days: number;
      minutes: number;
      last_month: string;
      last_seen: Date;
    }[] = await m.query(
      `WITH changed AS (
         SELECT employee_id, left(month, 4)::int AS year, max(updated_at) AS last_seen FROM attendance_months
          WHERE updated_at > $1::timestamptz - interval '15 minutes' GROUP BY 1, 2)
       SELECT a.employee_id, ch.year, sum(a.absent_days)::int AS days,
              sum((SELECT coalesce(sum(x), 0) FROM unnest(a.late_minutes) x) + (SELECT coalesce(sum(x), 0) FROM unnest(a.early_leave_minutes) x))::int AS minutes,
              max(a.month) AS last_month, ch.last_seen
         FROM attendance_months a JOIN changed ch ON ch.employee_id = a.employee_id AND left(a.month, 4)::int = ch.year
        GROUP BY a.employee_id, ch.year, ch.last_seen`,
      [watermark],
    );
    const today = this.clock.today();
    const opened: string[] = [];
    const problems: { employeeId: string; problem: string }[] = [];
    let newMark: Date | null = null;
    // minutesPerTmkDay is a field of the employee's allowance rule set (03 §11.2, §12.2).
    const minutesPerTmkDay = new Map<string, number>();
    for (const month of new Set(rows.map((r) => r.last_month))) {
      const sets = await ruleSetsForEmployees(
        m,
        rows.filter((r) => r.last_month === month).map((r) => r.employee_id),
        month,
      );
      for (const [id, rs] of sets) if (rs) minutesPerTmkDay.set(`${id}:${month}`, rs.minutesPerTmkDay);
    }
    for (const r of rows) {
      if (!newMark || r.last_seen > newMark) newMark = r.last_seen;
      const occurredOn = lastDayOfMonth(r.last_month) < today ? lastDayOfMonth(r.last_month) : today;
      const perDay = minutesPerTmkDay.get(`${r.employee_id}:${r.last_month}`);
      const ladder = attendanceLadder(
        { cumulativeDays: r.days, lateEarlyMinutes: r.minutes, onDate: occurredOn },
        perDay === undefined ? undefined : { minutesPerTmkDay: perDay },
      );
      if (!ladder.opensCase || !ladder.sanction) continue;
      const [prev]: { rung: number | null }[] = await m.query(
        `SELECT max(attendance_rung)::int AS rung FROM discipline_cases WHERE employee_id = $1 AND attendance_year = $2`,
        [r.employee_id, r.year],
      );
      const rungFrom = ladder.salaryStopNextMonth
        ? 1000
        : selectVersion(ATTENDANCE_LADDER_TABLE, occurredOn).data.rungs.find((x) => x.sanction === ladder.sanction)!
            .fromDays;
      if (prev?.rung !== null && prev?.rung !== undefined && prev.rung >= rungFrom) continue;
      let id: string | null;
      try {
        id = await this.cases.open(
          m,
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
        if (err instanceof HttpException) {
          problems.push({ employeeId: r.employee_id, problem: err.message });
          continue;
        }
        throw err;
      }
      if (id) opened.push(id);
    }
    if (newMark)
      await m.query(
        `UPDATE discipline_scan_state SET watermark = GREATEST(watermark, $1::timestamptz) WHERE name = 'attendance'`,
        [newMark],
      );
    return { checked: rows.length, opened, problems };
  }
}

/** Background work of discipline cases: effects exactly once, the sweep, and the attendance ladder scan. */
@Injectable()
export class DisciplineJobsHandler {
  constructor(
    private readonly cases: DisciplineSweepsService,
    private readonly scanner: AttendanceLadderScan,
    private readonly outcomes: OutcomeStore,
    private readonly clock: Clock,
  ) {}

  /**
   * DisciplineEffective → the sanction row other features read (`discipline_sanctions`) and the
   * outcomes (ALLOWANCE_CUT, KGB_DELAYED, KP_DELAYED, DEMOTION, DISMISSAL_RECOMMENDED, …). Both are
   * keyed by the case, so a replayed event changes nothing.
   */
  @JobHandler('discipline.apply-effects')
  async applyEffects(payload: Record<string, unknown>, ctx: JobContext) {
    const rows: {
      id: string;
      employee_id: string;
      kind: string;
      status: string;
      sanction: Sanction;
      decided_on: string;
      effective_from: string;
      effective_to: string | null;
      decision_ref: string | null;
      nip: string;
      emp_status: EmployeeStatus;
    }[] = await ctx.manager.query(
      `SELECT c.id, c.employee_id, c.kind, c.status, c.decided_sanction AS sanction, to_char(c.decided_on,'YYYY-MM-DD') AS decided_on,
                to_char(c.effective_from,'YYYY-MM-DD') AS effective_from, to_char(c.effective_to,'YYYY-MM-DD') AS effective_to, c.decision_ref, e.nip, e.status AS emp_status
           FROM discipline_cases c JOIN employees e ON e.id = c.employee_id WHERE c.id = $1`,
      [payload.caseId],
    );
    const c = rows[0];
    if (!c || !['EFFECTIVE', 'ENDED'].includes(c.status) || !c.sanction || !c.effective_from)
      return { skipped: 'case not effective' };
    const info = SANCTION_CATALOGUE[c.sanction];
    const inserted = await ctx.manager.query(
      `INSERT INTO discipline_sanctions (case_id, employee_id, kind, sanction, level, months, allowance_cut, decided_on, effective_from, effective_to, decision_ref)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT (case_id) DO NOTHING RETURNING id`,
      [
        c.id,
        c.employee_id,
        c.kind,
        c.sanction,
        info.level,
        info.months,
        info.allowanceCut ?? null,
        c.decided_on,
        c.effective_from,
        c.effective_to,
        c.decision_ref,
      ],
    );
    const { outcomes } = deriveOutcomes({
      nip: c.nip,
      employeeStatus: c.emp_status,
      asOf: this.clock.today(),
      decisions: [{ id: c.id, sanction: c.sanction, decidedOn: c.decided_on, effectiveFrom: c.effective_from }],
    });
    const created = await this.outcomes.saveAll(ctx.manager, c.employee_id, outcomes, c.effective_from.slice(0, 4));
    return { sanctionRow: inserted.length === 1, outcomesCreated: created, outcomeTypes: outcomes.map((o) => o.type) };
  }

  /** Repeatable: effective dates reached, sanctions ended, overdue steps flagged, escalations recorded. */
  @JobHandler('discipline.sweep')
  async sweep(_payload: Record<string, unknown>, ctx: JobContext) {
    const today = this.clock.today();
    const moved = await this.cases.advanceDue(ctx.manager, today);
    const flagged = await this.cases.flagOverdue(ctx.manager, today);
    return { today, effective: moved.effective.length, ended: moved.ended.length, ...flagged };
  }

  /** Repeatable, and on AttendanceIngested: the PP 94 attendance ladder over newly ingested attendance. */
  @JobHandler('discipline.scan-attendance')
  async scanAttendance(_payload: Record<string, unknown>, ctx: JobContext) {
    return this.scanner.scan(ctx.manager);
  }
}
