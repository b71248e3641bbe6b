import type PDFKit from 'pdfkit';
import type { AgencyProfile } from '../agency/agency.service';
import { placeAndDate, signatureBlocks } from '../agency/pdf-blocks';
import { CORE_VALUE_GUIDANCE, CORE_VALUE_LABEL } from '../skp/skp.enums';
import { PREDICATES } from '../rules';
import { DekpTable, ORG_LABEL, predLabel, ratingLabel, safe } from './dekp-parts.util';
import type { EvaluationSnapshot, PersonBlock } from './evaluation-snapshot.util';
import type { DistributionReport } from './distribution.service';
import type { EvaluationView } from './evaluation-views.service';
import { formatNip, humanEnum, tanggalIndonesia } from '../common/format-id';

/**
 * The evaluation form (EVALUASI KINERJA PEGAWAI, Lampiran PermenPANRB 6/2022; JPT or JA/JF variant):
 * results with the intervened leader's RHK, aspect, target, realisation and feedback; BerAKHLAK
 * behaviour with guidance and ekspektasi khusus; ratings; predikat; signatures.
 */
export function renderEvaluationForm(
  doc: PDFKit.PDFDocument,
  t: DekpTable,
  v: EvaluationView,
  snap: EvaluationSnapshot,
  distribution: DistributionReport | null,
  agency: AgencyProfile,
  signDate: string,
): void {
  const { left, width, row, heading, kv, choice } = t;
  // A section heading never ends a page: its column header and first row follow it.
  const keepWithNext = (h: number) => {
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
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
  // NO | PEGAWAI YANG DINILAI | NO | PEJABAT PENILAI KINERJA, five numbered items each (Lampiran PermenPANRB 6/2022).
  const half = width / 2;
  const idw = [20, 84, half - 104, 20, 84, half - 104];
  row(
    [
      { w: idw[0], text: 'NO', bold: true },
      { w: idw[1] + idw[2], text: 'PEGAWAI YANG DINILAI', bold: true },
      { w: idw[3], text: 'NO', bold: true },
      { w: idw[4] + idw[5], text: 'PEJABAT PENILAI KINERJA', bold: true },
    ],
    { fill: true },
  );
  const items = (pb: PersonBlock | null): [string, string][] => [
    ['NAMA', pb?.name ?? '-'],
    ['NIP', pb ? formatNip(pb.nip) : '-'],
    ['PANGKAT/GOL. RUANG', pb ? (pb.pangkat ? `${pb.pangkat}, ${pb.golongan}` : `Golongan ${pb.golongan}`) : '-'],
    ['JABATAN', pb?.positionTitle ?? '-'],
    ['UNIT KERJA', pb?.unitName ?? '-'],
  ];
  const [mine, ppk] = [items(snap.employee), items(snap.ppk)];
  mine.forEach(([k, val], i) => {
    row([
      { w: idw[0], text: String(i + 1) },
      { w: idw[1], text: k },
      { w: idw[2], text: val },
      { w: idw[3], text: String(i + 1) },
      { w: idw[4], text: ppk[i][0] },
      { w: idw[5], text: ppk[i][1] },
    ]);
  });
  choice('CAPAIAN KINERJA ORGANISASI*', {
    options: Object.values(ORG_LABEL),
    chosen: v.orgPredicate ? (ORG_LABEL[v.orgPredicate] ?? null) : null,
    suffix: v.orgPredicate ? undefined : '(belum ditetapkan)',
  });
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
  keepWithNext(110);
  heading('HASIL KERJA');
  // Columns (01 §4.2): JA/JF (1) No (2) RHK pimpinan yang diintervensi (3) RHK (4) Aspek (5) IKI (6) Target
  // (7) Realisasi (8) Umpan balik; JPT No, RHK, IKI, Target, Perspektif, Realisasi, Umpan balik.
  type Ind = EvaluationView['results'][number]['indicators'][number];
  type Res = EvaluationView['results'][number];
  const evidence = (ind: Ind) =>
    `${ind.realization ?? '-'}${ind.evidenceUrls.length ? `\nBukti: ${ind.evidenceUrls.join(', ')}` : ''}`;
  const cols: { w: number; head: string; cell: (r: Res, ind: Ind, first: boolean, no: number) => string }[] = [
    { w: 20, head: 'NO', cell: (_r, _i, first, no) => (first ? String(no) : '') },
    ...(jpt
      ? []
      : [
          {
            w: 74,
            head: 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI',
            cell: (r: Res, _i: Ind, first: boolean) => (first ? (r.parentText ?? '-') : ''),
          },
        ]),
    { w: jpt ? 110 : 78, head: 'RENCANA HASIL KERJA', cell: (r, _i, first) => (first ? r.text : '') },
    ...(jpt ? [] : [{ w: 46, head: 'ASPEK', cell: (_r: Res, i: Ind) => (i.aspect ? humanEnum(i.aspect) : '-') }]),
    // Kualitatif: ukuran keberhasilan/IKI and target written together as narrative (01 §4.1).
    ...(v.approach === 'KUALITATIF'
      ? [
          {
            w: jpt ? 150 : 130,
            head: 'UKURAN KEBERHASILAN/INDIKATOR KINERJA INDIVIDU, DAN TARGET',
            cell: (_r: Res, i: Ind) => `- ${i.text}${i.target ? `: ${i.target}` : ''}`,
          },
        ]
      : [
          { w: jpt ? 100 : 80, head: 'INDIKATOR KINERJA INDIVIDU', cell: (_r: Res, i: Ind) => i.text },
          { w: 50, head: 'TARGET', cell: (_r: Res, i: Ind) => i.target ?? '-' },
        ]),
    ...(jpt
      ? [{ w: 62, head: 'PERSPEKTIF', cell: (_r: Res, i: Ind) => (i.perspective ? humanEnum(i.perspective) : '-') }]
      : []),
    { w: 80, head: 'REALISASI BERDASARKAN BUKTI DUKUNG', cell: (_r, i) => evidence(i) },
    {
      w: 0,
      head: 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG',
      cell: (r, _i, first) => (first ? (r.feedback ?? '-') : ''),
    },
  ];
  cols[cols.length - 1].w = width - cols.reduce((a, c) => a + c.w, 0);
  row(
    cols.map((c) => ({ w: c.w, text: c.head, bold: true })),
    { fill: true },
  );
  row(cols.map((c, i) => ({ w: c.w, text: `(${i + 1})` })));
  for (const kind of ['UTAMA', 'TAMBAHAN']) {
    row([{ w: width, text: kind === 'UTAMA' ? 'A. UTAMA' : 'B. TAMBAHAN', bold: true }]);
    const rs = v.results.filter((r) => r.kind === kind);
    if (rs.length === 0) row([{ w: width, text: '-' }]);
    rs.forEach((r, i) => {
      const inds: Ind[] = r.indicators.length
        ? r.indicators
        : [{ id: '', text: '-', target: null, realization: null, evidenceUrls: [], aspect: null, perspective: null }];
      inds.forEach((ind, j) => {
        row(cols.map((c) => ({ w: c.w, text: c.cell(r, ind, j === 0, i + 1) })));
      });
    });
  }
  const RATINGS = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'];
  choice('RATING HASIL KERJA*', {
    options: RATINGS.map(ratingLabel),
    chosen: v.resultRating ? ratingLabel(v.resultRating) : null,
    suffix: v.isUnitHead ? '(dari capaian kinerja organisasi yang dipimpin)' : undefined,
  });
  doc.moveDown(0.3);
  keepWithNext(130);
  heading('PERILAKU KERJA');
  const bw2 = [22, 220, 150, width - 392];
  row(
    [
      { w: bw2[0], text: 'NO', bold: true },
      { w: bw2[1], text: 'NILAI DASAR (CORE VALUES)', bold: true },
      { w: bw2[2], text: 'EKSPEKTASI KHUSUS PIMPINAN', bold: true },
      { w: bw2[3], text: 'UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG', bold: true },
    ],
    { fill: true },
  );
  v.behaviors.forEach((b, i) => {
    const guidance = CORE_VALUE_GUIDANCE[b.coreValue].map((g, k) => `${k + 1}. ${g}`).join('\n');
    row([
      { w: bw2[0], text: String(i + 1) },
      { w: bw2[1], text: `${CORE_VALUE_LABEL[b.coreValue]}\n${guidance}` },
      { w: bw2[2], text: `Ekspektasi khusus pimpinan:\n${b.specialExpectation ?? '-'}` },
      { w: bw2[3], text: b.feedback ?? '-' },
    ]);
  });
  choice('RATING PERILAKU KERJA*', {
    options: RATINGS.map(ratingLabel),
    chosen: v.behaviorRating ? ratingLabel(v.behaviorRating) : null,
  });
  choice('PREDIKAT KINERJA PEGAWAI*', {
    options: PREDICATES.map((p) => predLabel(p)),
    chosen: v.predicate ? predLabel(v.predicate) : null,
  });
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
