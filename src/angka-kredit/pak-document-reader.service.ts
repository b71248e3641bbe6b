import { Injectable } from '@nestjs/common';
import { AgencyService } from '../agency/agency.service';
import { Clock } from '../common/clock';
import { OrgDirectory } from '../org/org-directory.service';
import { akDefaults } from '../rules';
import { CreditLedgerService } from './credit-ledger.service';
import { renderPak, type PakView } from './pak-document';

/** A PAK's content before it has a number and a date (the issuer adds those). */
export type PakContent = Omit<PakView, 'number' | 'printedOn'>;

/**
 * Published read port: the PAK document (PerBKN 3/2023 Lampiran II angka 12). `content` is what a PAK
 * of a year prints (the ledger as of the end of that year, or today for the current year); `issuedPdf`
 * renders an already issued PAK with its recorded number and date of issue and writes nothing: it never
 * issues a number (only the print of `GET /employees/{nip}/credit/pak/{year}.pdf` does, spec 04 §8.3:
 * SIASN receives only entries of an issued PAK).
 */
@Injectable()
export class PakDocumentReader {
  constructor(
    private readonly ledger: CreditLedgerService,
    private readonly org: OrgDirectory,
    private readonly agency: AgencyService,
    private readonly clock: Clock,
  ) {}

  /** The PAK of `year` for an employee without number and date; null when not a functional official then. */
  async content(employeeId: string, year: number): Promise<PakContent | null> {
    const today = this.clock.today();
    const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
    const facts = await this.ledger.facts(employeeId, asOf);
    if (!facts) return null;
    const c = this.ledger.compute(facts, asOf);
    const snap = await this.org.snapshotById(employeeId, asOf);
    if (!snap) return null;
    const ppkId = await this.org.ppkOf(employeeId, asOf);
    const ppk = ppkId ? await this.org.snapshotById(ppkId, asOf) : null;
    const [agency, identity] = await Promise.all([this.agency.profile(), this.org.documentIdentity(employeeId)]);
    const penetap = agency.officials.PENETAP_ANGKA_KREDIT;
    const signer = penetap
      ? { caption: penetap.positionTitle, name: penetap.name, nip: penetap.nip }
      : ppk
        ? { caption: 'Pejabat Penilai Kinerja', name: ppk.name, nip: ppk.nip }
        : null;
    return {
      agency,
      year,
      precision: akDefaults.rounding.precision,
      employee: {
        name: snap.name,
        nip: snap.nip,
        status: snap.status,
        golongan: snap.golongan,
        positionTitle: snap.positionTitle,
        unitName: snap.unitName,
        tmtJabatan: snap.tmt,
        ...identity,
      },
      signer,
      ledger: c.ledger,
      eligibility: c.eligibility,
    };
  }

  /**
   * The issued PAK of (NIP, year) as PDF, dated its day of issue (the `tanggalSk` SIASN holds); null when
   * no PAK was issued or the person is not a functional official in that year. Reads only.
   */
  async issuedPdf(nip: string, year: number): Promise<{ pdf: Buffer; number: string; issuedOn: string } | null> {
    const issued = (await this.agency.issuedNumbers('PAK', year, [nip])).get(nip);
    if (!issued) return null;
    const employeeId = await this.org.employeeIdByNip(nip);
    const content = employeeId ? await this.content(employeeId, year) : null;
    if (!content) return null;
    const pdf = await renderPak({ ...content, number: issued.number, printedOn: issued.issuedOn });
    return { pdf, ...issued };
  }
}
