import Decimal from 'decimal.js';
import type PDFKit from 'pdfkit';
import type { AgencyProfile } from '../agency/agency.service';
import { angkaId, fromNip } from '../agency/document-format';
import { BLANK, keyValues, letterhead, signatureBlocks, tembusan } from '../agency/pdf-blocks';
import { formatNip, humanEnum, tanggalIndonesia } from '../common/format-id';
import type { EmployeePersonalFields } from '../org/employee-personal.util';
import { PANGKAT_NAME } from '../org/org.enums';
import type { EligibilityResult, LedgerEntry, LedgerResult } from '../rules';

export interface PakView {
  agency: AgencyProfile;
  year: number;
  number: string;
  printedOn: string;
  /** AK decimals (rules config ak.rounding.precision). */
  precision: number;
  employee: EmployeePersonalFields & {
    name: string;
    nip: string;
    status: 'PNS' | 'PPPK';
    golongan: string;
    positionTitle: string;
    unitName: string;
    tmtJabatan: string;
  };
  /** Who signs: the configured PENETAP_ANGKA_KREDIT, else the Pejabat Penilai Kinerja (PerBKN 3/2023 Pasal 12). */
  signer: { caption: string; name: string; nip: string } | null;
  ledger: LedgerResult;
  eligibility: EligibilityResult | null;
}

export type Doc = PDFKit.PDFDocument;
export type Align = 'left' | 'right' | 'center';

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const ak = (v: PakView, d: Decimal.Value) => angkaId(d, v.precision);

/** Entries of the year are BARU; earlier ones and openings are LAMA (02 §12.4, INFERRED). */
export function isBaru(e: LedgerEntry, year: number): boolean {
  const month = e.fromMonth ?? null;
  return month ? Number(month.slice(0, 4)) === year : false;
}

/** "Januari s.d. Desember" for a run of months of one year. */
export function monthsLabel(e: LedgerEntry): string {
  const name = (m: string | undefined) =>
    m
      ? tanggalIndonesia(`${m}-01`)
          .replace(/^1 /, '')
          .replace(/ \d{4}$/, '')
      : '-';
  return e.fromMonth === e.toMonth ? name(e.fromMonth) : `${name(e.fromMonth)} s.d. ${name(e.toMonth)}`;
}

/** A table row with wrapped cells; moves doc.y below the tallest cell, draws cell borders. */
export function tableRow(doc: Doc, widths: number[], cells: string[], o: { bold?: boolean; align?: Align[] } = {}) {
  const x0 = doc.page.margins.left;
  doc.font(o.bold ? 'Helvetica-Bold' : 'Helvetica');
  const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 6;
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  let x = x0;
  cells.forEach((c, i) => {
    doc.rect(x, y, widths[i], h).stroke();
    doc.text(c, x + 3, y + 3, { width: widths[i] - 6, align: o.align?.[i] ?? 'left' });
    x += widths[i];
  });
  doc.font('Helvetica');
  doc.x = x0;
  doc.y = y + h;
}

export function header(doc: Doc, v: PakView, title: string, period: 'Masa Penilaian' | 'Periode', from?: string) {
  letterhead(doc, v.agency);
  doc.font('Helvetica-Bold').fontSize(11).text(title, { align: 'center' });
  doc.font('Helvetica').fontSize(9).text(`NOMOR: ${v.number}`, { align: 'center' });
  doc.moveDown(0.6);
  keyValues(
    doc,
    [
      ['Instansi', v.agency.name],
      [period, `${tanggalIndonesia(from ?? `${v.year}-01-01`)} s.d. 31 Desember ${v.year}`],
    ],
    { labelWidth: 100 },
  );
  doc.moveDown(0.4);
}

function pendidikan(e: PakView['employee']): string {
  if (!e.education) return BLANK;
  const { level, name } = e.education;
  return name ? (name.startsWith(level) ? name : `${level} ${name}`) : level;
}

