import Decimal from 'decimal.js';
import PDFDocument from 'pdfkit';
import { angkaId, fromNip } from '../agency/document-format';
import type { AgencyProfile } from '../agency/agency.service';
import { BLANK, keyValues, letterhead, signatureBlocks, tembusan } from '../agency/pdf-blocks';
import { formatNip, humanEnum, tanggalIndonesia } from '../evaluation/format-id';
import { PANGKAT_NAME } from '../org/org.enums';
import type { EligibilityResult, LedgerEntry, LedgerResult } from '../rules';

/** Shown with a PPPK's ledger (spec 04 §6, ak.pppk.ledger = INFORMATIONAL). */
export const PPPK_NOTICE =
  'Informasi: pegawai PPPK tidak memiliki kenaikan pangkat; angka kredit hasil konversi predikat dicatat sebagai informasi, bukan penetapan angka kredit.';

export interface PakView {
  agency: AgencyProfile;
  year: number;
  number: string;
  printedOn: string;
  /** AK decimals (rules config ak.rounding.precision). */
  precision: number;
  employee: {
    name: string;
    nip: string;
    status: 'PNS' | 'PPPK';
    golongan: string;
    positionTitle: string;
    unitName: string;
    tmtJabatan: string;
    birthPlace: string | null;
    karpegNumber: string | null;
    tmtPangkat: string | null;
  };
  /** Who signs: the configured PENETAP_ANGKA_KREDIT, else the Pejabat Penilai Kinerja (PerBKN 3/2023 Pasal 12). */
  signer: { caption: string; name: string; nip: string } | null;
  ledger: LedgerResult;
  eligibility: EligibilityResult | null;
}

// Rows of the penetapan (PerBKN 3/2023 Lampiran II angka 12) and the ledger sources they print.
const ROWS: { label: string; source: LedgerEntry['source'] }[] = [
  { label: 'AK Dasar yang diberikan', source: 'AK_DASAR' },
  { label: 'AK JF Lama (termasuk integrasi)', source: 'INTEGRASI' },
  { label: 'AK Penyesuaian/Penyetaraan', source: 'PENYESUAIAN' },
  { label: 'AK Konversi', source: 'PREDIKAT' },
  { label: 'AK yang diperoleh dari peningkatan pendidikan', source: 'PENDIDIKAN' },
];

/** Entries of the year are BARU; earlier ones and openings are LAMA (02 §12.4, INFERRED). */
function isBaru(e: LedgerEntry, year: number): boolean {
  const month = e.fromMonth ?? null;
  return month ? Number(month.slice(0, 4)) === year : false;
}

type Doc = PDFKit.PDFDocument;

