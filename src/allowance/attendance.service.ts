import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, type ErrorDetail } from '../common/domain-errors';
import { RequestContext } from '../common/request-context';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { OutboxService } from '../outbox/outbox.service';
import { AllowanceMonthsRepository } from './allowance-months.repository';
import { parseLeaveFields, type LeaveEntry } from './attendance-leave';
import { AttendanceRepository } from './attendance.repository';
import { requireMonth } from './months';
import { WorkingDaysService } from './working-days.service';
import type { AttendanceResult, AttendanceRowError } from './attendance.views';

export const MAX_ATTENDANCE_RECORDS = 10000;

interface AttendanceRecord {
  nip: string;
  /** Index of the NIP's first record (a duplicate's errors name the first one). */
  firstIndex: number;
  lateMinutes: (number | null)[];
  earlyLeaveMinutes: (number | null)[];
  absentDays: number;
  missedApel: number;
  leave: LeaveEntry[];
  fwaDays: number;
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
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly attendance: AttendanceRepository,
    private readonly months: AllowanceMonthsRepository,
    private readonly org: OrgDirectory,
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
      throw new InvalidInputError('Data tidak valid / invalid input', [
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
      const firstIndex = nip === null ? row : (seen.get(nip) ?? row);
      if (!nip) errors.push({ row: rn, nip: null, field: f('nip'), problem: 'must be an 18-digit NIP' });
      else if (firstIndex !== row)
        errors.push({
          row: rn,
          nip,
          field: f('nip'),
          problem: file ? `duplicate of row ${rowNo(firstIndex)}` : `duplicate of records[${firstIndex}]`,
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
          firstIndex,
          lateMinutes: late,
          earlyLeaveMinutes: early,
          absentDays: absent as number,
          missedApel: apel as number,
          leave,
          fwaDays,
        });
    });
    // Employee ids of the NIPs from the org directory: an unknown NIP is a row error.
    const idOf = records.length ? await this.org.idsOfNips(records.map((r) => r.nip)) : new Map<string, string>();
    const resolved: (AttendanceRecord & { employeeId: string })[] = [];
    for (const r of records) {
      const employeeId = idOf.get(r.nip);
      if (employeeId === undefined)
        errors.push({ row: rowNo(r.firstIndex), nip: r.nip, field: at(r.firstIndex, 'nip'), problem: 'unknown NIP' });
      else resolved.push({ ...r, employeeId });
    }
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      const details: ErrorDetail[] = errors.map((e) => ({
        field: e.field,
        problem: `${file ? `row ${e.row}: ` : ''}${e.nip ? `${e.problem} (NIP ${e.nip})` : e.problem}`,
      }));
      throw new InvalidInputError(
        `Presensi ditolak: ${errors.length} masalah, tidak ada yang disimpan / attendance rejected, nothing written`,
        details,
        { extra: { errors } },
      );
    }

    const { actor } = actorLabel(RequestContext.principal());
    return this.txHost.withTransaction(async () => {
      const monthStatus = (await this.months.status(month)) ?? 'OPEN';
      const stored = await this.attendance.lockStored(
        month,
        resolved.map((r) => r.employeeId),
      );
      const storedOf = new Map(stored.map((b) => [b.employee_id, b]));
      const written = await this.attendance.upsert(
        month,
        resolved.map((r) => ({
          employee_id: r.employeeId,
          late: r.lateMinutes,
          early: r.earlyLeaveMinutes,
          absent: r.absentDays,
          apel: r.missedApel,
          leave: r.leave,
          fwa: r.fwaDays,
        })),
        actor,
      );
      const created = written.filter((w) => w.inserted).length;
      const replacedIds = new Set(written.filter((w) => !w.inserted).map((w) => w.employee_id));
      await this.audit.recordMany([
        {
          action: 'attendance.ingested',
          entityType: 'attendance_month',
          entityId: month,
          before: null,
          after: {
            received: records.length,
            created,
            replaced: replacedIds.size,
            unchanged: records.length - written.length,
          },
        },
        // A replaced record has the stored one it replaced (locked above) for the audit's before.
        ...resolved.flatMap((r) => {
          const b = storedOf.get(r.employeeId);
          if (b === undefined || !replacedIds.has(r.employeeId)) return [];
          return [
            {
              action: 'attendance.replaced',
              entityType: 'attendance_month',
              entityId: `${r.nip}:${month}`,
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
            },
          ];
        }),
      ]);
      // New or changed attendance: the discipline ladder scan (PP 94) runs at once instead of at its next
      // tick. Same transaction as the rows; ids only (the scan reads what changed from attendance_months).
      if (written.length > 0) {
        const batchId = randomUUID();
        await this.outbox.add({
          type: 'AttendanceIngested',
          aggregateType: 'attendance_month',
          aggregateId: month,
          payload: { month, batchId },
          dedupeKey: `attendance-ingested:${batchId}`,
        });
      }
      return {
        month,
        received: records.length,
        created,
        replaced: replacedIds.size,
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