/** Not recorded: a dotted blank; for a PPPK (no pangkat ladder, 04 §6) not applicable: "-". */
function masaKerjaGolongan(e: PakView['employee']): string {
  const m = e.masaKerjaGolongan;
  return m ? `${m.years} tahun ${m.months} bulan (per ${tanggalIndonesia(m.asOf)})` : e.status === 'PPPK' ? '-' : BLANK;
}

/**
 * I. KETERANGAN PERORANGAN. The konversi and akumulasi sheets list ten items (02 §12.2: with
 * Pendidikan and Masa kerja golongan), the penetapan eight (02 §12.4). Birth date and gender come
 * from the NIP; what is not recorded prints a dotted blank, never a guess.
 */
export function identity(doc: Doc, v: PakView, form: 'konversi' | 'penetapan') {
  const e = v.employee;
  const nip = fromNip(e.nip);
  doc.font('Helvetica-Bold').text('I. KETERANGAN PERORANGAN');
  doc.font('Helvetica');
  const pangkat = e.status === 'PPPK' ? `Golongan ${e.golongan}` : `${PANGKAT_NAME[e.golongan] ?? '-'}, ${e.golongan}`;
  const items: Record<string, string> = {
    Nama: e.name,
    NIP: formatNip(e.nip),
    'Nomor Seri KARPEG': e.karpegNumber ?? (e.status === 'PPPK' ? '-' : BLANK),
    'Pangkat/Golongan ruang/TMT': `${pangkat} / ${e.tmtPangkat ? tanggalIndonesia(e.tmtPangkat) : e.status === 'PPPK' ? '-' : BLANK}`,
    'Tempat/Tanggal Lahir': `${e.birthPlace ?? BLANK}, ${nip.birthDate ? tanggalIndonesia(nip.birthDate) : BLANK}`,
    'Jenis Kelamin': nip.gender ?? BLANK,
    Pendidikan: pendidikan(e),
    'Jabatan/TMT': `${e.positionTitle} (${humanEnum(v.ledger.jenjang)}) / ${tanggalIndonesia(e.tmtJabatan)}`,
    'Masa Kerja Golongan': masaKerjaGolongan(e),
    'Unit Kerja': e.unitName,
  };
  const order =
    form === 'konversi'
      ? Object.keys(items)
      : [
          'Nama',
          'NIP',
          'Nomor Seri KARPEG',
          'Tempat/Tanggal Lahir',
          'Jenis Kelamin',
          'Pangkat/Golongan ruang/TMT',
          'Jabatan/TMT',
          'Unit Kerja',
        ];
  keyValues(
    doc,
    order.map((k, i): [string, string] => [`${i + 1}. ${k}`, items[k]]),
  );
  doc.moveDown(0.5);
}

/** Ditetapkan di / Pada tanggal, the signer, ASLI and the numbered tembusan — kept together on one page. */
export function closing(doc: Doc, v: PakView) {
  doc.moveDown(0.8);
  const x = doc.page.margins.left + contentWidth(doc) / 2;
  const w = doc.page.width - doc.page.margins.right - x;
  if (doc.y + 150 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  keyValues(
    doc,
    [
      ['Ditetapkan di', v.agency.town ?? BLANK],
      ['Pada tanggal', tanggalIndonesia(v.printedOn)],
    ],
    { x, width: w, labelWidth: 80 },
  );
  doc.moveDown(0.3);
  signatureBlocks(
    doc,
    [
      {
        caption: [`${v.signer?.caption ?? 'Pejabat Penilai Kinerja'},`],
        name: v.signer?.name ?? null,
        nip: v.signer?.nip ?? null,
      },
    ],
    { x, width: w },
  );
  doc.moveDown(0.4);
  doc.fontSize(8);
  doc.text('ASLI disampaikan kepada Pejabat Fungsional yang bersangkutan.', doc.page.margins.left, doc.y);
  tembusan(
    doc,
    v.agency.tembusan.length
      ? v.agency.tembusan
      : ['Pimpinan Instansi Pengusul', 'Pejabat Penilai Kinerja', 'Pejabat yang membidangi kepegawaian'],
  );
  doc.fontSize(9);
}
