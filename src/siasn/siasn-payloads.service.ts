import { Injectable } from '@nestjs/common';
import { AgencyService } from '../agency/agency.service';
import { CreditEntriesReader, type CreditEntryRow } from '../angka-kredit/credit-entries.repository';
import {
  FinalEvaluationReader,
  type FinalEvaluationQuery,
  type FinalEvaluationRow,
} from '../evaluation/final-evaluation.repository';
import { OrgDirectory } from '../org/org-directory.service';
import {
  angkaKreditKey,
  angkaKreditPayload,
  kinerjaPeriodikKey,
  kinerjaPeriodikPayload,
  RuleInputError,
  SIASN_AK_SOURCES,
  skp22Key,
  skp22Payload,
} from '../rules';
import { NotFoundError, UnprocessableError } from '../common/domain-errors';
import { rwJabatanFor, SiasnIdentityRepository, type RwJabatanRow } from './siasn-identity.repository';
import { SiasnSettings } from './siasn-settings';
import type { SiasnItem, SiasnKind, SiasnProblem } from './siasn.views';
import { monthEnd } from '../rules/common/dates';

/** An item before its outbox state is known. */
export type SiasnDraft = Omit<SiasnItem, 'status' | 'siasnId'> & { kind: SiasnKind; sortKey: [string, string] };

/** Drafts of one page of evaluations; `last` is the keyset position of the last evaluation read. */
export interface EvaluationDrafts {
  drafts: SiasnDraft[];
  scanned: number;
  last: [string, string] | null;
}

const problem = (code: string, message: string): SiasnProblem => ({ code, message });

/**
 * Builds the `…/save` bodies (spec 04 §8.2) from FINAL evaluations and AK ledger entries, read through
 * those features' published readers, with the identity mapping. A row that cannot be built is returned
 * NOT_READY with the reasons (nothing silent).
 */
@Injectable()
export class SiasnPayloadsService {
  constructor(
    private readonly evaluations: FinalEvaluationReader,
    private readonly credit: CreditEntriesReader,
    private readonly agency: AgencyService,
    private readonly org: OrgDirectory,
    private readonly identities: SiasnIdentityRepository,
    private readonly settings: SiasnSettings,
  ) {}

  /** skp22 (ANNUAL) or kinerja periodik (PERIODIC) drafts of the FINAL evaluations matching `q`. */
  async evaluationDrafts(q: FinalEvaluationQuery): Promise<EvaluationDrafts> {
    const rows = await this.evaluations.list(q);
    const last = rows.length ? ([rows[rows.length - 1].nip, rows[rows.length - 1].period] as [string, string]) : null;
    if (rows.length === 0) return { drafts: [], scanned: 0, last };
    const nips = [...new Set(rows.map((r) => r.nip))];
    const ids = await this.identities.pnsIds(nips);
    // Jenjang and status held at the end of each period (kinerja periodik koefisien; PPPK scope).
    // Appended in place: copying the group for every row was quadratic in the page size.
    const byDate = new Map<string, FinalEvaluationRow[]>();
    for (const r of rows) {
      const group = byDate.get(monthEnd(r.toMonth));
      if (group) group.push(r);
      else byDate.set(monthEnd(r.toMonth), [r]);
    }
    const snaps = new Map<string, { status: string; jenjang: string | null; positionKind: string }>();
    for (const [date, group] of byDate)
      for (const s of await this.org.snapshotsByIds([...new Set(group.map((r) => r.employeeId))], date))
        snaps.set(`${s.employeeId}|${date}`, s);
    const out: SiasnDraft[] = [];
    for (const r of rows) {
      const snap = snaps.get(`${r.employeeId}|${monthEnd(r.toMonth)}`);
      if (snap?.status === 'PPPK' && !this.settings.rules.pppk.push) continue;
      const periodic = r.periodKind !== 'ANNUAL';
      if (periodic && this.settings.rules.kinerjaPeriodik.scope === 'JF_ONLY' && snap?.positionKind !== 'FUNGSIONAL')
        continue;
      out.push(this.evaluationDraft(r, ids.get(r.nip), snap?.jenjang ?? null));
    }
    return { drafts: out, scanned: rows.length, last };
  }

