/** A refused attendance row: which row, whose, which field and why. */
export interface AttendanceRowError {
  row: number;
  nip: string | null;
  field: string;
  problem: string;
}

/** What an attendance import did to the month. */
export interface AttendanceResult {
  month: string;
  received: number;
  created: number;
  replaced: number;
  unchanged: number;
  monthStatus: 'OPEN' | 'CLOSED';
  note?: string;
}
