import { writeFileSync } from 'node:fs';
import type { AgencyProfile } from '../../../src/agency/agency.service';
import { renderPak, type PakView } from '../../../src/angka-kredit/pak-document';
import { DEMO_AGENCY_PROFILE } from '../../../src/demo/demo-agency.util';
import type { EligibilityResult, LedgerEntry, LedgerResult } from '../../../src/rules';
import { pdfText } from '../../support/evaluation-fixtures';
import { layoutProblems } from '../../support/pdf-layout';

// The demo agency's identity, as `npm run seed:demo` stores it.
const agency: AgencyProfile = { ...DEMO_AGENCY_PROFILE, logoPng: null, version: 1, configured: true };

const entry = (e: Partial<LedgerEntry> & Pick<LedgerEntry, 'source' | 'amount'>): LedgerEntry => ({
  jenjang: 'AHLI_PERTAMA',
  exact: e.amount,
  explanation: { summary: '', steps: [] } as unknown as LedgerEntry['explanation'],
  ...e,
});

// BKN's worked example (PerBKN 3/2023 sosialisasi): 2023 Jan–Des Sangat Baik 18,75; 2024 Jan–Feb Baik 2,08.
const ENTRIES: LedgerEntry[] = [
  entry({ source: 'AK_DASAR', amount: '50.000' }),
  entry({
    source: 'PREDIKAT',
    amount: '18.750',
    fromMonth: '2023-01',
    toMonth: '2023-12',
    months: 12,
    predicate: 'SANGAT_BAIK',
    percentage: '1.5',
    coefficient: '12.5',
  }),
  entry({
    source: 'PREDIKAT',
    amount: '2.083',
    fromMonth: '2024-01',
    toMonth: '2024-02',
    months: 2,
    predicate: 'BAIK',
    percentage: '1',
    coefficient: '12.5',
  }),
];

function view(o: { status: 'PNS' | 'PPPK'; met: boolean }): PakView {
  const balance = o.met ? '100.000' : '70.833';
  const entries = o.met
    ? [...ENTRIES, entry({ source: 'PENDIDIKAN', amount: '29.167', fromMonth: '2024-02', toMonth: '2024-02' })]
    : ENTRIES;
  const ledger = {
    jenjang: 'AHLI_PERTAMA',
    golongan: o.status === 'PNS' ? 'III/a' : 'IX',
    informational: o.status === 'PPPK',
    balance,
    entries: entries.filter((e) => e.source === 'PREDIKAT'),
    allEntries: entries,
    closed: [],
    next:
      o.status === 'PPPK'
        ? null
        : { kind: 'KENAIKAN_PANGKAT', to: 'III/b', threshold: '100.000', shortfall: o.met ? '0.000' : '29.167' },
    superseded: [],
    ignoredEducation: [],
    catchUp: null,
    warnings: [],
    explanation: null,
  } as unknown as LedgerResult;
  const eligibility = {
    kind: 'KENAIKAN_PANGKAT',
    eligible: o.met,
    reasons: o.met
      ? []
      : ['AK kumulatif 70,833 kurang dari AK minimal 100,000', 'masa dalam pangkat 10 bulan < 24 bulan'],
  } as unknown as EligibilityResult;
  return {
    agency,
    year: 2024,
    number: '800/7/BKPSDM/2024',
    printedOn: '2026-12-06',
    precision: 3,
    employee: {
      name: 'Zulfiqri Nazar',
      nip: o.status === 'PNS' ? '199001152015031001' : '199203042023212005',
      status: o.status,
      golongan: o.status === 'PNS' ? 'III/a' : 'IX',
      positionTitle: 'Analis SDM Aparatur Ahli Pertama',
      unitName: 'Direktorat Jabatan ASN',
      tmtJabatan: '2023-01-01',
      birthPlace: 'Jakarta',
      karpegNumber: o.status === 'PNS' ? 'N 123456' : null,
      tmtPangkat: o.status === 'PNS' ? '2023-04-01' : null,
      education: { level: 'S1', name: 'S1 Psikologi' },
      masaKerjaGolongan: o.status === 'PNS' ? { years: 1, months: 9, asOf: '2024-12-31' } : null,
    },
    signer: { caption: 'Pejabat Penilai Kinerja', name: 'Dra. Ratna Sari, M.Si.', nip: '197003121995032001' },
    ledger,
    eligibility: o.status === 'PPPK' ? null : eligibility,
  };
}

async function render(name: string, v: PakView) {
  const pdf = await renderPak(v);
  if (process.env.DOC_SAMPLES_DIR) writeFileSync(`${process.env.DOC_SAMPLES_DIR}/${name}.pdf`, pdf);
  return { pdf, text: (await pdfText(pdf)).replace(/\s+/g, ' ') };
}

