import type PDFKit from 'pdfkit';
import type { AgencyProfile } from '../agency/agency.service';
import { placeAndDate, signatureBlocks } from '../agency/pdf-blocks';
import { CORE_VALUE_GUIDANCE, CORE_VALUE_LABEL } from '../skp/skp.enums';
import { DekpTable, ORG_LABEL, predLabel, ratingLabel, safe } from './dekp-parts';
import type { DistributionReport } from './distribution.service';
import type { EvaluationView } from './evaluation-views';
import { formatNip, humanEnum, tanggalIndonesia } from './format-id';

/**
 * The evaluation form (EVALUASI KINERJA PEGAWAI, Lampiran PermenPANRB 6/2022; JPT or JA/JF variant):
 * results with the intervened leader's RHK, aspect, target, realisation and feedback; BerAKHLAK
 * behaviour with guidance and ekspektasi khusus; ratings; predikat; signatures.
 */
export function renderEvaluationForm(
  doc: PDFKit.PDFDocument,
  t: DekpTable,
  v: EvaluationView,
  distribution: DistributionReport | null,
  agency: AgencyProfile,
  signDate: string,
): void {
  const { left, width, row, heading, kv } = t;
  const snap = v.snapshot!;
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
}
