import PDFDocument from 'pdfkit';
import { PREDICATE_LABELS, RATING_LABELS, type Predicate, type Rating } from '../rules';
import type { AgencyProfile } from '../agency/agency.service';
import { letterhead, placeAndDate, signatureBlocks, type Signer } from '../agency/pdf-blocks';
import { CORE_VALUE_GUIDANCE, CORE_VALUE_LABEL } from '../skp/skp.enums';
import type { DistributionReport } from './distribution.service';
import type { PersonBlock } from './evaluation-store';
import type { EvaluationView } from './evaluation-views';
import { formatNip, humanEnum, tanggalIndonesia } from './format-id';

const ORG_LABEL: Record<string, string> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};
const predLabel = (p: string | null) => (p ? (PREDICATE_LABELS[p as Predicate] ?? humanEnum(p)) : '-');
const ratingLabel = (r: string | null) => (r ? (RATING_LABELS[r as Rating] ?? humanEnum(r)) : '-');
/** The standard PDF fonts speak WinAnsi only: keep text to characters they can print. */
const safe = (s: string | null | undefined) =>
  (s ?? '-')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/≤/g, '<=')
    .replace(/≥/g, '>=')
    .replace(/×/g, 'x')
    // eslint-disable-next-line no-control-regex -- the pattern keeps tab and line breaks on purpose
    .replace(/[^\x09\x0a\x0d\x20-\x7e\xa0-\xff]/g, '?');

interface Col {
  w: number;
  text: string;
  bold?: boolean;
}

/**
 * Renders the Dokumen Evaluasi Kinerja Pegawai (spec 01 §12) followed by the evaluation form
 * (results with targets, realisations and feedback; behaviour; ratings; predicate). Identity blocks
 * come from the evaluation's snapshot: the people as they were in the period.
 */