/** A table row with wrapped cells; returns nothing, moves doc.y below the tallest cell, draws cell borders. */
function tableRow(
  doc: Doc,
  widths: number[],
  cells: string[],
  o: { bold?: boolean; align?: ('left' | 'right' | 'center')[] } = {},
) {
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

function header(doc: Doc, v: PakView, title: string) {
  letterhead(doc, v.agency);
  doc.font('Helvetica-Bold').fontSize(11).text(title, { align: 'center' });
  doc.font('Helvetica').fontSize(9).text(`NOMOR: ${v.number}`, { align: 'center' });
  doc.moveDown(0.6);
  keyValues(
    doc,
    [
      ['Instansi', v.agency.name],
      ['Masa Penilaian', `1 Januari ${v.year} s.d. 31 Desember ${v.year}`],
    ],
    { labelWidth: 100 },
  );
  doc.moveDown(0.4);
}

function identity(doc: Doc, v: PakView) {
  const e = v.employee;
  const nip = fromNip(e.nip);
  doc.font('Helvetica-Bold').text('I. KETERANGAN PERORANGAN');
  doc.font('Helvetica');
  const pangkat = e.status === 'PPPK' ? `Golongan ${e.golongan}` : `${PANGKAT_NAME[e.golongan] ?? '-'}, ${e.golongan}`;
  keyValues(doc, [
    ['1. Nama', e.name],
    ['2. NIP', formatNip(e.nip)],
    ['3. Nomor Seri KARPEG', e.karpegNumber ?? '-'],
    ['4. Tempat/Tanggal Lahir', `${e.birthPlace ?? BLANK}, ${nip.birthDate ? tanggalIndonesia(nip.birthDate) : '-'}`],
    ['5. Jenis Kelamin', nip.gender ?? '-'],
    ['6. Pangkat/Golongan ruang/TMT', `${pangkat} / ${e.tmtPangkat ? tanggalIndonesia(e.tmtPangkat) : '-'}`],
    ['7. Jabatan/TMT', `${e.positionTitle} (${humanEnum(v.ledger.jenjang)}) / ${tanggalIndonesia(e.tmtJabatan)}`],
    ['8. Unit Kerja', e.unitName],
  ]);
  doc.moveDown(0.5);
}

function closing(doc: Doc, v: PakView) {
  doc.moveDown(0.8);
  const x = doc.page.margins.left + (doc.page.width - doc.page.margins.left - doc.page.margins.right) / 2;
  const w = doc.page.width - doc.page.margins.right - x;
  // Keep the whole closing block on one page.
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

/** Penetapan (met) or akumulasi (not yet met) — PerBKN 3/2023 Lampiran II angka 12 / 11. */
function penetapanPage(doc: Doc, v: PakView, met: boolean) {
  const ak = (d: Decimal.Value) => angkaId(d, v.precision);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  header(doc, v, met ? 'PENETAPAN ANGKA KREDIT' : 'AKUMULASI ANGKA KREDIT');
  identity(doc, v);
  doc.font('Helvetica-Bold').text('II. HASIL PENILAIAN ANGKA KREDIT');
  doc.moveDown(0.2);
  const widths = [24, width - 24 - 3 * 62 - 110, 62, 62, 62, 110];
  const num: ('left' | 'right' | 'center')[] = ['center', 'left', 'right', 'right', 'right', 'left'];
  tableRow(doc, widths, ['NO', 'URAIAN', 'LAMA', 'BARU', 'JUMLAH', 'KETERANGAN'], {
    bold: true,
    align: ['center', 'center', 'center', 'center', 'center', 'center'],
  });
  let totalLama = new Decimal(0);
  let totalBaru = new Decimal(0);
  ROWS.forEach((r, i) => {
    const es = v.ledger.allEntries.filter((e) => e.source === r.source);
    const baru = es.filter((e) => isBaru(e, v.year)).reduce((s, e) => s.plus(e.amount), new Decimal(0));
    const lama = es.reduce((s, e) => s.plus(e.amount), new Decimal(0)).minus(baru);
    totalLama = totalLama.plus(lama);
    totalBaru = totalBaru.plus(baru);
    const note = r.source === 'PREDIKAT' && baru.gt(0) ? `konversi predikat ${v.year}` : es.length ? '' : '-';
    tableRow(doc, widths, [String(i + 1), r.label, ak(lama), ak(baru), ak(lama.plus(baru)), note], { align: num });
  });
  tableRow(
    doc,
    widths,
    ['', 'JUMLAH ANGKA KREDIT KUMULATIF', ak(totalLama), ak(totalBaru), ak(totalLama.plus(totalBaru)), ''],
    { bold: true, align: num },
  );
  doc.moveDown(0.6);

  const n = v.ledger.next;
  if (n && !v.ledger.informational) {
    doc.font('Helvetica-Bold').text('KETERANGAN');
    doc.font('Helvetica');
    const kp = n.kind === 'KENAIKAN_PANGKAT';
    const diff = new Decimal(v.ledger.balance).minus(n.threshold);
    keyValues(
      doc,
      [
        [`AK minimal yang harus dipenuhi untuk ${kp ? 'kenaikan pangkat' : 'kenaikan jenjang'}`, ak(n.threshold)],
        [
          `${diff.gte(0) ? 'Kelebihan' : 'Kekurangan'} AK yang harus dicapai untuk ${kp ? 'kenaikan pangkat' : 'kenaikan jenjang'}`,
          ak(diff.abs()),
        ],
      ],
      { labelWidth: 300 },
    );
    doc.moveDown(0.4);
    const target = kp
      ? `PANGKAT/GOLONGAN RUANG ${PANGKAT_NAME[n.to] ?? ''} (${n.to})`
      : `JENJANG ${humanEnum(n.to).toUpperCase()}`;
    const can = met && (v.eligibility?.eligible ?? false);
    doc
      .font('Helvetica-Bold')
      .text(
        `${can ? 'DAPAT' : 'TIDAK DAPAT'} DIPERTIMBANGKAN UNTUK ${kp ? 'KENAIKAN PANGKAT' : 'KENAIKAN JENJANG JABATAN'} SETINGKAT LEBIH TINGGI MENJADI ${target}`,
        { width },
      );
    doc.font('Helvetica');
    const reasons = v.eligibility?.reasons ?? [];
    if (!can && reasons.length) {
      doc.text('Syarat yang belum terpenuhi:', { width });
      reasons.forEach((r, i) => doc.text(`${i + 1}. ${r}`, doc.page.margins.left + 8, doc.y, { width: width - 8 }));
      doc.x = doc.page.margins.left;
    }
  }
  closing(doc, v);
}

/** Konversi Predikat Kinerja ke Angka Kredit (Lampiran II angka 10), one row per converted period. */
function konversiPage(doc: Doc, v: PakView, title: string) {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  header(doc, v, title);
  if (v.ledger.informational) {
    doc.font('Helvetica-Oblique').text(PPPK_NOTICE, { width });
    doc.font('Helvetica').moveDown(0.4);
  }
  identity(doc, v);
  doc.font('Helvetica-Bold').text('II. KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT');
  doc.moveDown(0.2);
  const widths = [width - 4 * 78 - 70, 70, 78, 78, 78, 78].slice(0, 6);
  const cols = ['PERIODE', 'BULAN', 'PREDIKAT', 'PROSENTASE', 'KOEFISIEN PER TAHUN', 'ANGKA KREDIT YANG DIDAPAT'];
  tableRow(doc, widths, cols, { bold: true, align: cols.map(() => 'center') });
  tableRow(doc, widths, ['1', '2', '3', '4', '5', '6 = 4 × 5 × 2/12'], { align: cols.map(() => 'center') });
  const entries = v.ledger.entries.filter((e) => e.source === 'PREDIKAT' && isBaru(e, v.year));
  let total = new Decimal(0);
  for (const e of entries) {
    total = total.plus(e.amount);
    const pct = `${new Decimal(e.percentage ?? '0').times(100).toFixed(0)}%`;
    const period = `${tanggalIndonesia(`${e.fromMonth}-01`).replace(/^1 /, '')} s.d. ${tanggalIndonesia(`${e.toMonth}-01`).replace(/^1 /, '')}`;
    tableRow(
      doc,
      widths,
      [
        period,
        String(e.months),
        humanEnum(e.predicate),
        pct,
        angkaId(e.coefficient ?? '0', v.precision),
        angkaId(e.amount, v.precision),
      ],
      { align: ['left', 'center', 'left', 'right', 'right', 'right'] },
    );
  }
  if (!entries.length)
    tableRow(doc, widths, ['Belum ada predikat kinerja yang dikonversi pada tahun ini', '', '', '', '', '-']);
  tableRow(doc, widths, ['JUMLAH', '', '', '', '', angkaId(total, v.precision)], {
    bold: true,
    align: ['left', 'center', 'left', 'right', 'right', 'right'],
  });
  closing(doc, v);
}

/**
 * The PAK of a year (PerBKN 3/2023 Lampiran II): a PNS gets the penetapan (threshold met) or the
 * akumulasi, followed by the konversi sheet of the year; a PPPK in a JF gets an informational
 * statement (spec 04 §6) — the konversi sheet only, never a penetapan.
 */
export function renderPak(v: PakView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, bottom: 40, left: 56, right: 48 },
    info: { Title: `Angka Kredit ${v.employee.nip} ${v.year}`, Author: v.agency.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(9);
  if (v.ledger.informational) {
    konversiPage(doc, v, 'PERNYATAAN ANGKA KREDIT (INFORMASI)');
  } else {
    const met = v.ledger.next !== null && new Decimal(v.ledger.next.shortfall).isZero();
    penetapanPage(doc, v, met);
    doc.addPage();
    konversiPage(doc, v, 'KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT');
  }
  doc.end();
  return done;
}
