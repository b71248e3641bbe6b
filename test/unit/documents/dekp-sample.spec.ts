import { writeFileSync } from 'node:fs';
import { DEMO_AGENCY_PROFILE } from '../../../src/demo/demo-agency.util';
import { renderDekp } from '../../../src/evaluation/dekp-document.util';
import type { EvaluationView } from '../../../src/evaluation/evaluation-views.service';
import type { DistributionReport } from '../../../src/evaluation/distribution.service';
import { CORE_VALUES } from '../../../src/skp/skp.enums';
import { pdfText } from '../../support/evaluation-fixtures';
import { layoutProblems } from '../../support/pdf-layout';

// The demo agency's DEKP of a year after a keberatan decided by the atasan PPK (the pictures in docs/documents.md).
const agency = { ...DEMO_AGENCY_PROFILE, logoPng: null, version: 1, configured: true };
const person = (nip: string, name: string, golongan: string, pangkat: string, positionTitle: string) => ({
  employeeId: nip,
  nip,
  name,
  golongan,
  pangkat,
  positionTitle,
  positionKind: 'X',
  unitId: 'u',
  unitCode: 'U',
  unitName: 'Seksi Pelayanan Kesehatan Rujukan, Dinas Kesehatan',
  isUnitHead: false,
});
const distribution = {
  unitCode: 'U',
  unitName: 'Seksi Pelayanan Kesehatan Rujukan',
  period: '2026',
  orgPredicate: 'BAIK',
  orgPredicateNote: null,
  population: 8,
  counts: { SANGAT_BAIK: 1, BAIK: 5, BUTUH_PERBAIKAN: 1, KURANG: 1, SANGAT_KURANG: 0 },
  violations: [],
  warnings: [],
  ok: true,
  explanation: null,
};
const ind = (text: string, aspect: string, target: string, realization: string) => ({
  id: text,
  text,
  aspect,
  perspective: null,
  target,
  realization,
  evidenceUrls: ['https://drive.contoh.go.id/bukti/rujukan-2026.pdf'],
});
const view = {
  id: 'e',
  skpId: 's',
  nip: '199309272005051806',
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
  resultRating: 'DI_ATAS_EKSPEKTASI',
  behaviorRating: 'DI_ATAS_EKSPEKTASI',
  predicate: 'SANGAT_BAIK',
  explanation: null,
  note: 'Pertahankan ketepatan waktu rujukan; dokumentasikan bukti dukung setiap bulan.',
  isUnitHead: false,
  unitCode: 'U',
  orgPredicate: 'BAIK',
  results: [
    {
      id: 'r1',
      kind: 'UTAMA',
      text: 'Meningkatnya mutu layanan rujukan pasien',
      feedback: 'Capaian melampaui target; pertahankan.',
      parentText: 'Meningkatnya kualitas pelayanan kesehatan rujukan',
      indicators: [
        ind('Persentase rujukan ditindaklanjuti dalam 24 jam', 'KUANTITAS', '95 %', 'Tercapai 97 %'),
        ind('Keluhan pasien rujukan terselesaikan', 'KUALITAS', '90 %', 'Tercapai 92 %'),
      ],
    },
    {
      id: 'r2',
      kind: 'UTAMA',
      text: 'Tersusunnya laporan rujukan bulanan',
      feedback: 'Tepat waktu.',
      parentText: 'Tersedianya data pelayanan rujukan',
      indicators: [ind('Laporan rujukan disampaikan paling lambat tanggal 5', 'WAKTU', '12 laporan', '12 laporan')],
    },
    {
      id: 'r3',
      kind: 'TAMBAHAN',
      text: 'Menjadi narasumber sosialisasi sistem rujukan',
      feedback: '-',
      parentText: null,
      indicators: [ind('Jumlah sosialisasi', 'KUANTITAS', '2 kali', '3 kali')],
    },
  ],
  behaviors: CORE_VALUES.map((c, i) => ({
    coreValue: c,
    specialExpectation: i === 0 ? 'Responsif terhadap keluhan pasien rujukan' : null,
    feedback: i === 0 ? 'Ramah dan responsif' : null,
  })),
  ratedAt: null,
  issuedAt: '2027-01-06T03:00:00Z',
  objectionDeadline: null,
  distributionJustification: null,
  distribution,
  objection: {
    reason: 'Capaian rujukan 97 % dari target 95 %, bukan sesuai ekspektasi.',
    filedAt: '2027-01-09T03:00:00Z',
    ppkExplanation: 'Capaian 97 % baru terlihat pada laporan akhir Desember.',
    decisionNote: 'Keberatan diterima; capaian di atas ekspektasi.',
    decidedAt: '2027-01-15T03:00:00Z',
    decidedByNip: '199301222003042239',
    original: { resultRating: 'SESUAI_EKSPEKTASI', behaviorRating: 'DI_ATAS_EKSPEKTASI', predicate: 'BAIK' },
    distributionAfterDecision: distribution,
  },
  finalizedAt: null,
  finalizedBy: null,
  snapshot: {
    onDate: '2026-12-31',
    agencyName: agency.name,
    employee: person(
      '199309272005051806',
      'Siti Rahmawati, S.K.M.',
      'III/a',
      'Penata Muda',
      'Pengelola Layanan Rujukan',
    ),
    ppk: person(
      '199112022014112382',
      'dr. Bambang Sutrisno',
      'III/d',
      'Penata Tingkat I',
      'Kepala Seksi Pelayanan Kesehatan Rujukan',
    ),
    atasanPpk: person(
      '199301222003042239',
      'dr. Ratna Dewi, M.Kes.',
      'IV/a',
      'Pembina',
      'Kepala Bidang Pelayanan Kesehatan',
    ),
  },
  revisions: [],
  history: [],
};

describe('DEKP of the demo agency after a keberatan', () => {
  it('prints the keberatan sections, three signature blocks under the town and date, and no overprint', async () => {
    const pdf = await renderDekp(
      view as unknown as EvaluationView,
      distribution as unknown as DistributionReport,
      '2027-01-15',
      agency,
    );
    // `DOC_SAMPLES_DIR=/tmp/s npx jest test/unit/documents` keeps the PDF (docs/ shows its pages as PNG).
    if (process.env.DOC_SAMPLES_DIR) writeFileSync(`${process.env.DOC_SAMPLES_DIR}/dekp-docs.pdf`, pdf);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Jalan Merdeka No. 1, Contoh 12345');
    expect(text).toContain(
      '6. KEBERATAN Capaian rujukan 97 % dari target 95 %, bukan sesuai ekspektasi. (diajukan 9 Januari 2027)',
    );
    expect(text).toContain('(semula Baik)');
    expect(text).toContain('Contoh, 6 Januari 2027');
    for (const name of ['Siti Rahmawati, S.K.M.', 'dr. Bambang Sutrisno', 'dr. Ratna Dewi, M.Kes.'])
      expect(text).toContain(name);
    expect(text).toContain('NIP 19930927 200505 1 806');
    expect(await layoutProblems(pdf)).toEqual([]);
  });
});
