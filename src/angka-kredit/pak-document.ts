import Decimal from 'decimal.js';
import PDFDocument from 'pdfkit';
import { keyValues } from '../agency/pdf-blocks';
import { humanEnum, tanggalIndonesia } from '../common/format-id';
import { PANGKAT_NAME } from '../org/org.enums';
import type { LedgerEntry } from '../rules';
import {
  ak,
  Align,
  closing,
  contentWidth,
  Doc,
  header,
  identity,
  isBaru,
  monthsLabel,
  PakView,
  tableRow,
} from './pak-parts';

export type { PakView } from './pak-parts';

/** Shown with a PPPK's ledger (spec 04 §6, ak.pppk.ledger = INFORMATIONAL). */
export const PPPK_NOTICE =
  'Informasi: pegawai PPPK tidak memiliki kenaikan pangkat; angka kredit hasil konversi predikat dicatat sebagai informasi, bukan penetapan angka kredit.';

// Rows of the penetapan (PerBKN 3/2023 Lampiran II angka 12; 02 §12.4) and the ledger sources they print.
const ROWS: { label: string; sources: LedgerEntry['source'][] }[] = [
  { label: 'AK Dasar yang diberikan', sources: ['AK_DASAR'] },
  { label: 'AK JF Lama (termasuk integrasi)', sources: ['INTEGRASI'] },
  { label: 'AK Penyesuaian/Penyetaraan', sources: ['PENYESUAIAN'] },
  { label: 'AK Konversi', sources: ['PREDIKAT'] },
  { label: 'AK yang diperoleh dari peningkatan pendidikan', sources: ['PENDIDIKAN'] },
  { label: 'Lainnya', sources: ['LAINNYA', 'LAMA'] },
];

/** KETERANGAN of a penetapan row: where its figures come from. */
function rowNote(es: LedgerEntry[], year: number): string {
  if (!es.length) return '-';
  const notes = new Set<string>();
  for (const e of es) {
    if (e.source === 'PREDIKAT') notes.add(isBaru(e, year) ? `konversi predikat ${year}` : 'konversi tahun sebelumnya');
    else if (e.source === 'AK_DASAR') notes.add('pengangkatan pertama');
    else if (e.source === 'INTEGRASI') notes.add('integrasi AK konvensional');
    else if (e.source === 'PENDIDIKAN') notes.add(`ijazah ${e.degree ?? ''}`.trim());
    else if (e.source === 'LAMA') notes.add('dari PAK terakhir');
    else notes.add(humanEnum(e.source).toLowerCase());
  }
  return [...notes].join('; ');
}

/** AK minimal and Kelebihan/Kekurangan for the next step (02 §12.4 KETERANGAN). */
function thresholdLines(doc: Doc, v: PakView, n: NonNullable<PakView['ledger']['next']>) {
  const kp = n.kind === 'KENAIKAN_PANGKAT' ? 'kenaikan pangkat' : 'kenaikan jenjang';
  const diff = new Decimal(v.ledger.balance).minus(n.threshold);
  keyValues(
    doc,
    [
      [`AK minimal yang harus dipenuhi untuk ${kp}`, ak(v, n.threshold)],
      [`${diff.gte(0) ? 'Kelebihan' : 'Kekurangan'} AK yang harus dicapai untuk ${kp}`, ak(v, diff.abs())],
    ],
    { labelWidth: 300 },
  );
}

/** The unmet conditions, one per line, with their real reason. */
function unmetReasons(doc: Doc, v: PakView) {
  const reasons = v.eligibility?.reasons ?? [];
  if (!reasons.length) return;
  const width = contentWidth(doc);
  doc.text('Syarat yang belum terpenuhi:', { width });
  reasons.forEach((r, i) => doc.text(`${i + 1}. ${r}`, doc.page.margins.left + 8, doc.y, { width: width - 8 }));
  doc.x = doc.page.margins.left;
}

