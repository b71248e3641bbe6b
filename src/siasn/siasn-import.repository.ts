import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { HoldingValue, NormalisedHolding, SiasnKind } from '../rules';
import type { SiasnImportView } from './siasn-reconciliation.views';

export interface ImportRequest {
  kind: SiasnKind;
  year: number | null;
  period: string | null;
  unitCode: string | null;
  nips: string[];
}

export interface ImportProblem {
  nip: string;
  problem: string;
}

/** SQL of the SIASN import: its batches (`siasn_batches` type IMPORT), held rows and who was read. */
@Injectable()
export class SiasnImportRepository extends BaseRepository {
  async createBatch(request: ImportRequest, requestedBy: string): Promise<string> {
    const rows: { id: string }[] = await this.db().query(
      `INSERT INTO siasn_batches (type, request, state, total, requested_by)
       VALUES ('IMPORT', $1::jsonb, 'QUEUED', $2, $3) RETURNING id::text AS id`,
      [JSON.stringify(request), request.nips.length, requestedBy],
    );
    return rows[0].id;
  }

  async batch(id: string): Promise<(SiasnImportView & { nips: string[] }) | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows: {
      id: string;
      state: SiasnImportView['state'];
      request: ImportRequest;
      total: number;
      done: number;
      problems: ImportProblem[];
      requested_by: string;
      created_at: Date;
      updated_at: Date;
    }[] = await this.db().query(
      `SELECT id::text AS id, state, request, total, done, problems, requested_by, created_at, updated_at
         FROM siasn_batches WHERE id = $1 AND type = 'IMPORT'`,
      [id],
    );
    const r = rows.at(0);
    if (!r) return null;
    return {
      id: r.id,
      kind: r.request.kind,
      year: r.request.year,
      period: r.request.period,
      unitCode: r.request.unitCode,
      state: r.state,
      total: r.total,
      done: r.done,
      problems: r.problems,
      requestedBy: r.requested_by,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      nips: r.request.nips,
    };
  }

  async setState(id: string, state: SiasnImportView['state']): Promise<void> {
    await this.db().query(`UPDATE siasn_batches SET state = $2, updated_at = now() WHERE id = $1`, [id, state]);
  }

  /** One person read: progress and any problem, counted once per call. */
  async progress(id: string, problems: ImportProblem[]): Promise<void> {
    await this.db().query(
      `UPDATE siasn_batches SET done = LEAST(done + 1, total), problems = problems || $2::jsonb, updated_at = now()
        WHERE id = $1`,
      [id, JSON.stringify(problems)],
    );
  }

  /** Replaces what SIASN holds for one person and kind, and records that the person was read. */
  async replaceHoldings(
    kind: SiasnKind,
    nip: string,
    batchId: string,
    rows: { holding: NormalisedHolding; raw: unknown }[],
  ): Promise<void> {
    await this.db().query(`DELETE FROM siasn_holdings WHERE kind = $1 AND nip = $2`, [kind, nip]);
    if (rows.length)
      await this.db().query(
        `INSERT INTO siasn_holdings (kind, nip, siasn_id, raw, body, match_key, batch_id)
         SELECT $1, $2, x.siasn_id, x.raw, x.body, x.match_key, $3::uuid
           FROM jsonb_to_recordset($4::jsonb) AS x(siasn_id text, raw jsonb, body jsonb, match_key text)
         ON CONFLICT (kind, nip, siasn_id) DO UPDATE SET raw = EXCLUDED.raw, body = EXCLUDED.body,
           match_key = EXCLUDED.match_key, batch_id = EXCLUDED.batch_id, imported_at = now()`,
        [
          kind,
          nip,
          batchId,
          JSON.stringify(
            rows.map((r) => ({
              siasn_id: r.holding.siasnId,
              raw: r.raw,
              body: r.holding.body,
              match_key: r.holding.matchKey,
            })),
          ),
        ],
      );
    await this.db().query(
      `INSERT INTO siasn_holding_reads (kind, nip, batch_id, rows, read_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (kind, nip) DO UPDATE SET batch_id = EXCLUDED.batch_id, rows = EXCLUDED.rows, read_at = now()`,
      [kind, nip, batchId, rows.length],
    );
  }

  /** People this import has read already (a retried job resumes after them). */
  async readInBatch(batchId: string, kind: SiasnKind): Promise<string[]> {
    const rows: { nip: string }[] = await this.db().query(
      `SELECT nip FROM siasn_holding_reads WHERE batch_id = $1 AND kind = $2`,
      [batchId, kind],
    );
    return rows.map((r) => r.nip);
  }

  /** People whose rows of this kind were read, in NIP order after `after`, optionally among `nips`. */
  async readNips(kind: SiasnKind, q: { after?: string; limit: number; nips?: string[] }): Promise<string[]> {
    const rows: { nip: string }[] = await this.db().query(
      `SELECT nip FROM siasn_holding_reads
        WHERE kind = $1 AND ($2::text IS NULL OR nip > $2) AND ($3::text[] IS NULL OR nip = ANY($3::text[]))
        ORDER BY nip LIMIT $4`,
      [kind, q.after ?? null, q.nips ?? null, q.limit],
    );
    return rows.map((r) => r.nip);
  }

  async readSummary(kind: SiasnKind, nips?: string[]): Promise<{ people: number; lastReadAt: string | null }> {
    const rows: { people: string; last: Date | null }[] = await this.db().query(
      `SELECT count(*)::text AS people, max(read_at) AS last FROM siasn_holding_reads
        WHERE kind = $1 AND ($2::text[] IS NULL OR nip = ANY($2::text[]))`,
      [kind, nips ?? null],
    );
    return { people: Number(rows[0].people), lastReadAt: rows[0].last ? rows[0].last.toISOString() : null };
  }

  async holdings(kind: SiasnKind, nips: string[]): Promise<NormalisedHolding[]> {
    if (nips.length === 0) return [];
    const rows: { siasn_id: string; nip: string; match_key: string; body: Record<string, HoldingValue> }[] =
      await this.db().query(
        `SELECT siasn_id, nip, match_key, body FROM siasn_holdings
          WHERE kind = $1 AND nip = ANY($2::text[]) ORDER BY nip, siasn_id`,
        [kind, nips],
      );
    return rows.map((r) => ({ siasnId: r.siasn_id, nip: r.nip, matchKey: r.match_key, body: r.body }));
  }
}
