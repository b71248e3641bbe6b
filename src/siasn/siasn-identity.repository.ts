import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export type IdentitySource = 'CSV' | 'JSON' | 'SIASN';

export interface RwJabatanRow {
  nip: string;
  tmtJabatan: string;
  rwJabatanId: string;
  jabatanNama: string | null;
}

/** SQL of the identity mapping (siasn_identities, siasn_rw_jabatan). */
@Injectable()
export class SiasnIdentityRepository extends BaseRepository {
  async upsertIdentities(rows: { nip: string; siasnPnsId: string }[], source: IdentitySource) {
    if (rows.length === 0) return;
    await this.db().query(
      `INSERT INTO siasn_identities (nip, siasn_pns_id, source)
       SELECT nip, siasn_pns_id, $2 FROM unnest($1::text[], $3::text[]) AS t(nip, siasn_pns_id)
       ON CONFLICT (nip) DO UPDATE SET siasn_pns_id = EXCLUDED.siasn_pns_id, source = EXCLUDED.source, updated_at = now()`,
      [rows.map((r) => r.nip), source, rows.map((r) => r.siasnPnsId)],
    );
  }

  async upsertRwJabatan(rows: RwJabatanRow[], source: IdentitySource) {
    if (rows.length === 0) return;
    await this.db().query(
      `INSERT INTO siasn_rw_jabatan (nip, tmt_jabatan, rw_jabatan_id, jabatan_nama, source)
       SELECT nip, tmt::date, id, nama, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(nip, tmt, id, nama)
       ON CONFLICT (nip, tmt_jabatan) DO UPDATE SET rw_jabatan_id = EXCLUDED.rw_jabatan_id,
         jabatan_nama = EXCLUDED.jabatan_nama, source = EXCLUDED.source, updated_at = now()`,
      [
        rows.map((r) => r.nip),
        rows.map((r) => r.tmtJabatan),
        rows.map((r) => r.rwJabatanId),
        rows.map((r) => r.jabatanNama),
        source,
      ],
    );
  }

  /** SIASN person id by NIP (all mapped NIPs when `nips` is omitted). */
  async pnsIds(nips?: string[]): Promise<Map<string, string>> {
    const rows: { nip: string; siasn_pns_id: string }[] = await this.db().query(
      `SELECT nip, siasn_pns_id FROM siasn_identities WHERE $1::text[] IS NULL OR nip = ANY($1::text[])`,
      [nips ?? null],
    );
    return new Map(rows.map((r) => [r.nip, r.siasn_pns_id]));
  }

  /** Riwayat-jabatan rows by NIP, oldest post first. */
  async rwJabatan(nips?: string[]): Promise<Map<string, RwJabatanRow[]>> {
    const rows: RwJabatanRow[] = await this.db().query(
      `SELECT nip, to_char(tmt_jabatan, 'YYYY-MM-DD') AS "tmtJabatan", rw_jabatan_id AS "rwJabatanId", jabatan_nama AS "jabatanNama"
         FROM siasn_rw_jabatan WHERE $1::text[] IS NULL OR nip = ANY($1::text[]) ORDER BY nip, tmt_jabatan`,
      [nips ?? null],
    );
    const out = new Map<string, RwJabatanRow[]>();
    for (const r of rows) out.set(r.nip, [...(out.get(r.nip) ?? []), r]);
    return out;
  }
}

/**
 * The riwayat-jabatan id of the JF post an AK entry belongs to: the latest post that started by the end
 * of the entry's first month (a post from the 2nd counts from the next month, 02 P-02).
 */
export function rwJabatanFor(rows: RwJabatanRow[] | undefined, fromMonth: string): RwJabatanRow | null {
  const [y, m] = fromMonth.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  let found: RwJabatanRow | null = null;
  for (const r of rows ?? []) if (r.tmtJabatan <= lastDay) found = r;
  return found;
}