/** Penetapan Angka Kredit — PerBKN 3/2023 Lampiran II angka 12 (the accumulation met the threshold). */
function penetapanPage(doc: Doc, v: PakView) {
  const width = contentWidth(doc);
  header(doc, v, 'PENETAPAN ANGKA KREDIT', 'Masa Penilaian');
  identity(doc, v, 'penetapan');
  doc.font('Helvetica-Bold').text('II. HASIL PENILAIAN ANGKA KREDIT');
  doc.moveDown(0.2);
  const widths = [24, width - 24 - 3 * 62 - 110, 62, 62, 62, 110];
  const num: Align[] = ['center', 'left', 'right', 'right', 'right', 'left'];
  tableRow(doc, widths, ['NO', 'URAIAN', 'LAMA', 'BARU', 'JUMLAH', 'KETERANGAN'], {
    bold: true,
    align: widths.map(() => 'center'),
  });
  let totalLama = new Decimal(0);
  let totalBaru = new Decimal(0);
  ROWS.forEach((r, i) => {
    const es = v.ledger.allEntries.filter((e) => r.sources.includes(e.source));
    const baru = es.filter((e) => isBaru(e, v.year)).reduce((s, e) => s.plus(e.amount), new Decimal(0));
    const lama = es.reduce((s, e) => s.plus(e.amount), new Decimal(0)).minus(baru);
    totalLama = totalLama.plus(lama);
    totalBaru = totalBaru.plus(baru);
    const note = rowNote(es, v.year);
    tableRow(doc, widths, [String(i + 1), r.label, ak(v, lama), ak(v, baru), ak(v, lama.plus(baru)), note], {
      align: num,
    });
  });
  tableRow(
    doc,
    widths,
    ['', 'JUMLAH ANGKA KREDIT KUMULATIF', ak(v, totalLama), ak(v, totalBaru), ak(v, totalLama.plus(totalBaru)), ''],
    { bold: true, align: num },
  );
  doc.moveDown(0.6);
  const n = v.ledger.next;
  if (n) {
    doc.font('Helvetica-Bold').text('KETERANGAN');
    doc.font('Helvetica');
    thresholdLines(doc, v, n);
    doc.moveDown(0.4);
    const kp = n.kind === 'KENAIKAN_PANGKAT';
    const target = kp
      ? `PANGKAT/GOLONGAN RUANG ${PANGKAT_NAME[n.to] ?? ''} (${n.to})`
      : `JENJANG ${humanEnum(n.to).toUpperCase()}`;
    const can = v.eligibility?.eligible ?? false;
    doc
      .font('Helvetica-Bold')
      .text(
        `${can ? 'DAPAT' : 'TIDAK DAPAT'} DIPERTIMBANGKAN UNTUK ${kp ? 'KENAIKAN PANGKAT' : 'KENAIKAN JENJANG JABATAN'} SETINGKAT LEBIH TINGGI MENJADI ${target}`,
        { width },
      );
    doc.font('Helvetica');
    if (!can) unmetReasons(doc, v);
  }
  closing(doc, v);
}

/**
 * Akumulasi Angka Kredit — Lampiran II angka 11 (02 §12.3): every entry of the open ledger by year
 * and months (predikat, prosentase, koefisien), openings first, and the total that counts towards
 * the next step; the KETERANGAN says what is still missing.
 */
