import { writeFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { AgencyProfile } from '../../../src/agency/agency.service';
import { renderDekp } from '../../../src/evaluation/dekp-document.util';
import type { DistributionReport } from '../../../src/evaluation/distribution.service';
import type { PersonBlock } from '../../../src/evaluation/evaluation-snapshot.util';
import type { EvaluationView } from '../../../src/evaluation/evaluation-views.service';
import { CORE_VALUES } from '../../../src/skp/skp.enums';
import { pdfText } from '../../support/evaluation-fixtures';
import { layoutProblems, textBoxes } from '../../support/pdf-layout';

// The longest values the API accepts: names, positions and unit names of 200 characters.
const long = (stem: string, n = 200) =>
  (stem + ' ')
    .repeat(Math.ceil(n / (stem.length + 1)))
    .slice(0, n)
    .trim();

const agency: AgencyProfile = {
  name: long('Pemerintah Kabupaten Contoh Raya Sejahtera', 120),
  town: 'Kota Baru Contoh Raya',
  letterhead: [
    'PEMERINTAH KABUPATEN CONTOH',
    'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA',
    'Jalan Merdeka No. 1',
  ],
  logoPng: null,
  pakNumberFormat: '800/{seq}/BKPSDM/{year}',
  dekpNumberFormat: '800/{seq}/DEKP/{year}',
  officials: {},
  tembusan: [],
  version: 1,
  configured: true,
};

const person = (nip: string, who: string): PersonBlock => ({
  employeeId: nip,
  nip,
  name: long(`Prof. Dr. Raden Ajeng ${who} Kusumawardhani Purnamasari`),
  golongan: 'IV/b',
  pangkat: 'Pembina Tingkat I',
  positionTitle: long(`Kepala Seksi Pelayanan Kesehatan Rujukan dan Peningkatan Mutu ${who}`),
  positionKind: 'ADMINISTRATOR',
  unitId: 'u',
  unitCode: 'U',
  unitName: long(`Seksi Pelayanan Kesehatan Rujukan Bidang Pelayanan Kesehatan Dinas Kesehatan ${who}`),
  isUnitHead: false,
});

const distribution: DistributionReport = {
  unitCode: 'U',
  unitName: long('Bidang Pelayanan Kesehatan Dinas Kesehatan Kabupaten Contoh', 150),
  period: '2026',
  orgPredicate: 'BAIK',
  orgPredicateNote: null,
  population: 40,
  counts: { SANGAT_BAIK: 6, BAIK: 24, BUTUH_PERBAIKAN: 6, KURANG: 3, SANGAT_KURANG: 1 },
  violations: [],
  warnings: [],
  ok: true,
  explanation: null,
};

/** Twenty RHK (fourteen utama, six tambahan), each with two indicators, every text long. */
function view(): EvaluationView {
  const results = Array.from({ length: 20 }, (_, i) => ({
    id: `r${i + 1}`,
    kind: (i < 14 ? 'UTAMA' : 'TAMBAHAN') as 'UTAMA' | 'TAMBAHAN',
    text: `RHK-${i + 1} ${long('Meningkatnya kualitas pelayanan kesehatan rujukan yang terstandar dan terakreditasi', 300)}`,
    feedback: long('Pertahankan capaian dan perbaiki ketepatan waktu pelaporan bukti dukung bulanan', 250),
    parentText: long('Meningkatnya derajat kesehatan masyarakat melalui pelayanan rujukan yang bermutu', 250),
    indicators: [0, 1].map((j) => ({
      id: `i${i}-${j}`,
      text: long('Persentase fasilitas kesehatan rujukan yang memenuhi standar pelayanan minimal', 200),
      aspect: j === 0 ? 'KUANTITAS' : 'KUALITAS',
      perspective: null,
      target: '100% fasilitas rujukan terakreditasi paripurna',
      realization: long('Tercapai 98% fasilitas rujukan terakreditasi paripurna sesuai laporan', 180),
      evidenceUrls: [`https://bukti.contoh.go.id/dokumen/2026/rhk-${i + 1}/indikator-${j + 1}/laporan-akhir.pdf`],
    })),
  }));
  return {
    id: 'e1',
    skpId: 's1',
    nip: '198703152010012002',
    name: 'x',
    year: 2026,
    approach: 'KUANTITATIF',
    formType: 'JA_JF',
    period: '2026',
    periodKind: 'ANNUAL',
    periodLabel: 'Tahunan 2026',
    fromMonth: '2026-01',
    toMonth: '2026-12',
    start: '2026-01-01',
    end: '2026-12-31',
    referenceDate: '2026-12-31',
    status: 'FINAL',
    revision: 0,
    resultRating: 'SESUAI_EKSPEKTASI',
    behaviorRating: 'DI_ATAS_EKSPEKTASI',
    predicate: 'BAIK',
    explanation: null,
    note: long('Pertahankan kinerja dan tingkatkan kolaborasi lintas bidang dalam pelayanan rujukan', 400),
    isUnitHead: false,
    unitCode: 'U',
    orgPredicate: 'BAIK',
    results,
    behaviors: CORE_VALUES.map((c) => ({
      coreValue: c,
      specialExpectation: long('Menjadi teladan dalam pelayanan yang ramah dan tepat waktu bagi pasien rujukan', 220),
      feedback: long('Sudah menunjukkan perilaku yang diharapkan secara konsisten sepanjang tahun', 200),
    })),
    ratedAt: '2026-12-20T03:00:00Z',
    issuedAt: '2026-12-21T03:00:00Z',
    objectionDeadline: null,
    distributionJustification: null,
    distribution,
    objection: {
      reason: long('Rating hasil kerja tidak mempertimbangkan bukti dukung triwulan keempat', 400),
      filedAt: '2026-12-22T03:00:00Z',
      ppkExplanation: long('Bukti dukung triwulan keempat diunggah setelah penilaian', 400),
      decisionNote: long('Keberatan diterima sebagian setelah memeriksa bukti dukung', 300),
      decidedAt: '2026-12-28T03:00:00Z',
      decidedByNip: '197001011995031001',
      original: {
        resultRating: 'DI_BAWAH_EKSPEKTASI',
        behaviorRating: 'SESUAI_EKSPEKTASI',
        predicate: 'BUTUH_PERBAIKAN',
      },
      distributionAfterDecision: distribution,
    },
    finalizedAt: '2026-12-28T03:00:00Z',
    finalizedBy: null,
    snapshot: {
      onDate: '2026-12-31',
      agencyName: agency.name,
      employee: person('198703152010012002', 'Pegawai'),
      ppk: person('197505052000031003', 'Penilai'),
      atasanPpk: person('197001011995031001', 'Atasan'),
    },
    revisions: [],
    history: [],
  } as EvaluationView;
}

function drawn(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('layout check', () => {
  it('finds text over text, even a sliver, and text off the page; passes text laid out line by line', async () => {
    const bad = await drawn((d) => {
      d.fontSize(9).text('Kota Baru, 21 Desember 2026', 300, 100, { width: 150 });
      d.text('Atasan Pejabat Penilai Kinerja,', 300, 108, { width: 150 });
      d.text('Tembusan yang terpotong di tepi halaman', 560, 300, { lineBreak: false });
    });
    const problems = await layoutProblems(bad);
    expect(problems.some((p) => p.includes('overlaps "Atasan Pejabat Penilai Kinerja,"'))).toBe(true);
    expect(problems.some((p) => /"Tembusa[^"]*" at \(560/.test(p))).toBe(true);
    const good = await drawn((d) => {
      d.fontSize(9).text('Kota Baru, 21 Desember 2026', 300, 100, { width: 150 });
      d.text('Atasan Pejabat Penilai Kinerja,', 300, d.y, { width: 150 });
      d.text('NIP 19700101 199503 1 001', 300, d.y, { width: 150 });
    });
    expect(await layoutProblems(good)).toEqual([]);
  });
});

describe('DEKP and evaluation form layout: twenty RHK, 200-character names, three signature blocks', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderDekp(view(), distribution, '2026-12-30', agency);
    text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    if (process.env.DOC_SAMPLES_DIR) writeFileSync(`${process.env.DOC_SAMPLES_DIR}/dekp-long.pdf`, pdf);
  });

  it('prints no text over other text and nothing off the page', async () => {
    expect(await layoutProblems(pdf)).toEqual([]);
  });

  it('keeps every RHK and every indicator, over several pages', async () => {
    const { pages } = await textBoxes(pdf);
    expect(pages.length).toBeGreaterThan(3);
    for (let i = 1; i <= 20; i++) expect(text).toContain(`RHK-${i} Meningkatnya`);
    expect(text.match(/laporan-akhir\.pdf/g)?.length).toBe(40);
  });

  it('carries the fixed texts of the DEKP and of the form', () => {
    for (const fixed of [
      'DOKUMEN EVALUASI KINERJA PEGAWAI',
      'PEGAWAI YANG DINILAI',
      'PEJABAT PENILAI KINERJA',
      'ATASAN PEJABAT PENILAI KINERJA',
      'EVALUASI KINERJA',
      'CAPAIAN KINERJA ORGANISASI',
      'PREDIKAT KINERJA PEGAWAI',
      'CATATAN/REKOMENDASI',
      'KEBERATAN',
      'PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN',
      'KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN',
      'PENDEKATAN HASIL KERJA KUANTITATIF',
      'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL',
      'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI',
      'INDIKATOR KINERJA INDIVIDU',
      'REALISASI BERDASARKAN BUKTI DUKUNG',
      'UMPAN BALIK BERKELANJUTAN',
      'A. UTAMA',
      'B. TAMBAHAN',
      'RATING HASIL KERJA*',
      'PERILAKU KERJA',
      'EKSPEKTASI KHUSUS PIMPINAN',
      'RATING PERILAKU KERJA*',
      'PREDIKAT KINERJA PEGAWAI*',
      'Atasan Pejabat Penilai Kinerja,',
      'Kota Baru Contoh Raya, 21 Desember 2026',
      '*) coret yang tidak perlu',
    ])
      expect(text).toContain(fixed);
    expect(text.match(/\*\) coret yang tidak perlu/g)?.length).toBe(2);
    // Starred fields print every option (those that do not apply struck through).
    expect(text).toContain('Istimewa / Baik / Butuh Perbaikan / Kurang / Sangat Kurang');
    expect(text).toContain('Di Atas Ekspektasi / Sesuai Ekspektasi / Di Bawah Ekspektasi');
    expect(text).toContain('Sangat Baik / Baik / Butuh Perbaikan / Kurang/Misconduct / Sangat Kurang');
    expect(text).toContain('PANGKAT/GOL. RUANG');
  });

  it('JPT variant, kualitatif: RHK, ukuran keberhasilan with target, perspektif; no intervened RHK or aspek', async () => {
    const jpt = { ...view(), formType: 'JPT', approach: 'KUALITATIF' } as EvaluationView;
    jpt.results = jpt.results.slice(0, 3).map((r) => ({
      ...r,
      indicators: r.indicators.map((i) => ({ ...i, aspect: null, perspective: 'PENERIMA_LAYANAN' })),
    }));
    const pdf = await renderDekp(jpt, distribution, '2026-12-30', agency);
    const t = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(t).toContain('BAGI PEJABAT PIMPINAN TINGGI');
    expect(t).toContain('PERSPEKTIF');
    expect(t).toContain('PENDEKATAN HASIL KERJA KUALITATIF');
    expect(t).toContain(': 100% fasilitas rujukan terakreditasi paripurna');
    expect(t).toContain('Penerima Layanan');
    expect(t).not.toContain('DIINTERVENSI');
    expect(t).not.toContain('ASPEK');
    expect(await layoutProblems(pdf)).toEqual([]);
  });
});