export function renderDekp(
  v: EvaluationView,
  distribution: DistributionReport | null,
  printedOn: string,
  agency: AgencyProfile,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `DEKP ${v.nip} ${v.period}`, Author: agency.name, Subject: 'Dokumen Evaluasi Kinerja Pegawai' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const snap = v.snapshot!;

  const row = (cols: Col[], opts: { fill?: boolean } = {}) => {
    doc.fontSize(8.5);
    const heights = cols.map((c) =>
      doc.font(c.bold ? 'Helvetica-Bold' : 'Helvetica').heightOfString(safe(c.text), { width: c.w - 6 }),
    );
    const h = Math.max(...heights) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    for (const c of cols) {
      if (opts.fill) doc.rect(x, y, c.w, h).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
      else doc.rect(x, y, c.w, h).stroke();
      doc.font(c.bold ? 'Helvetica-Bold' : 'Helvetica').text(safe(c.text), x + 3, y + 3, { width: c.w - 6 });
      x += c.w;
    }
    doc.x = left;
    doc.y = y + h;
  };
  const heading = (text: string) => row([{ w: width, text, bold: true }], { fill: true });
  const kv = (no: string, k: string, val: string) =>
    row([
      { w: 28, text: no },
      { w: 170, text: k },
      { w: width - 198, text: val },
    ]);
  const person = (no: string, title: string, pb: PersonBlock | null) => {
    row(
      [
        { w: 28, text: no, bold: true },
        { w: width - 28, text: title, bold: true },
      ],
      { fill: true },
    );
    kv('', 'NAMA', pb?.name ?? '-');
    kv('', 'NIP', pb ? formatNip(pb.nip) : '-');
    kv('', 'PANGKAT/GOL. RUANG', pb ? (pb.pangkat ? `${pb.pangkat}, ${pb.golongan}` : `Golongan ${pb.golongan}`) : '-');
    kv('', 'JABATAN', pb?.positionTitle ?? '-');
    kv('', 'UNIT KERJA', pb ? pb.unitName : '-');
  };

  // ---- DEKP ----
  letterhead(doc, agency);
  doc.font('Helvetica-Bold').fontSize(13).text('DOKUMEN EVALUASI KINERJA PEGAWAI', { align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(10);
  if (v.periodKind === 'MONTHLY') {
    doc.font('Helvetica-Bold').text('PERIODE: BULANAN', { align: 'center' });
  } else {
    // "PERIODE*: TRIWULAN I/II/III/IV-AKHIR" with the values that do not apply struck through.
    const which = v.periodKind === 'ANNUAL' ? 4 : Number(v.period.slice(-1));
    const parts = ['I', 'II', 'III', 'IV-AKHIR'];
    const prefix = 'PERIODE*: TRIWULAN ';
    const total = doc.font('Helvetica-Bold').widthOfString(prefix + parts.join('/'));
    const y = doc.y;
    let x = left + (width - total) / 2;
    doc.text(prefix, x, y, { lineBreak: false });
    x += doc.widthOfString(prefix);
    parts.forEach((part, i) => {
      doc.text(part, x, y, { lineBreak: false, strike: i + 1 !== which });
      x += doc.widthOfString(part);
      if (i < parts.length - 1) {
        doc.text('/', x, y, { lineBreak: false });
        x += doc.widthOfString('/');
      }
    });
    doc.x = left;
    doc.y = y + 14;
    if (v.periodKind === 'ANNUAL')
      doc.font('Helvetica').fontSize(9).text(`(Evaluasi Kinerja Tahunan ${v.year})`, { align: 'center' });
  }
  if (v.status === 'RATED')
    doc.font('Helvetica-Oblique').fontSize(9).text('KONSEP - belum ditetapkan', { align: 'center' });
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(9);
  row([
    { w: width / 2, text: `NAMA INSTANSI: ${agency.name}` },
    {
      w: width / 2,
      text: `PERIODE PENILAIAN: ${v.periodKind === 'MONTHLY' ? `${v.periodLabel}, ` : ''}${tanggalIndonesia(v.start)} s.d. ${tanggalIndonesia(v.end)}`,
    },
  ]);
  person('1.', 'PEGAWAI YANG DINILAI', snap.employee);
  person('2.', 'PEJABAT PENILAI KINERJA', snap.ppk);
  person('3.', 'ATASAN PEJABAT PENILAI KINERJA', snap.atasanPpk);
  row(
    [
      { w: 28, text: '4.', bold: true },
      { w: width - 28, text: 'EVALUASI KINERJA', bold: true },
    ],
    { fill: true },
  );
  kv(
    '',
    'CAPAIAN KINERJA ORGANISASI',
    v.orgPredicate ? (ORG_LABEL[v.orgPredicate] ?? v.orgPredicate) : 'belum ditetapkan',
  );
  kv('', 'PREDIKAT KINERJA PEGAWAI', predLabel(v.predicate));
  row(
    [
      { w: 28, text: '5.', bold: true },
      { w: width - 28, text: 'CATATAN/REKOMENDASI', bold: true },
    ],
    { fill: true },
  );
  row([
    { w: 28, text: '' },
    { w: width - 28, text: v.note ?? '-' },
  ]);
  if (v.objection) {
    row(
      [
        { w: 28, text: '6.', bold: true },
        { w: width - 28, text: 'KEBERATAN', bold: true },
      ],
      { fill: true },
    );
    row([
      { w: 28, text: '' },
      {
        w: width - 28,
        text: `${v.objection.reason}${v.objection.filedAt ? ` (diajukan ${tanggalIndonesia(new Date(v.objection.filedAt))})` : ''}`,
      },
    ]);
    row(
      [
        { w: 28, text: '7.', bold: true },
        { w: width - 28, text: 'PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN', bold: true },
      ],
      { fill: true },
    );
    row([
      { w: 28, text: '' },
      { w: width - 28, text: v.objection.ppkExplanation ?? '-' },
    ]);
    row(
      [
        { w: 28, text: '8.', bold: true },
        { w: width - 28, text: 'KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN', bold: true },
      ],
      { fill: true },
    );
    const decided = v.objection.decidedAt
      ? `${v.objection.decisionNote ?? ''}\nRating hasil kerja: ${ratingLabel(v.resultRating)}; rating perilaku kerja: ${ratingLabel(v.behaviorRating)}; predikat: ${predLabel(v.predicate)} ` +
        `(semula ${predLabel(v.objection.original.predicate)}). Diputuskan ${tanggalIndonesia(new Date(v.objection.decidedAt))}; keputusan bersifat final.`
      : 'Dalam pemeriksaan atasan Pejabat Penilai Kinerja.';
    row([
      { w: 28, text: '' },
      { w: width - 28, text: decided },
    ]);
  }
  if (v.revision > 0) {
    doc.moveDown(0.3);
    doc
      .font('Helvetica-Oblique')
      .fontSize(8)
      .text(safe(`Revisi ke-${v.revision} (koreksi admin kepegawaian); riwayat revisi tercatat dalam jejak audit.`));
  }

  // Signatures: the place/date line above the last block; every block in its own column (no overprint with three).
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(9);
  const signDate = v.issuedAt
    ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(v.issuedAt))
    : printedOn;
  const signers: Signer[] = [
    { caption: ['Pegawai yang Dinilai,'], name: snap.employee.name, nip: snap.employee.nip },
    { caption: ['Pejabat Penilai Kinerja,'], name: snap.ppk?.name ?? null, nip: snap.ppk?.nip ?? null },
    ...(v.objection
      ? [
          {
            caption: ['Atasan Pejabat Penilai Kinerja,'],
            name: snap.atasanPpk?.name ?? null,
            nip: snap.atasanPpk?.nip ?? null,
          },
        ]
      : []),
  ];
  signatureBlocks(
    doc,
    signers.map((b, i) => ({
      ...b,
      name: b.name ? safe(b.name) : null,
      placeDate: i === signers.length - 1 ? safe(placeAndDate(agency, signDate)) : undefined,
    })),
  );
  doc.font('Helvetica').fontSize(8).text('*) coret yang tidak perlu', left, doc.y);

  // ---- evaluation form ----
  doc.addPage();
  const jpt = v.formType === 'JPT';
  doc.font('Helvetica-Bold').fontSize(11).text('EVALUASI KINERJA PEGAWAI', { align: 'center' });
  doc.fontSize(9).text(`PENDEKATAN HASIL KERJA ${v.approach}`, { align: 'center' });
  doc.text(jpt ? 'BAGI PEJABAT PIMPINAN TINGGI' : 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL', {
    align: 'center',
  });
  doc.moveDown(0.5);
  row([
    { w: width / 2, text: `NAMA INSTANSI: ${agency.name}` },
    {
      w: width / 2,
      text: `PERIODE PENILAIAN: ${v.periodLabel} (${tanggalIndonesia(v.start)} s.d. ${tanggalIndonesia(v.end)})`,
    },
  ]);
  row([
    {
      w: width / 2,
      text: `PEGAWAI YANG DINILAI\n${snap.employee.name}\nNIP ${formatNip(snap.employee.nip)}\n${snap.employee.positionTitle}\n${snap.employee.unitName}`,
    },
    {
      w: width / 2,
      text: `PEJABAT PENILAI KINERJA\n${snap.ppk?.name ?? '-'}\n${snap.ppk ? `NIP ${formatNip(snap.ppk.nip)}` : ''}\n${snap.ppk?.positionTitle ?? ''}\n${snap.ppk?.unitName ?? ''}`,
    },
  ]);
  kv(
    '',
    'CAPAIAN KINERJA ORGANISASI*',
    v.orgPredicate ? (ORG_LABEL[v.orgPredicate] ?? v.orgPredicate).toUpperCase() : 'BELUM DITETAPKAN',
  );
  if (distribution && distribution.orgPredicate) {
    const order: [string, string][] = [
      ['SANGAT_KURANG', 'Sangat Kurang'],
      ['KURANG', 'Kurang/Misconduct'],
      ['BUTUH_PERBAIKAN', 'Butuh Perbaikan'],
      ['BAIK', 'Baik'],
      ['SANGAT_BAIK', 'Sangat Baik'],
    ];
    const counts = distribution.counts as unknown as Record<string, number>;
    kv(
      '',
      'POLA DISTRIBUSI',
      `Kurva distribusi predikat kinerja pegawai dengan capaian kinerja organisasi ${ORG_LABEL[distribution.orgPredicate]} (unit ${distribution.unitName}, N = ${distribution.population}): ` +
        order.map(([k, l]) => `${l} ${counts[k] ?? 0}`).join(', ') +
        (distribution.ok
          ? ''
          : `; tidak sesuai pola distribusi: ${distribution.violations.map((x) => x.message).join('; ')}`) +
        (v.distributionJustification ? `; justifikasi: ${v.distributionJustification}` : ''),
    );
    // a small bar chart of the curve
    const max = Math.max(1, ...order.map(([k]) => counts[k] ?? 0));
    const chartH = 50;
    if (doc.y + chartH + 24 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const cy = doc.y + 6;
    const bwid = (width - 40) / order.length;
    order.forEach(([k, l], i) => {
      const n = counts[k] ?? 0;
      const h = (n / max) * chartH;
      const x = left + 20 + i * bwid;
      if (h > 0)
        doc
          .rect(x + bwid * 0.25, cy + chartH - h, bwid * 0.5, h)
          .fill('#888888')
          .fillColor('#000000');
      doc
        .font('Helvetica')
        .fontSize(7)
        .text(`${l} (${n})`, x, cy + chartH + 2, { width: bwid, align: 'center' });
    });
    doc.x = left;
    doc.y = cy + chartH + 16;
  }
  doc.moveDown(0.3);
  heading('HASIL KERJA');
  const cw = [20, 82, 82, 86, 52, 54, 80, width - 456];
  row(
    [
      { w: cw[0], text: 'NO', bold: true },
      { w: cw[1], text: 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI', bold: true },
      { w: cw[2], text: 'RENCANA HASIL KERJA', bold: true },
      { w: cw[3], text: 'INDIKATOR KINERJA INDIVIDU', bold: true },
      { w: cw[4], text: 'ASPEK', bold: true },
      { w: cw[5], text: 'TARGET', bold: true },
      { w: cw[6], text: 'REALISASI BERDASARKAN BUKTI DUKUNG', bold: true },
      { w: cw[7], text: 'UMPAN BALIK BERKELANJUTAN', bold: true },
    ],
    { fill: true },
  );
  row(cw.map((w, i) => ({ w, text: String(i + 1) })));
  for (const kind of ['UTAMA', 'TAMBAHAN']) {
    row([{ w: width, text: kind === 'UTAMA' ? 'A. UTAMA' : 'B. TAMBAHAN', bold: true }]);
    const rs = v.results.filter((r) => r.kind === kind);
    if (rs.length === 0) row([{ w: width, text: '-' }]);
    rs.forEach((r, i) => {
      const inds = r.indicators.length
        ? r.indicators
        : [{ text: '-', target: null, realization: null, evidenceUrls: [] as string[], aspect: null }];
      inds.forEach((ind, j) => {
        row([
          { w: cw[0], text: j === 0 ? String(i + 1) : '' },
          { w: cw[1], text: j === 0 ? (r.parentText ?? '-') : '' },
          { w: cw[2], text: j === 0 ? r.text : '' },
          { w: cw[3], text: ind.text },
          { w: cw[4], text: ind.aspect ? humanEnum(ind.aspect) : '-' },
          { w: cw[5], text: ind.target ?? '-' },
          {
            w: cw[6],
            text: `${ind.realization ?? '-'}${ind.evidenceUrls.length ? `\nBukti: ${ind.evidenceUrls.join(', ')}` : ''}`,
          },
          { w: cw[7], text: j === 0 ? (r.feedback ?? '-') : '' },
        ]);
      });
    });
  }
  kv(
    '',
    'RATING HASIL KERJA*',
    ratingLabel(v.resultRating) + (v.isUnitHead ? ' (dari capaian kinerja organisasi yang dipimpin)' : ''),
  );
  doc.moveDown(0.3);
  heading('PERILAKU KERJA');
  const bw2 = [22, 220, 150, width - 392];
  row(
    [
      { w: bw2[0], text: 'NO', bold: true },
      { w: bw2[1], text: 'NILAI DASAR (CORE VALUES)', bold: true },
      { w: bw2[2], text: 'EKSPEKTASI KHUSUS PIMPINAN', bold: true },
      { w: bw2[3], text: 'UMPAN BALIK BERKELANJUTAN', bold: true },
    ],
    { fill: true },
  );
  v.behaviors.forEach((b, i) => {
    const guidance = (CORE_VALUE_GUIDANCE[b.coreValue] ?? []).map((g, k) => `${k + 1}. ${g}`).join('\n');
    row([
      { w: bw2[0], text: String(i + 1) },
      { w: bw2[1], text: `${CORE_VALUE_LABEL[b.coreValue] ?? b.coreValue}\n${guidance}` },
      { w: bw2[2], text: `Ekspektasi khusus pimpinan:\n${b.specialExpectation ?? '-'}` },
      { w: bw2[3], text: b.feedback ?? '-' },
    ]);
  });
  kv('', 'RATING PERILAKU KERJA*', ratingLabel(v.behaviorRating));
  kv('', 'PREDIKAT KINERJA PEGAWAI*', predLabel(v.predicate));
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(9);
  signatureBlocks(doc, [
    { caption: ['Pegawai yang Dinilai,'], name: safe(snap.employee.name), nip: snap.employee.nip },
    {
      caption: ['Pejabat Penilai Kinerja,'],
      name: snap.ppk ? safe(snap.ppk.name) : null,
      nip: snap.ppk?.nip ?? null,
      placeDate: safe(placeAndDate(agency, signDate)),
    },
  ]);
  doc.font('Helvetica').fontSize(8).text('*) coret yang tidak perlu', left, doc.y);
  doc.end();
  return done;
}
