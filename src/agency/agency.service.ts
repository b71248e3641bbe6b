import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { AgencyProfileDto, OfficialRole } from './agency.dto';
import type { AgencyView } from './agency.views';

export interface Official {
  name: string;
  nip: string;
  positionTitle: string;
  pangkat?: string;
}

export interface AgencyProfile {
  name: string;
  /** null until configured: documents then leave the place blank (dots) rather than guess. */
  town: string | null;
  letterhead: string[];
  logoPng: Buffer | null;
  pakNumberFormat: string;
  dekpNumberFormat: string;
  officials: Partial<Record<OfficialRole, Official>>;
  tembusan: string[];
  version: number;
  configured: boolean;
}

export type DocumentKind = 'PAK' | 'DEKP';

interface Row {
  name: string;
  town: string | null;
  letterhead: string[];
  logo_png: Buffer | null;
  pak_number_format: string;
  dekp_number_format: string;
  officials: AgencyProfile['officials'];
  tembusan: string[];
  version: number;
}

/** Fills a number template: {seq} / {seq:N} (zero-padded to N), {year}, {nip}. */
export function formatDocumentNumber(template: string, v: { seq: number; year: number; nip?: string }): string {
  return template.replace(/\{(seq(?::(\d))?|year|nip)\}/g, (_m, key: string, pad?: string) =>
    key.startsWith('seq')
      ? String(v.seq).padStart(Number(pad ?? 0), '0')
      : key === 'year'
        ? String(v.year)
        : (v.nip ?? ''),
  );
}

/** The agency's identity on official documents (stored, ADMIN-editable) and its document numbers. */
@Injectable()
export class AgencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService,
    private readonly audit: AuditService,
  ) {}

  async profile(m: EntityManager = this.dataSource.manager): Promise<AgencyProfile> {
    const [r]: Row[] = await m.query(`SELECT * FROM agency_profile WHERE id = 1`);
    if (!r) {
      return {
        name: this.config.get<string>('AGENCY_NAME') ?? 'Instansi',
        town: null,
        letterhead: [],
        logoPng: null,
        pakNumberFormat: 'PAK/{seq}/{year}',
        dekpNumberFormat: 'DEKP/{seq}/{year}',
        officials: {},
        tembusan: [],
        version: 0,
        configured: false,
      };
    }
    return {
      name: r.name,
      town: r.town,
      letterhead: r.letterhead,
      logoPng: r.logo_png,
      pakNumberFormat: r.pak_number_format,
      dekpNumberFormat: r.dekp_number_format,
      officials: r.officials,
      tembusan: r.tembusan,
      version: r.version,
      configured: true,
    };
  }

  /** The API view (logo as base64). */
  async view(): Promise<AgencyView> {
    const p = await this.profile();
    const { logoPng, ...rest } = p;
    return { ...rest, logoPngBase64: logoPng ? logoPng.toString('base64') : null };
  }

  async update(dto: AgencyProfileDto): Promise<AgencyView> {
    let logo: Buffer | null | undefined;
    if (dto.logoPngBase64 === null) logo = null;
    else if (dto.logoPngBase64 !== undefined) {
      logo = Buffer.from(dto.logoPngBase64, 'base64');
      if (logo.length > 200_000 || logo.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') {
        throw badRequest('Data tidak valid / invalid input', [
          { field: 'logoPngBase64', problem: 'must be a PNG image of at most 200 kB' },
        ]);
      }
    }
    await this.dataSource.transaction(async (m) => {
      const before = await this.profile(m);
      await m.query(
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
          JSON.stringify(dto.officials ?? {}),
          JSON.stringify(dto.tembusan),
          logo === undefined,
        ],
      );
      const { logoPng: _l, ...b } = before;
      await this.audit.record(m, {
        action: 'agency.profile.update',
        entityType: 'AgencyProfile',
        entityId: '1',
        before: b,
        after: { ...dto, logoPngBase64: logo === undefined ? 'unchanged' : logo ? `${logo.length} bytes` : null },
      });
    });
    return this.view();
  }

  /**
   * The document's number: issued once per (kind, year, subject) from the year's sequence, then
   * reprinted as issued (a PAK printed twice keeps its number).
   */
  async documentNumber(kind: DocumentKind, year: number, subject: string, nip: string): Promise<string> {
    const existing: { number: string }[] = await this.dataSource.query(
      `SELECT number FROM agency_document_numbers WHERE kind = $1 AND year = $2 AND subject = $3`,
      [kind, year, subject],
    );
    if (existing.length) return existing[0].number;
    const profile = await this.profile();
    const template = kind === 'PAK' ? profile.pakNumberFormat : profile.dekpNumberFormat;
    return this.dataSource.transaction(async (m) => {
      // One sequence per (kind, year): serialise issuers of the same sequence.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('agency-number:' || $1 || ':' || $2))`, [kind, year]);
      const again: { number: string }[] = await m.query(
        `SELECT number FROM agency_document_numbers WHERE kind = $1 AND year = $2 AND subject = $3`,
        [kind, year, subject],
      );
      if (again.length) return again[0].number;
      const [{ seq }]: { seq: number }[] = await m.query(
        `SELECT COALESCE(max(seq), 0) + 1 AS seq FROM agency_document_numbers WHERE kind = $1 AND year = $2`,
        [kind, year],
      );
      const number = formatDocumentNumber(template, { seq, year, nip });
      await m.query(
        `INSERT INTO agency_document_numbers (kind, year, subject, seq, number) VALUES ($1, $2, $3, $4, $5)`,
        [kind, year, subject, seq, number],
      );
      return number;
    });
  }
}