  private evaluationDraft(r: FinalEvaluationRow, siasnPnsId: string | undefined, jenjang: string | null): SiasnDraft {
    const kind: SiasnKind = r.periodKind === 'ANNUAL' ? 'SKP22' : 'KINERJA_PERIODIK';
    const base = {
      kind,
      nip: r.nip,
      sourceRef: `evaluation:${r.evaluationId}`,
      sortKey: [r.nip, r.period] as [string, string],
    };
    const problems: SiasnProblem[] = [];
    if (!siasnPnsId) problems.push(problem('SIASN_ID_MISSING', 'ID PNS SIASN belum dipetakan'));
    if (!r.ppk) problems.push(problem('PENILAI_MISSING', 'Pejabat penilai kinerja tidak tercatat pada evaluasi'));
    if (kind === 'KINERJA_PERIODIK' && !jenjang)
      problems.push(problem('JENJANG_MISSING', 'Jenjang jabatan fungsional pada periode ini tidak diketahui'));
    if (problems.length || !r.ppk || !siasnPnsId) return { ...base, naturalKey: null, payload: null, problems };
    const penilai = {
      name: r.ppk.name,
      nip: r.ppk.nip,
      golongan: r.ppk.golongan,
      jabatan: r.ppk.positionTitle,
      unitName: r.ppk.unitName,
      asn: true,
    };
    const ratings = { resultRating: r.resultRating, behaviorRating: r.behaviorRating };
    try {
      if (kind === 'SKP22') {
        const body = skp22Payload({ year: Number(r.period.slice(0, 4)), ...ratings, siasnPnsId, penilai }).body;
        return { ...base, naturalKey: skp22Key(body), payload: body, problems };
      }
      // A periodic draft without a jenjang returned NOT_READY above (JENJANG_MISSING).
      if (!jenjang) throw new UnprocessableError('Jenjang jabatan fungsional pada periode ini tidak diketahui');
      const body = kinerjaPeriodikPayload({
        period: r.period,
        jenjang,
        ...ratings,
        siasnPnsId,
        penilai,
      }).body;
      return { ...base, naturalKey: kinerjaPeriodikKey(body), payload: body, problems };
    } catch (err) {
      if (!(err instanceof RuleInputError)) throw err;
      return { ...base, naturalKey: null, payload: null, problems: [problem('PAYLOAD_INVALID', err.message)] };
    }
  }

  /** angkakredit drafts: ledger entries ending in `year` (sent sources only), each needing an issued PAK. */
  async creditDrafts(year: number, filter: { nips?: string[]; employeeIds?: string[] } = {}): Promise<SiasnDraft[]> {
    const employeeIds = filter.nips ? await this.org.idsByNips(filter.nips) : filter.employeeIds;
    const entries = (await this.credit.entriesEndingIn(year, employeeIds)).filter((r) =>
      (SIASN_AK_SOURCES as readonly string[]).includes(r.entry.source),
    );
    if (entries.length === 0) return [];
    const nipOf = await this.org.nipsByIds([...new Set(entries.map((r) => r.employeeId))]);
    const rows = entries.map((r) => {
      const nip = nipOf.get(r.employeeId);
      // Ledgers belong to employees (a foreign key): the org directory knows each one's NIP.
      if (nip === undefined) throw new NotFoundError(`Pegawai ${r.employeeId}`);
      return { ...r, nip };
    });
    const nips = [...new Set(rows.map((r) => r.nip))];
    // One after another: inside a job's transaction the three reads share one connection, which runs them in
    // turn anyway (pg deprecates queueing a query on a busy client).
    const ids = await this.identities.pnsIds(nips);
    const rw = await this.identities.rwJabatan(nips);
    const paks = await this.agency.issuedNumbers('PAK', year, nips);
    return rows.map((r) => this.creditDraft(r, ids.get(r.nip), rw.get(r.nip), paks.get(r.nip)));
  }

  private creditDraft(
    r: CreditEntryRow & { nip: string },
    siasnPnsId: string | undefined,
    rwRows: RwJabatanRow[] | undefined,
    pak: { number: string; issuedOn: string } | undefined,
  ): SiasnDraft {
    const e = r.entry;
    const { fromMonth, toMonth } = e;
    const sourceRef = `ak:${r.nip}:${e.source}:${e.fromMonth}..${e.toMonth}`;
    const base = {
      kind: 'ANGKA_KREDIT' as const,
      nip: r.nip,
      sourceRef,
      sortKey: [r.nip, `${e.fromMonth}|${e.source}`] as [string, string],
    };
    // The sent sources cover months (§8.2 bulanMulai/bulanSelesai); an entry without them cannot be built.
    if (!fromMonth || !toMonth)
      return {
        ...base,
        naturalKey: null,
        payload: null,
        problems: [problem('PAYLOAD_INVALID', 'Entri angka kredit tanpa bulan awal atau akhir')],
      };
    const rw = rwJabatanFor(rwRows, fromMonth);
    const problems: SiasnProblem[] = [];
    if (!siasnPnsId) problems.push(problem('SIASN_ID_MISSING', 'ID PNS SIASN belum dipetakan'));
    if (!rw) problems.push(problem('RW_JABATAN_MISSING', 'ID riwayat jabatan fungsional SIASN belum dipetakan'));
    if (!pak)
      problems.push(problem('PAK_NOT_ISSUED', 'PAK tahun ini belum diterbitkan (nomor dan tanggal SK belum ada)'));
    if (!siasnPnsId || !rw || !pak) return { ...base, naturalKey: null, payload: null, problems };
    try {
      const body = angkaKreditPayload({
        source: e.source,
        fromMonth,
        toMonth,
        amount: e.amount,
        nomorSk: pak.number,
        tanggalSk: pak.issuedOn,
        siasnPnsId,
        rwJabatanId: rw.rwJabatanId,
      }).body;
      return { ...base, naturalKey: angkaKreditKey(body), payload: body, problems };
    } catch (err) {
      if (!(err instanceof RuleInputError)) throw err;
      return { ...base, naturalKey: null, payload: null, problems: [problem('PAYLOAD_INVALID', err.message)] };
    }
  }
}
