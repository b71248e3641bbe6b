import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import type { AgencyProfileDto, OfficialDto, OfficialRole } from './agency.dto';

export interface AgencyProfileRow {
  name: string;
  town: string | null;
  letterhead: string[];
  logo_png: Buffer | null;
  pak_number_format: string;
  dekp_number_format: string;
  /** The signing officials as the profile form saved them (jsonb). */
  officials: Partial<Record<OfficialRole, OfficialDto>>;
  tembusan: string[];
  version: number;
}

/** `agency_profile` (one row, id 1) and `agency_document_numbers`. */
@Injectable()
export class AgencyRepository extends BaseRepository {
  async profile(): Promise<AgencyProfileRow | null> {
    const rows: AgencyProfileRow[] = await this.db().query(`SELECT * FROM agency_profile WHERE id = 1`);
    return rows.at(0) ?? null;
  }

  /** `logo`: undefined keeps the stored logo, null removes it. */
  async saveProfile(dto: AgencyProfileDto, logo: Buffer | null | undefined): Promise<void> {
    await this.db().query(
      `INSERT INTO agency_profile (id, name, town, letterhead, logo_png, pak_number_format, dekp_number_format, officials, tembusan)
       VALUES (1, $1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8::jsonb)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, town = EXCLUDED.town, letterhead = EXCLUDED.letterhead,
         logo_png = CASE WHEN $9 THEN agency_profile.logo_png ELSE EXCLUDED.logo_png END,
         pak_number_format = EXCLUDED.pak_number_format, dekp_number_format = EXCLUDED.dekp_number_format,
         officials = EXCLUDED.officials, tembusan = EXCLUDED.tembusan, version = agency_profile.version + 1, updated_at = now()`,
      [
        dto.name,
        dto.town,
        JSON.stringify(dto.letterhead),
        logo ?? null,
        dto.pakNumberFormat,
        dto.dekpNumberFormat,
        JSON.stringify(dto.officials),
        JSON.stringify(dto.tembusan),
        logo === undefined,
      ],
    );
  }

  async issuedNumbers(
    kind: string,
    year: number,
    subjects: string[],
  ): Promise<{ subject: string; number: string; issued_on: string }[]> {
    return this.db().query(
      `SELECT subject, number, to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS issued_on
         FROM agency_document_numbers WHERE kind = $1 AND year = $2 AND subject = ANY($3::text[])`,
      [kind, year, subjects],
    );
  }

  async issuedNumber(kind: string, year: number, subject: string): Promise<string | null> {
    const rows: { number: string }[] = await this.db().query(
      `SELECT number FROM agency_document_numbers WHERE kind = $1 AND year = $2 AND subject = $3`,
      [kind, year, subject],
    );
    return rows[0]?.number ?? null;
  }

  /** One sequence per (kind, year): serialises issuers of the same sequence (inside a transaction). */
  async lockSequence(kind: string, year: number): Promise<void> {
    await this.db().query(`SELECT pg_advisory_xact_lock(hashtext('agency-number:' || $1 || ':' || $2))`, [kind, year]);
  }

  async nextSeq(kind: string, year: number): Promise<number> {
    const [{ seq }]: { seq: number }[] = await this.db().query(
      `SELECT COALESCE(max(seq), 0) + 1 AS seq FROM agency_document_numbers WHERE kind = $1 AND year = $2`,
      [kind, year],
    );
    return seq;
  }

  async insertNumber(kind: string, year: number, subject: string, seq: number, number: string): Promise<void> {
    await this.db().query(
      `INSERT INTO agency_document_numbers (kind, year, subject, seq, number) VALUES ($1, $2, $3, $4, $5)`,
      [kind, year, subject, seq, number],
    );
  }
}
