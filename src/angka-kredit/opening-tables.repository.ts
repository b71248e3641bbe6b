import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import {
  AK_PENYESUAIAN_TABLE,
  AK_PERPINDAHAN_TABLE,
  type OpeningTableRow,
  type RuleTable,
  type RuleTableVersion,
} from '../rules';

export const OPENING_TABLES = ['perpindahan', 'penyesuaian'] as const;
export type OpeningTableName = (typeof OPENING_TABLES)[number];

const BUILT_IN: Record<OpeningTableName, RuleTable<OpeningTableRow[]>> = {
  perpindahan: AK_PERPINDAHAN_TABLE,
  penyesuaian: AK_PENYESUAIAN_TABLE,
};

export interface OpeningTableVersionView extends RuleTableVersion<OpeningTableRow[]> {
  /** The rules library's version (the default), or one an admin added. */
  builtIn: boolean;
  createdBy: string | null;
}

/**
 * The OPEN annex tables of 04 §9 (`ak.perpindahan.table` = PerBKN 3/2023 Lampiran II angka 3,
 * `ak.penyesuaian.table` = angka 5) as versioned data: the built-in table is the first version, each
 * admin version takes effect from its date and ends the one before it.
 */
@Injectable()
export class OpeningTablesRepository extends BaseRepository {
  async table(name: OpeningTableName): Promise<OpeningTableVersionView[]> {
    const stored: {
      version_id: string;
      effective_from: string;
      legal_basis: string;
      rows: OpeningTableRow[];
      created_by: string;
    }[] = await this.db().query(
      `SELECT version_id, to_char(effective_from,'YYYY-MM-DD') AS effective_from, legal_basis, rows, created_by
         FROM ak_opening_tables WHERE table_name = $1 ORDER BY effective_from`,
      [name],
    );
    const all: OpeningTableVersionView[] = [
      ...BUILT_IN[name].map((v) => ({ ...v, builtIn: true, createdBy: null })),
      ...stored.map((s) => ({
        id: s.version_id,
        effectiveFrom: s.effective_from,
        effectiveTo: null,
        legalBasis: s.legal_basis,
        status: 'CONFIRMED' as const,
        data: s.rows,
        builtIn: false,
        createdBy: s.created_by,
      })),
    ].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    // Each version ends where the next begins (effectiveTo exclusive), so exactly one applies on any date.
    return all.map((v, i) => ({ ...v, effectiveTo: all[i + 1]?.effectiveFrom ?? v.effectiveTo }));
  }

  async tables(): Promise<Record<OpeningTableName, OpeningTableVersionView[]>> {
    return { perpindahan: await this.table('perpindahan'), penyesuaian: await this.table('penyesuaian') };
  }

  /** Adds a version; false when the table already has a version from that date or with that id. */
  async insert(
    name: OpeningTableName,
    v: { versionId: string; effectiveFrom: string; legalBasis: string; rows: OpeningTableRow[]; createdBy: string },
  ): Promise<boolean> {
    const rows: { id: string }[] = await this.db().query(
      `INSERT INTO ak_opening_tables (table_name, version_id, effective_from, legal_basis, rows, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [name, v.versionId, v.effectiveFrom, v.legalBasis, JSON.stringify(v.rows), v.createdBy],
    );
    return rows.length > 0;
  }
}
