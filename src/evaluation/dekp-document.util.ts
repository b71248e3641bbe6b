import PDFDocument from 'pdfkit';
import { UnprocessableError } from '../common/domain-errors';
import type { AgencyProfile } from '../agency/agency.service';
import { letterhead, placeAndDate, signatureBlocks, type Signer } from '../agency/pdf-blocks';
import { renderEvaluationForm } from './dekp-form.util';
import { dekpTable, ORG_LABEL, predLabel, ratingLabel, safe } from './dekp-parts.util';
import type { DistributionReport } from './distribution.service';
import type { EvaluationView } from './evaluation-views.service';
import { tanggalIndonesia } from '../common/format-id';

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
  const snap = v.snapshot;
  if (!snap)
    throw new UnprocessableError(
      'DEKP memerlukan identitas pegawai pada periode / the DEKP needs the identity snapshot',
    );
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `DEKP ${v.nip} ${v.period}`, Author: agency.name, Subject: 'Dokumen Evaluasi Kinerja Pegawai' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => {
    chunks.push(c);
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const { row, kv, person } = dekpTable(doc);

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

  renderEvaluationForm(doc, dekpTable(doc), v, snap, distribution, agency, signDate);
  doc.end();
  return done;
}