function akumulasiPage(doc: Doc, v: PakView) {
  const width = contentWidth(doc);
  // Masa Penilaian of an akumulasi: from the first converted month of the open ledger (02 §12.3).
  const first = v.ledger.allEntries
    .map((e) => e.fromMonth)
    .filter((m): m is string => !!m)
    .sort()[0];
  header(
    doc,
    v,
    'AKUMULASI ANGKA KREDIT',
    'Masa Penilaian',
    first && first < `${v.year}-01` ? `${first}-01` : undefined,
  );
  identity(doc, v, 'konversi');
  doc.font('Helvetica-Bold').text('II. AKUMULASI ANGKA KREDIT');
  doc.moveDown(0.2);
  const widths = [24, 40, 0, 70, 70, 70, 66];
  widths[2] = width - widths.reduce((a, b) => a + b, 0);
  const cols = ['NO', 'TAHUN', 'PERIODIK (BULAN)', 'PREDIKAT', 'PROSENTASE', 'KOEFISIEN PER TAHUN', 'ANGKA KREDIT'];
  const align: Align[] = ['center', 'center', 'left', 'left', 'right', 'right', 'right'];
  tableRow(doc, widths, cols, { bold: true, align: cols.map(() => 'center') });
  const label: Partial<Record<LedgerEntry['source'], string>> = {
    ...Object.fromEntries(ROWS.map((r) => [r.sources[0], r.label])),
    LAMA: 'AK dari PAK terakhir',
  };
  const entries = [...v.ledger.allEntries].sort(
    (a, b) => Number(!!a.fromMonth) - Number(!!b.fromMonth) || (a.fromMonth ?? '').localeCompare(b.fromMonth ?? ''),
  );
  entries.forEach((e, i) => {
    const row =
      e.source === 'PREDIKAT'
        ? [
            e.fromMonth?.slice(0, 4) ?? '-',
            monthsLabel(e),
            humanEnum(e.predicate),
            `${new Decimal(e.percentage ?? '0').times(100).toFixed(0)}%`,
            ak(v, e.coefficient ?? '0'),
          ]
        : [e.fromMonth?.slice(0, 4) ?? '-', label[e.source] ?? humanEnum(e.source), '-', '-', '-'];
    tableRow(doc, widths, [String(i + 1), ...row, ak(v, e.amount)], { align });
  });
  if (!entries.length) tableRow(doc, widths, ['', '', 'Belum ada angka kredit', '', '', '', ak(v, 0)], { align });
  tableRow(doc, widths, ['', '', 'JUMLAH ANGKA KREDIT YANG DIPEROLEH', '', '', '', ak(v, v.ledger.balance)], {
    bold: true,
    align,
  });
  doc.moveDown(0.6);
  if (v.ledger.next) {
    doc.font('Helvetica-Bold').text('KETERANGAN');
    doc.font('Helvetica');
    thresholdLines(doc, v, v.ledger.next);
    doc.moveDown(0.2);
    unmetReasons(doc, v);
  }
  closing(doc, v);
}

/** Konversi Predikat Kinerja ke Angka Kredit (Lampiran II angka 10), one row per converted period of the year. */
function konversiPage(doc: Doc, v: PakView, title: string) {
  const width = contentWidth(doc);
  header(doc, v, title, 'Periode');
  if (v.ledger.informational) {
    doc.font('Helvetica-Oblique').text(PPPK_NOTICE, { width });
    doc.font('Helvetica').moveDown(0.4);
  }
  identity(doc, v, 'konversi');
  doc.font('Helvetica-Bold').text('II. KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT');
  doc.moveDown(0.2);
  const widths = [width - 4 * 78 - 70, 70, 78, 78, 78, 78];
  const cols = ['PERIODE', 'BULAN', 'PREDIKAT', 'PROSENTASE', 'KOEFISIEN PER TAHUN', 'ANGKA KREDIT YANG DIDAPAT'];
  const align: Align[] = ['left', 'center', 'left', 'right', 'right', 'right'];
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
      [period, String(e.months), humanEnum(e.predicate), pct, ak(v, e.coefficient ?? '0'), ak(v, e.amount)],
      { align },
    );
  }
  if (!entries.length)
    tableRow(doc, widths, ['Belum ada predikat kinerja yang dikonversi pada tahun ini', '', '', '', '', '-']);
  tableRow(doc, widths, ['JUMLAH', '', '', '', '', ak(v, total)], { bold: true, align });
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
  const done = new Promise<Buffer>((resolve) => {
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
  });
  doc.fontSize(9);
  if (v.ledger.informational) {
    konversiPage(doc, v, 'PERNYATAAN ANGKA KREDIT (INFORMASI)');
  } else {
    const met = v.ledger.next !== null && new Decimal(v.ledger.next.shortfall).isZero();
    if (met) penetapanPage(doc, v);
    else akumulasiPage(doc, v);
    doc.addPage();
    konversiPage(doc, v, 'KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT');
  }
  doc.end();
  return done;
}
