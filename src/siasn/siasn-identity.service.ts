import { Inject, Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, type ErrorDetail } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { isCalendarDate } from '../common/dates';
import { TransactionHost, type TxHost } from '../database/transaction';
import { OrgDirectory } from '../org/org-directory.service';
import { IdentitySource, RwJabatanRow, rwJabatanFor, SiasnIdentityRepository } from './siasn-identity.repository';
import { SiasnSettings } from './siasn-settings';
import type { SiasnGap, SiasnGapsReport, SiasnIdentityImportResult } from './siasn.views';

export interface IdentityRowInput {
  nip?: unknown;
  siasnPnsId?: unknown;
  tmtJabatan?: unknown;
  rwJabatanId?: unknown;
  jabatanNama?: unknown;
}

const NIP = /^\d{18}$/;
const SIASN_ID = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_ROWS = 20_000;

/** CSV columns: nip, siasnPnsId and/or tmtJabatan + rwJabatanId (+ jabatanNama); one or both parts per row. */
export function parseIdentityCsv(text: string): IdentityRowInput[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
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
  // An empty file has no header row.
  const header = records.at(0);
  const rest = records.slice(1);
  if (!header?.includes('nip'))
    throw new InvalidInputError('Baris judul CSV harus memuat kolom nip / CSV header must name the column nip', [
      { field: 'body', problem: 'header row without nip' },
    ]);
  return rest.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] === '' ? undefined : cells[i]])));
}

/** Identity mapping: SIASN person ids and riwayat-jabatan ids, imported all-or-nothing; the gaps report. */
@Injectable()
export class SiasnIdentityService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly repo: SiasnIdentityRepository,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: SiasnSettings,
  ) {}

  async importRows(input: unknown, source: IdentitySource): Promise<SiasnIdentityImportResult> {
    const items = typeof input === 'string' ? parseIdentityCsv(input) : input;
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ROWS)
      throw new InvalidInputError('Isi harus daftar baris / body must be a list of rows', [
        { field: 'body', problem: `must be a non-empty array of at most ${MAX_ROWS} rows` },
      ]);
    const errors: ErrorDetail[] = [];
    const ids: { nip: string; siasnPnsId: string }[] = [];
    const rw: RwJabatanRow[] = [];
    items.forEach((raw: unknown, i) => {
      const at = `[${i + 1}]`;
      const r: IdentityRowInput = typeof raw === 'object' && raw !== null ? raw : {};
      const nip = typeof r.nip === 'string' ? r.nip.replace(/\s+/g, '') : '';
      if (!NIP.test(nip)) return errors.push({ field: `${at}.nip`, problem: 'must be an 18-digit NIP' });
      const known = Object.keys(r).filter(
        (k) => !['nip', 'siasnPnsId', 'tmtJabatan', 'rwJabatanId', 'jabatanNama'].includes(k),
      );
      if (known.length) errors.push({ field: `${at}.${known[0]}`, problem: 'unknown column' });
      if (r.siasnPnsId !== undefined) {
        if (typeof r.siasnPnsId !== 'string' || !SIASN_ID.test(r.siasnPnsId))
          errors.push({ field: `${at}.siasnPnsId`, problem: 'must be a SIASN id (letters, digits, . _ -; ≤ 64)' });
        else ids.push({ nip, siasnPnsId: r.siasnPnsId });
      }
      if (r.tmtJabatan !== undefined || r.rwJabatanId !== undefined) {
        if (!isCalendarDate(r.tmtJabatan)) errors.push({ field: `${at}.tmtJabatan`, problem: 'must be YYYY-MM-DD' });
        else if (typeof r.rwJabatanId !== 'string' || !SIASN_ID.test(r.rwJabatanId))
          errors.push({ field: `${at}.rwJabatanId`, problem: 'must be a SIASN id (letters, digits, . _ -; ≤ 64)' });
        else
          rw.push({
            nip,
            tmtJabatan: r.tmtJabatan,
            rwJabatanId: r.rwJabatanId,
            jabatanNama: typeof r.jabatanNama === 'string' ? r.jabatanNama.slice(0, 300) : null,
          });
      }
      if (r.siasnPnsId === undefined && r.tmtJabatan === undefined && r.rwJabatanId === undefined)
        errors.push({ field: at, problem: 'needs siasnPnsId or tmtJabatan + rwJabatanId' });
    });
    const nips = [...new Set([...ids.map((x) => x.nip), ...rw.map((x) => x.nip)])];
    const existing = new Set(await this.existingNips(nips));
    nips
      .filter((n) => !existing.has(n))
      .forEach((n) => errors.push({ field: n, problem: 'no employee with this NIP' }));
    if (errors.length)
      throw new InvalidInputError(
        'Impor identitas SIASN ditolak, tidak ada yang disimpan / import refused, nothing written',
        errors,
      );
    await this.txHost.withTransaction(async () => {
      await this.repo.upsertIdentities(ids, source);
      await this.repo.upsertRwJabatan(rw, source);
      await this.audit.record({
        action: 'siasn.identities.import',
        entityType: 'siasn_identity',
        entityId: source,
        after: { identities: ids.length, rwJabatan: rw.length },
      });
    });
    return { identities: ids.length, rwJabatan: rw.length };
  }

  private async existingNips(nips: string[]): Promise<string[]> {
    if (nips.length === 0) return [];
    return this.org.existingNips(nips);
  }

  /** Employees on a date who cannot be sent (no SIASN person id) or whose JF post has no riwayat-jabatan id. */
  async gaps(onDate?: string, unitCode?: string): Promise<SiasnGapsReport> {
    if (onDate !== undefined && !isCalendarDate(onDate))
      throw new InvalidInputError('Tanggal tidak valid / invalid date', [
        { field: 'on', problem: 'must be YYYY-MM-DD' },
      ]);
    const date = onDate ?? this.clock.today();
    let unitIds: string[] | undefined;
    if (unitCode) {
      const id = await this.org.unitIdByCode(unitCode);
      if (!id)
        throw new InvalidInputError('Unit tidak dikenal / unknown unit', [
          { field: 'unitCode', problem: 'no such unit' },
        ]);
      unitIds = await this.org.subtreeUnitIds(id);
    }
    const people = (await this.org.snapshotsOn(date, unitIds)).filter(
      (s) => s.status === 'PNS' || this.settings.rules.pppk.push,
    );
    const [ids, rw] = await Promise.all([this.repo.pnsIds(), this.repo.rwJabatan()]);
    const gaps: SiasnGap[] = [];
    for (const s of people) {
      const base = { nip: s.nip, name: s.name, unitCode: s.unitCode };
      if (!ids.has(s.nip))
        gaps.push({
          ...base,
          code: 'SIASN_ID_MISSING',
          message: 'ID PNS SIASN belum dipetakan: tidak ada data yang dapat dikirim ke SIASN',
        });
      if (s.positionKind === 'FUNGSIONAL' && !rwJabatanFor(rw.get(s.nip), date.slice(0, 7)))
        gaps.push({
          ...base,
          code: 'RW_JABATAN_MISSING',
          message: 'ID riwayat jabatan fungsional SIASN belum dipetakan: angka kredit tidak dapat dikirim',
        });
    }
    return { onDate: date, employees: people.length, mapped: people.filter((s) => ids.has(s.nip)).length, gaps };
  }
}
