import { parse } from 'csv-parse/sync';
import { InvalidInputError } from '../common/domain-errors';
import { leaveCell } from './attendance-leave';

/** Columns of an attendance file (CSV or the first sheet of an .xlsx), named as the JSON record fields. */
export const ATTENDANCE_COLUMNS = [
  'nip',
  'lateMinutes',
  'earlyLeaveMinutes',
  'absentDays',
  'missedApel',
  'leave',
  'fwaDays',
] as const;

export interface AttendanceFileRecords {
  records: Record<string, unknown>[];
  /** data row number (1-based; the header is row 0) of each record */
  rowNumbers: number[];
}

export function csvRows(text: string): string[][] {
  try {
    return parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      delimiter: [',', ';'],
    });
  } catch (err) {
    throw new InvalidInputError('CSV tidak dapat dibaca / malformed CSV', [
      { field: 'body', problem: (err as Error).message },
    ]);
  }
}

/**
 * File rows → the records POST /attendance validates (the same all-or-nothing checks as JSON).
 * Minutes lists are written in one cell separated by commas, semicolons or spaces ("12, 45");
 * `-` stands for a day without check-in (null). `leave` is `TYPE:days[:childOrder]` items separated by
 * spaces or `|` (`CUTI_SAKIT:2 CUTI_MELAHIRKAN:3:2`; `-:1` = kind not recorded). Cells are passed on as read, so a bad one is reported.
 */
export function attendanceRecordsFromRows(rows: string[][]): AttendanceFileRecords {
  const [header = [], ...data] = rows;
  const keys = header.map((h) => ATTENDANCE_COLUMNS.find((c) => c.toLowerCase() === h.trim().toLowerCase()));
  const problems = header.flatMap((h, i) =>
    keys[i]
      ? []
      : [
          {
            row: 0,
            nip: null,
            field: h || `column ${i + 1}`,
            problem: `unknown column; expected ${ATTENDANCE_COLUMNS.join(', ')}`,
          },
        ],
  );
  if (!keys.includes('nip')) problems.push({ row: 0, nip: null, field: 'nip', problem: 'required column missing' });
  if (problems.length) {
    throw new InvalidInputError(
      'Presensi ditolak: kolom berkas tidak dikenal, tidak ada yang disimpan / attendance rejected: bad header, nothing written',
      problems.map((p) => ({ field: p.field, problem: `row 0: ${p.problem}` })),
      { extra: { errors: problems } },
    );
  }
  const records = data.map((cells) => {
    const rec: Record<string, unknown> = {};
    keys.forEach((k, i) => {
      const cell = (cells[i] ?? '').trim();
      if (!k) return;
      if (k === 'nip') rec.nip = cell;
      else if (k === 'lateMinutes' || k === 'earlyLeaveMinutes')
        rec[k] =
          cell === ''
            ? []
            : cell
                .split(/[,;\s]+/)
                .filter(Boolean)
                .map(minutesToken);
      else if (k === 'leave') rec.leave = leaveCell(cell);
      else if (cell !== '') rec[k] = /^\d+$/.test(cell) ? Number(cell) : cell;
    });
    return rec;
  });
  return { records, rowNumbers: data.map((_, i) => i + 1) };
}

const minutesToken = (t: string): number | null | string => (t === '-' ? null : /^\d+$/.test(t) ? Number(t) : t);
