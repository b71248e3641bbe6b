import PDFDocument from 'pdfkit';
import { formatNip, humanEnum, tanggalIndonesia } from '../evaluation/format-id';
import { PANGKAT_NAME } from '../org/org.enums';
import type { LedgerEntry, LedgerResult, EligibilityResult } from '../rules';
import Decimal from 'decimal.js';

/** Shown with a PPPK's ledger (spec 04 §6, ak.pppk.ledger = INFORMATIONAL). */
export const PPPK_NOTICE = 'Informasi: pegawai PPPK tidak memiliki kenaikan pangkat; angka kredit hasil konversi predikat dicatat sebagai informasi, bukan penetapan angka kredit.';

export interface PakView {
  agencyName: string;
  year: number;
  number: string;
  printedOn: string;
  employee: { name: string; nip: string; golongan: string; positionTitle: string; unitName: string; tmtJabatan: string };
  ppk: { name: string; nip: string; positionTitle: string } | null;
  ledger: LedgerResult;
  eligibility: EligibilityResult | null;
}

// PAK rows (PerBKN 3/2023 Lampiran II angka 12) and the ledger sources they print.
const ROWS: { label: string; source: LedgerEntry['source'] }[] = [
  { label: 'AK Dasar yang diberikan', source: 'AK_DASAR' },
  { label: 'AK JF Lama (termasuk integrasi)', source: 'INTEGRASI' },
  { label: 'AK Penyesuaian/Penyetaraan', source: 'PENYESUAIAN' as LedgerEntry['source'] },
  { label: 'AK Konversi', source: 'PREDIKAT' },
  { label: 'AK yang diperoleh dari peningkatan pendidikan', source: 'PENDIDIKAN' },
];

/** Entries of the year are BARU; earlier ones and openings are LAMA (02 §12.4, INFERRED). */
function isBaru(e: LedgerEntry, year: number): boolean {
  const month = e.fromMonth ?? null;
  return month ? Number(month.slice(0, 4)) === year : false;
}

/**
 * Penetapan Angka Kredit (PerBKN 3/2023 Lampiran II angka 12) when the accumulation meets the next
 * threshold; otherwise the same layout as an accumulation statement (02 §12.1 item 4).
 */
