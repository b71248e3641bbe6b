import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiError, ErrorDetail } from '../common/api-error';
import { RequestContext } from '../common/request-context';
import { actorLabel } from '../identity/principal';
import { OutboxService } from '../outbox/outbox.service';
import { parseLeaveFields, type LeaveEntry } from './attendance-leave';
import { requireMonth } from './months';
import { WorkingDaysService } from './working-days.service';

export const MAX_ATTENDANCE_RECORDS = 10000;

interface AttendanceRecord {
  nip: string;
  lateMinutes: (number | null)[];
  earlyLeaveMinutes: (number | null)[];
  absentDays: number;
  missedApel: number;
  leave: LeaveEntry[];
  fwaDays: number;
}

export interface AttendanceRowError {
  row: number;
  nip: string | null;
  field: string;
  problem: string;
}

export interface AttendanceResult {
  month: string;
  received: number;
  created: number;
  replaced: number;
  unchanged: number;
  monthStatus: 'OPEN' | 'CLOSED';
  note?: string;
}

function minutesList(
  v: unknown,
  field: string,
  row: number,
  nip: string | null,
  errors: AttendanceRowError[],
): (number | null)[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 62) {
    errors.push({
      row,
      nip,
      field,
      problem: 'must be an array (≤ 62 items) of minutes (integers ≥ 1) or null for no check-in',
    });
    return [];
  }
  v.forEach((x, i) => {
    if (x !== null && !(Number.isInteger(x) && x >= 0 && x <= 1440))
      errors.push({ row, nip, field: `${field}[${i}]`, problem: 'must be an integer 0..1440 or null (no check-in)' });
  });
  return v as (number | null)[];
}

