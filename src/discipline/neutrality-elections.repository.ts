import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';

export type ElectionKind = 'PEMILU' | 'PILKADA';
export const ELECTION_KINDS: readonly ElectionKind[] = ['PEMILU', 'PILKADA'];

/** An election (Pemilu / Pilkada) with its window and penetapan pasangan calon date (04 §7). */
export interface ElectionView {
  code: string;
  kind: ElectionKind;
  name: string;
  /** First and last day of acts attributed to this election. */
  from: string;
  to: string;
  /** Penetapan pasangan calon: acts on or after it are CALON stage, before it BAKAL_CALON. */
  penetapan: string;
  legalBasis: string;
  updatedAt: string;
}

export interface ElectionList {
  items: ElectionView[];
}

const SELECT = `SELECT code, kind, name, to_char(window_from,'YYYY-MM-DD') AS "from", to_char(window_to,'YYYY-MM-DD') AS "to",
  to_char(penetapan,'YYYY-MM-DD') AS penetapan, legal_basis AS "legalBasis", updated_at AS "updatedAt" FROM neutrality_elections`;

type Row = Omit<ElectionView, 'updatedAt'> & { updatedAt: Date };
const view = (r: Row): ElectionView => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() });

/** SQL of the `neutrality_elections` table (owned by the discipline feature). */
@Injectable()
export class NeutralityElectionsRepository extends BaseRepository {
  async list(): Promise<ElectionView[]> {
    const rows: Row[] = await this.db().query(`${SELECT} ORDER BY window_from, code`);
    return rows.map(view);
  }

  async get(code: string, lock = false): Promise<ElectionView | null> {
    const rows: Row[] = await this.db().query(`${SELECT} WHERE code = $1 ${lock ? 'FOR UPDATE' : ''}`, [code]);
    return rows[0] ? view(rows[0]) : null;
  }

  /** Elections whose window shares a day with [from, to], other than `except`. */
  async overlapping(from: string, to: string, except: string | null): Promise<string[]> {
    const rows: { code: string }[] = await this.db().query(
      `SELECT code FROM neutrality_elections WHERE window_from <= $2::date AND window_to >= $1::date AND code IS DISTINCT FROM $3 ORDER BY code`,
      [from, to, except],
    );
    return rows.map((r) => r.code);
  }

  async upsert(e: Omit<ElectionView, 'updatedAt'>): Promise<void> {
    await this.db().query(
      `INSERT INTO neutrality_elections (code, kind, name, window_from, window_to, penetapan, legal_basis)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, window_from = EXCLUDED.window_from,
         window_to = EXCLUDED.window_to, penetapan = EXCLUDED.penetapan, legal_basis = EXCLUDED.legal_basis, updated_at = now()`,
      [e.code, e.kind, e.name, e.from, e.to, e.penetapan, e.legalBasis],
    );
  }
}