export function renderPak(v: PakView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `PAK ${v.employee.nip} ${v.year}`, Author: v.agencyName } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 96;
  const met = v.ledger.next !== null && new Decimal(v.ledger.next.shortfall).isZero();
  const fmt = (d: Decimal) => d.toFixed(3);

  // A PPPK's ledger is informational (spec 04 §6): never a penetapan.
  const informational = v.ledger.informational;
  doc.font('Helvetica-Bold').fontSize(12).text(informational ? 'PERNYATAAN ANGKA KREDIT (INFORMASI)' : met ? 'PENETAPAN ANGKA KREDIT' : 'PERNYATAAN AKUMULASI ANGKA KREDIT', { align: 'center' });
  doc.font('Helvetica').fontSize(9).text(`NOMOR: ${v.number}`, { align: 'center' });
  if (informational) doc.text(PPPK_NOTICE, { align: 'center' });
  doc.moveDown(0.5);
  doc.text(`Instansi: ${v.agencyName}`);
  doc.text(`Masa Penilaian: 1 Januari ${v.year} s.d. 31 Desember ${v.year}`);
  doc.moveDown(0.5);

  doc.font('Helvetica-Bold').text('I. KETERANGAN PERORANGAN');
  doc.font('Helvetica');
  const kv = (k: string, val: string) => doc.text(`${k.padEnd(34, ' ')}: ${val}`, { width });
  kv('1. Nama', v.employee.name);
  kv('2. NIP', formatNip(v.employee.nip));
  kv('3. Pangkat/Golongan ruang', `${PANGKAT_NAME[v.employee.golongan] ?? '-'}, ${v.employee.golongan}`);
  kv('4. Jabatan/TMT', `${v.employee.positionTitle} / ${tanggalIndonesia(v.employee.tmtJabatan)}`);
  kv('5. Jenjang', humanEnum(v.ledger.jenjang));
  kv('6. Unit Kerja', v.employee.unitName);
  doc.moveDown(0.5);

  doc.font('Helvetica-Bold').text('II. HASIL PENILAIAN ANGKA KREDIT');
  doc.font('Helvetica');
  const cols = [24, width - 24 - 3 * 70 - 90, 70, 70, 70, 90];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = 48;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    let maxH = 0;
    cells.forEach((c, i) => {
      const h = doc.heightOfString(c, { width: cols[i] - 4 });
      doc.text(c, x + 2, y, { width: cols[i] - 4, align: i >= 2 && i <= 4 ? 'right' : 'left' });
      maxH = Math.max(maxH, h);
      x += cols[i];
    });
    doc.y = y + maxH + 4;
    doc.x = 48;
  };
  row(['NO', 'URAIAN', 'LAMA', 'BARU', 'JUMLAH', 'KETERANGAN'], true);
  let totalLama = new Decimal(0);
  let totalBaru = new Decimal(0);
  ROWS.forEach((r, i) => {
    const es = v.ledger.allEntries.filter((e) => e.source === r.source);
    const baru = es.filter((e) => isBaru(e, v.year)).reduce((s, e) => s.plus(e.amount), new Decimal(0));
    const lama = es.reduce((s, e) => s.plus(e.amount), new Decimal(0)).minus(baru);
    totalLama = totalLama.plus(lama);
    totalBaru = totalBaru.plus(baru);
    row([String(i + 1), r.label, fmt(lama), fmt(baru), fmt(lama.plus(baru)), '']);
  });
  row(['', 'JUMLAH ANGKA KREDIT KUMULATIF', fmt(totalLama), fmt(totalBaru), fmt(totalLama.plus(totalBaru)), ''], true);
  doc.moveDown(0.5);

  doc.font('Helvetica-Bold').text('Rincian Konversi Predikat Kinerja');
  doc.font('Helvetica');
  for (const e of v.ledger.entries) {
    doc.text(`• ${e.fromMonth} s.d. ${e.toMonth} (${e.months} bulan, ${e.basis === 'TAHUNAN' ? 'tahunan' : 'periodik'}): predikat ${humanEnum(e.predicate)}, ${new Decimal(e.percentage ?? '0').times(100).toFixed(0)}% × ${e.coefficient} × ${e.months}/12 = ${e.amount}`, { width });
  }
  doc.moveDown(0.5);

  if (v.ledger.next && !informational) {
    const n = v.ledger.next;
    doc.font('Helvetica-Bold').text('KETERANGAN');
    doc.font('Helvetica');
    kv(`AK minimal untuk ${n.kind === 'KENAIKAN_PANGKAT' ? 'kenaikan pangkat' : 'kenaikan jenjang'}`, n.threshold);
    kv(met ? 'Kelebihan AK' : 'Kekurangan AK yang harus dicapai', met ? fmt(new Decimal(v.ledger.balance).minus(n.threshold)) : n.shortfall);
    doc.moveDown(0.3);
    const target = n.kind === 'KENAIKAN_PANGKAT' ? `PANGKAT/GOLONGAN RUANG ${PANGKAT_NAME[n.to] ?? ''} (${n.to})` : `JENJANG ${humanEnum(n.to)}`;
    const can = met && (v.eligibility?.eligible ?? false);
    doc.font('Helvetica-Bold').text(`${can ? 'DAPAT' : 'TIDAK DAPAT'} DIPERTIMBANGKAN UNTUK ${n.kind === 'KENAIKAN_PANGKAT' ? 'KENAIKAN PANGKAT' : 'KENAIKAN JENJANG JABATAN'} SETINGKAT LEBIH TINGGI MENJADI ${target}`, { width });
    if (!can && v.eligibility?.unmet.length) {
      doc.font('Helvetica').text(`Syarat yang belum terpenuhi: ${v.eligibility.reasons?.join('; ') || v.eligibility.unmet.join(', ')}`, { width });
    }
  }
  doc.moveDown(1);
  doc.font('Helvetica').text(`Ditetapkan di: ${v.agencyName}`, 300);
  doc.text(`Pada tanggal: ${tanggalIndonesia(v.printedOn)}`, 300);
  doc.text('Pejabat Penilai Kinerja,', 300);
  doc.moveDown(2.5);
  doc.text(v.ppk?.name ?? '-', 300);
  doc.text(v.ppk ? `NIP ${formatNip(v.ppk.nip)}` : '', 300);
  doc.moveDown(1);
  doc.fontSize(8).text('ASLI disampaikan kepada Pejabat Fungsional yang bersangkutan. Tembusan: 1) Pimpinan Instansi Pengusul; 2) Pejabat Penilai Kinerja; 3) Kepala BKPSDM.', 48, undefined, { width });
  doc.end();
  return done;
}