describe('PAK forms of PerBKN 3/2023 Lampiran II', () => {
  it('penetapan (angka 12) when the accumulation meets the threshold: eight identity items, LAMA/BARU/JUMLAH, the conclusion', async () => {
    const { pdf, text } = await render('pak-penetapan', view({ status: 'PNS', met: true }));
    expect(text).toContain('PENETAPAN ANGKA KREDIT');
    expect(text).toContain('NOMOR: 800/7/BKPSDM/2024');
    expect(text).toMatch(/Masa Penilaian\s*:\s*1 Januari 2024 s\.d\. 31 Desember 2024/);
    for (const item of [
      '1. Nama',
      '2. NIP',
      '3. Nomor Seri KARPEG',
      '4. Tempat/Tanggal Lahir',
      '5. Jenis Kelamin',
      '6. Pangkat/Golongan ruang/TMT',
      '7. Jabatan/TMT',
      '8. Unit Kerja',
    ])
      expect(text).toContain(item);
    expect(text).toContain('Jakarta, 15 Januari 1990');
    expect(text).toContain('Laki-laki');
    expect(text).toContain('Penata Muda, III/a / 1 April 2023');
    expect(text).toMatch(/NO\s+URAIAN\s+LAMA\s+BARU\s+JUMLAH\s+KETERANGAN/);
    expect(text).toContain('1 AK Dasar yang diberikan 50,000 0,000 50,000 pengangkatan pertama');
    expect(text).toContain('4 AK Konversi 18,750 2,083 20,833 konversi tahun sebelumnya; konversi predikat 2024');
    expect(text).toContain('6 Lainnya 0,000 0,000 0,000 -');
    expect(text).toContain('JUMLAH ANGKA KREDIT KUMULATIF 68,750 31,250 100,000');
    expect(text).toMatch(
      /DAPAT DIPERTIMBANGKAN UNTUK KENAIKAN PANGKAT SETINGKAT LEBIH TINGGI MENJADI PANGKAT\/\s*GOLONGAN\s+RUANG Penata Muda Tingkat I \(III\/b\)/,
    );
    expect(text).not.toContain('TIDAK DAPAT');
    expect(text).toContain('KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT');
    expect(await layoutProblems(pdf)).toEqual([]);
  });

  it('akumulasi (angka 11) otherwise: ten identity items, the conversions by year and months, the total and what is missing', async () => {
    const { pdf, text } = await render('pak-akumulasi', view({ status: 'PNS', met: false }));
    expect(text).toContain('AKUMULASI ANGKA KREDIT');
    expect(text).not.toContain('PENETAPAN ANGKA KREDIT');
    expect(text).toMatch(/Masa Penilaian : 1 Januari 2023 s\.d\. 31 Desember 2024/);
    expect(text).toContain('7. Pendidikan');
    expect(text).toContain('S1 Psikologi');
    expect(text).toContain('9. Masa Kerja Golongan');
    expect(text).toContain('1 tahun 9 bulan (per 31 Desember 2024)');
    expect(text).toMatch(
      /NO\s+TAHUN\s+PERIODIK \(BULAN\)\s+PREDIKAT\s+PROSENTASE\s+KOEFISIEN PER TAHUN\s+ANGKA KREDIT/,
    );
    expect(text).toMatch(/2023\s+Januari s\.d\. Desember\s+Sangat Baik\s+150%\s+12,500\s+18,750/);
    expect(text).toMatch(/2024\s+Januari s\.d\. Februari\s+Baik\s+100%\s+12,500\s+2,083/);
    expect(text).toMatch(/JUMLAH ANGKA KREDIT YANG DIPEROLEH\s+70,833/);
    expect(text).toMatch(/Kekurangan AK yang harus dicapai untuk kenaikan pangkat\s*:\s*29,167/);
    expect(text).toContain('1. AK kumulatif 70,833 kurang dari AK minimal 100,000');
    expect(text).not.toContain('DIPERTIMBANGKAN');
    expect(text).toMatch(/Ditetapkan di\s*:\s*Contoh/);
    expect(text).toMatch(
      /1\. Kepala Badan Kepegawaian Negara 2\. Bupati Contoh 3\. Pejabat Penilai Kinerja 4\. Kepala BKPSDM Kabupaten Contoh/,
    );
    expect(await layoutProblems(pdf)).toEqual([]);
  });

  it('PPPK in a JF: the informational statement of spec 04 §6, konversi sheet only', async () => {
    const { pdf, text } = await render('pak-pppk', view({ status: 'PPPK', met: false }));
    expect(text).toContain('PERNYATAAN ANGKA KREDIT (INFORMASI)');
    expect(text).toContain('Informasi: pegawai PPPK tidak memiliki kenaikan pangkat');
    expect(text).toMatch(/Periode\s*:\s*1 Januari 2024 s\.d\. 31 Desember 2024/);
    expect(text).toContain('4. Pangkat/Golongan ruang/TMT : Golongan IX / -');
    expect(text).toContain('9. Masa Kerja Golongan : -');
    expect(text).toContain('Perempuan');
    expect(text).not.toMatch(/PENETAPAN|AKUMULASI|DIPERTIMBANGKAN/);
    expect(await layoutProblems(pdf)).toEqual([]);
  });
});
