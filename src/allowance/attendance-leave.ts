import type { AttendanceRowError } from './attendance.views';

/** One leave of the month as recorded: `type` null = the kind was not recorded (LEAVE_KIND_MISSING on the line). */
export interface LeaveEntry {
  type: string | null;
  days: number;
  childOrder?: number;
}

const LEAVE_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/**
 * Validates `leave` (04 §5.2 leave kinds: CUTI_TAHUNAN, CUTI_SAKIT, CUTI_BESAR, CUTI_MELAHIRKAN with
 * `childOrder`, CUTI_CAP, CLTN …; the rule set's leaveRules say what each costs) and `fwaDays` (approved
 * flexible-work days among absentDays, PermenPANRB 4/2025) of one attendance record.
 */
export function parseLeaveFields(
  o: Record<string, unknown>,
  f: (name: string) => string,
  row: number,
  nip: string | null,
  workingDays: number,
  absentDays: number,
  errors: AttendanceRowError[],
): { leave: LeaveEntry[]; fwaDays: number } {
  const leave: LeaveEntry[] = [];
  if (o.leave !== undefined && o.leave !== null) {
    if (!Array.isArray(o.leave) || o.leave.length > 31)
      errors.push({
        row,
        nip,
        field: f('leave'),
        problem: 'must be an array (≤ 31 items) of { type, days, childOrder? }',
      });
    else
      o.leave.forEach((raw: unknown, i) => {
        const at = (k: string) => `${f('leave')}[${i}].${k}`;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
          errors.push({
            row,
            nip,
            field: `${f('leave')}[${i}]`,
            problem: 'must be an object { type, days, childOrder? }',
          });
          return;
        }
        const x = raw as Record<string, unknown>;
        for (const k of Object.keys(x))
          if (!['type', 'days', 'childOrder'].includes(k))
            errors.push({ row, nip, field: at(k), problem: 'unknown field' });
        const type = x.type === undefined || x.type === null ? null : x.type;
        if (type !== null && (typeof type !== 'string' || !LEAVE_CODE.test(type)))
          errors.push({
            row,
            nip,
            field: at('type'),
            problem: 'must be a leave code (A–Z, 0–9, _, e.g. CUTI_SAKIT) or null when the kind is not recorded',
          });
        if (!Number.isInteger(x.days) || (x.days as number) < 1 || (x.days as number) > 31)
          errors.push({ row, nip, field: at('days'), problem: 'must be an integer 1..31' });
        if (
          x.childOrder !== undefined &&
          x.childOrder !== null &&
          !(Number.isInteger(x.childOrder) && (x.childOrder as number) >= 1)
        )
          errors.push({
            row,
            nip,
            field: at('childOrder'),
            problem: 'must be an integer ≥ 1 (the child born, for CUTI_MELAHIRKAN)',
          });
        leave.push({
          type: type as string | null,
          days: x.days as number,
          ...(x.childOrder === undefined || x.childOrder === null ? {} : { childOrder: x.childOrder as number }),
        });
      });
    const total = leave.reduce((s, l) => s + (Number.isInteger(l.days) ? l.days : 0), 0);
    if (total > workingDays)
      errors.push({
        row,
        nip,
        field: f('leave'),
        problem: `leave days (${total}) exceed the ${workingDays} working days of the month`,
      });
  }
  const fwa = o.fwaDays ?? 0;
  if (!Number.isInteger(fwa) || (fwa as number) < 0 || (fwa as number) > absentDays)
    errors.push({
      row,
      nip,
      field: f('fwaDays'),
      problem: `must be an integer 0..${absentDays} (approved flexible-work days among absentDays)`,
    });
  return { leave, fwaDays: fwa as number };
}

/**
 * A file cell of leave: items separated by spaces or `|`, each `TYPE:days` or `TYPE:days:childOrder`;
 * `-` for a kind not recorded (`-:2`). A bad token is passed on as read, so it is reported.
 */
export function leaveCell(cell: string): unknown {
  if (cell === '') return [];
  return cell
    .split(/[|\s]+/)
    .filter(Boolean)
    .map((tok) => {
      const m = /^([A-Za-z0-9_-]+):(\d+)(?::(\d+))?$/.exec(tok);
      if (!m) return tok;
      // The child order group is optional: undefined when the token has no third part.
      const childOrder = m.at(3);
      return {
        type: m[1] === '-' ? null : m[1],
        days: Number(m[2]),
        ...(childOrder === undefined ? {} : { childOrder: Number(childOrder) }),
      };
    });
}