/**
 * POST /attendance: monthly attendance per employee, idempotent per (nip, month) — a resend
 * replaces the record. All-or-nothing: any unknown NIP or bad row → 400 listing every row, nothing written.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly workingDays: WorkingDaysService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * `file`: the records come from a CSV/.xlsx upload; errors then name the file's data row (1-based,
   * the header is row 0) and the column, instead of `records[i].field`.
   */
  async ingest(raw: unknown, file?: { rowNumbers: number[] }): Promise<AttendanceResult> {
    const rowNo = (i: number) => (file ? file.rowNumbers[i] : i);
    const at = (i: number, name?: string) =>
      file ? (name ?? 'row') : name ? `records[${i}].${name}` : `records[${i}]`;
    const body = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
    const month = requireMonth(body.month);
    if (!Array.isArray(body.records) || body.records.length === 0 || body.records.length > MAX_ATTENDANCE_RECORDS) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'Data tidak valid / invalid input', [
        { field: 'records', problem: `must be a non-empty array of at most ${MAX_ATTENDANCE_RECORDS} records` },
      ]);
    }
    const wd = await this.workingDays.get(month);
    const errors: AttendanceRowError[] = [];
    const records: AttendanceRecord[] = [];
    const seen = new Map<string, number>();
    body.records.forEach((r: unknown, row) => {
      if (typeof r !== 'object' || r === null || Array.isArray(r)) {
        errors.push({ row: rowNo(row), nip: null, field: at(row), problem: 'must be an object' });
        return;
      }
      const o = r as Record<string, unknown>;
      const nip = typeof o.nip === 'string' && /^\d{18}$/.test(o.nip) ? o.nip : null;
      const f = (name: string) => at(row, name);
      const rn = rowNo(row);
      if (!nip) errors.push({ row: rn, nip: null, field: f('nip'), problem: 'must be an 18-digit NIP' });
      else if (seen.has(nip))
        errors.push({
          row: rn,
          nip,
          field: f('nip'),
          problem: file ? `duplicate of row ${rowNo(seen.get(nip)!)}` : `duplicate of records[${seen.get(nip)}]`,
        });
      else seen.set(nip, row);
      for (const k of Object.keys(o)) {
        if (!['nip', 'lateMinutes', 'earlyLeaveMinutes', 'absentDays', 'missedApel', 'leave', 'fwaDays'].includes(k))
          errors.push({ row: rn, nip, field: f(k), problem: 'unknown field' });
      }
      const late = minutesList(o.lateMinutes, f('lateMinutes'), rn, nip, errors);
      const early = minutesList(o.earlyLeaveMinutes, f('earlyLeaveMinutes'), rn, nip, errors);
      const absent = o.absentDays ?? 0;
      if (!Number.isInteger(absent) || (absent as number) < 0 || (absent as number) > wd.workingDays) {
        errors.push({
          row: rn,
          nip,
          field: f('absentDays'),
          problem: `must be an integer 0..${wd.workingDays} (working days in ${month})`,
        });
      }
      const apel = o.missedApel ?? 0;
      if (!Number.isInteger(apel) || (apel as number) < 0 || (apel as number) > 31)
        errors.push({ row: rn, nip, field: f('missedApel'), problem: 'must be an integer 0..31' });
      const absentOk = Number.isInteger(absent) ? (absent as number) : 0;
      const { leave, fwaDays } = parseLeaveFields(o, f, rn, nip, wd.workingDays, absentOk, errors);
      if (nip)
        records.push({
          nip,
          lateMinutes: late,
          earlyLeaveMinutes: early,
          absentDays: absent as number,
          missedApel: apel as number,
          leave,
          fwaDays,
        });
    });
    if (records.length) {
      const known: { nip: string }[] = await this.dataSource.query(
        `SELECT nip FROM employees WHERE nip = ANY($1::text[])`,
        [records.map((r) => r.nip)],
      );
      const knownSet = new Set(known.map((k) => k.nip));
      for (const r of records) {
        if (!knownSet.has(r.nip))
          errors.push({
            row: rowNo(seen.get(r.nip)!),
            nip: r.nip,
            field: at(seen.get(r.nip)!, 'nip'),
            problem: 'unknown NIP',
          });
      }
    }
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      const details: ErrorDetail[] = errors.map((e) => ({
        field: e.field,
        problem: `${file ? `row ${e.row}: ` : ''}${e.nip ? `${e.problem} (NIP ${e.nip})` : e.problem}`,
      }));
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        `Presensi ditolak: ${errors.length} masalah, tidak ada yang disimpan / attendance rejected, nothing written`,
        details,
        { errors },
      );
    }

    const { actor } = actorLabel(RequestContext.principal());
    return this.dataSource.transaction(async (m) => {
      const [monthRow]: { status: 'OPEN' | 'CLOSED' }[] = await m.query(
        `SELECT status FROM allowance_months WHERE month = $1`,
        [month],
      );
      const payload = JSON.stringify(
        records.map((r) => ({
          nip: r.nip,
          late: r.lateMinutes,
          early: r.earlyLeaveMinutes,
          absent: r.absentDays,
          apel: r.missedApel,
          leave: r.leave,
          fwa: r.fwaDays,
        })),
      );
      const before: {
        nip: string;
        late: (number | null)[];
        early: (number | null)[];
        absent: number;
        apel: number;
        leave: LeaveEntry[];
        fwa: number;
      }[] = await m.query(
        `SELECT e.nip, a.late_minutes AS late, a.early_leave_minutes AS early, a.absent_days AS absent, a.missed_apel AS apel,
                  a.leave, a.fwa_days AS fwa
           FROM attendance_months a JOIN employees e ON e.id = a.employee_id
          WHERE a.month = $1 AND e.nip = ANY($2::text[]) FOR UPDATE OF a`,
        [month, records.map((r) => r.nip)],
      );
      const written: { nip: string; inserted: boolean }[] = await m.query(
        `INSERT INTO attendance_months AS t (employee_id, month, late_minutes, early_leave_minutes, absent_days, missed_apel, leave, fwa_days, updated_by)
         SELECT e.id, $1, r.late, r.early, r.absent, r.apel, r.leave, r.fwa, $3
           FROM jsonb_to_recordset($2::jsonb) AS r(nip text, late int[], early int[], absent int, apel int, leave jsonb, fwa int)
           JOIN employees e ON e.nip = r.nip
         ON CONFLICT (employee_id, month) DO UPDATE SET
           late_minutes = EXCLUDED.late_minutes, early_leave_minutes = EXCLUDED.early_leave_minutes,
           absent_days = EXCLUDED.absent_days, missed_apel = EXCLUDED.missed_apel,
           leave = EXCLUDED.leave, fwa_days = EXCLUDED.fwa_days,
           revision = t.revision + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
         WHERE (t.late_minutes, t.early_leave_minutes, t.absent_days, t.missed_apel, t.leave, t.fwa_days)
               IS DISTINCT FROM (EXCLUDED.late_minutes, EXCLUDED.early_leave_minutes, EXCLUDED.absent_days, EXCLUDED.missed_apel,
                                 EXCLUDED.leave, EXCLUDED.fwa_days)
         RETURNING (SELECT nip FROM employees WHERE id = t.employee_id) AS nip, (xmax = 0) AS inserted`,
        [month, payload, actor],
      );
      const created = written.filter((w) => w.inserted).length;
      const replacedNips = new Set(written.filter((w) => !w.inserted).map((w) => w.nip));
      const byNip = new Map(records.map((r) => [r.nip, r]));
      await this.audit.recordMany(m, [
        {
          action: 'attendance.ingested',
          entityType: 'attendance_month',
          entityId: month,
          before: null,
          after: {
            received: records.length,
            created,
            replaced: replacedNips.size,
            unchanged: records.length - written.length,
          },
        },
        ...before
          .filter((b) => replacedNips.has(b.nip))
          .map((b) => {
            const r = byNip.get(b.nip)!;
            return {
              action: 'attendance.replaced',
              entityType: 'attendance_month',
              entityId: `${b.nip}:${month}`,
              before: {
                lateMinutes: b.late,
                earlyLeaveMinutes: b.early,
                absentDays: b.absent,
                missedApel: b.apel,
                leave: b.leave,
                fwaDays: b.fwa,
              },
              after: {
                lateMinutes: r.lateMinutes,
                earlyLeaveMinutes: r.earlyLeaveMinutes,
                absentDays: r.absentDays,
                missedApel: r.missedApel,
                leave: r.leave,
                fwaDays: r.fwaDays,
              },
            };
          }),
      ]);
      // New or changed attendance: the discipline ladder scan (PP 94) runs at once instead of at its next
      // tick. Same transaction as the rows; ids only (the scan reads what changed from attendance_months).
      if (written.length > 0) {
        const batchId = randomUUID();
        await this.outbox.add(m, {
          type: 'AttendanceIngested',
          aggregateType: 'attendance_month',
          aggregateId: month,
          payload: { month, batchId },
          dedupeKey: `attendance-ingested:${batchId}`,
        });
      }
      const monthStatus = monthRow?.status ?? 'OPEN';
      return {
        month,
        received: records.length,
        created,
        replaced: replacedNips.size,
        unchanged: records.length - written.length,
        monthStatus,
        ...(monthStatus === 'CLOSED'
          ? {
              note: 'Bulan sudah ditutup: angka tidak berubah; jalankan ulang untuk membuat penyesuaian di bulan terbuka berikutnya / month closed: figures stay; a re-run creates adjustments in the next open month',
            }
          : {}),
      };
    });
  }
}
