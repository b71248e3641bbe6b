import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { OutboxService } from '../outbox/outbox.service';
import { AgencyProfileDto, OfficialRole } from './agency.dto';
import { AgencyRepository } from './agency.repository';
import type { AgencyView, Official } from './agency.views';

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
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly agency: AgencyRepository,
    private readonly config: ConfigService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async profile(): Promise<AgencyProfile> {
    const r = await this.agency.profile();
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
        throw new InvalidInputError('Data tidak valid / invalid input', [
          { field: 'logoPngBase64', problem: 'must be a PNG image of at most 200 kB' },
        ]);
      }
    }
    await this.txHost.withTransaction(async () => {
      const before = await this.profile();
      await this.agency.saveProfile(dto, logo);
      const { logoPng: _l, ...b } = before;
      await this.audit.record({
        action: 'agency.profile.update',
        entityType: 'AgencyProfile',
        entityId: '1',
        before: b,
        after: { ...dto, logoPngBase64: logo === undefined ? 'unchanged' : logo ? `${logo.length} bytes` : null },
      });
    });
    return this.view();
  }

  /** Numbers already issued for (kind, year) by subject, with the day of issue (published read; issues nothing). */
  async issuedNumbers(
    kind: DocumentKind,
    year: number,
    subjects: string[],
  ): Promise<Map<string, { number: string; issuedOn: string }>> {
    const rows = await this.agency.issuedNumbers(kind, year, subjects);
    return new Map(rows.map((r) => [r.subject, { number: r.number, issuedOn: r.issued_on }]));
  }

  /**
   * The document's number: issued once per (kind, year, subject) from the year's sequence, then
   * reprinted as issued (a PAK printed twice keeps its number).
   */
  async documentNumber(kind: DocumentKind, year: number, subject: string, nip: string): Promise<string> {
    const existing = await this.agency.issuedNumber(kind, year, subject);
    if (existing) return existing;
    const profile = await this.profile();
    const template = kind === 'PAK' ? profile.pakNumberFormat : profile.dekpNumberFormat;
    return this.txHost.withTransaction(async () => {
      await this.agency.lockSequence(kind, year);
      const again = await this.agency.issuedNumber(kind, year, subject);
      if (again) return again;
      const seq = await this.agency.nextSeq(kind, year);
      const number = formatDocumentNumber(template, { seq, year, nip });
      await this.agency.insertNumber(kind, year, subject, seq, number);
      // A PAK issued makes its year's AK entries sendable to SIASN (the push reads them then).
      if (kind === 'PAK')
        await this.outbox.add({
          type: 'PakIssued',
          aggregateType: 'DocumentNumber',
          aggregateId: `${kind}:${year}:${seq}`,
          payload: { kind, year, subject },
          dedupeKey: `pak-issued:${year}:${subject}`,
        });
      return number;
    });
  }
}
