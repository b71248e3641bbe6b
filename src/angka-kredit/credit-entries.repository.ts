import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { LedgerEntry } from '../rules';

export interface CreditEntryRow {
  employeeId: string;
  /** Version of the stored ledger the entry comes from. */
  ledgerVersion: number;
  entry: Omit<LedgerEntry, 'explanation'>;
}

/**
 * Published reader: the stored angka kredit ledger entries (open ledger and closed jenjang ledgers)
 * whose covered months end in a year. The SIASN exchange builds `angkakredit/save` rows from these.
 */
@Injectable()
export class CreditEntriesReader extends BaseRepository {
  async entriesEndingIn(year: number, employeeIds: string[] | undefined): Promise<CreditEntryRow[]> {
    const rows: { employee_id: string; version: number; entries: LedgerEntry[] | null }[] = await this.db().query(
      `SELECT l.employee_id, l.version,
              COALESCE(h.result->'ledger'->'allEntries', '[]'::jsonb)
                || COALESCE((SELECT jsonb_agg(x) FROM jsonb_array_elements(COALESCE(h.result->'ledger'->'closed', '[]'::jsonb)) c,
                                  jsonb_array_elements(COALESCE(c->'entries', '[]'::jsonb)) x), '[]'::jsonb) AS entries
         FROM ak_ledgers l
         JOIN ak_ledger_history h ON h.employee_id = l.employee_id AND h.version = l.version
        WHERE $1::uuid[] IS NULL OR l.employee_id = ANY($1::uuid[])
        ORDER BY l.employee_id`,
      [employeeIds ?? null],
    );
    const out: CreditEntryRow[] = [];
    for (const r of rows)
      for (const e of r.entries ?? []) {
        if (!e.toMonth || Number(e.toMonth.slice(0, 4)) !== year) continue;
        const { explanation: _x, ...entry } = e;
        out.push({ employeeId: r.employee_id, ledgerVersion: r.version, entry });
      }
    return out;
  }
}
