import type { JenjangJf } from '../org/org.enums';

/** The demo agency "Pemerintah Kabupaten Contoh": a unit tree and about 40 employees covering every kind of position. */
export const DEMO_AGENCY_NAME = 'Pemerintah Kabupaten Contoh';

/** The demo agency's identity on documents (GET/PUT /agency). */
export const DEMO_AGENCY_PROFILE = {
  name: DEMO_AGENCY_NAME,
  town: 'Contoh',
  letterhead: [
    'PEMERINTAH KABUPATEN CONTOH',
    'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA',
    'Jalan Merdeka No. 1, Contoh 12345 · Telepon (0123) 456789',
  ],
  pakNumberFormat: '800/{seq}/BKPSDM/{year}',
  dekpNumberFormat: '800/{seq}/DEKP/{year}',
  officials: {},
  tembusan: [
    'Kepala Badan Kepegawaian Negara',
    'Bupati Contoh',
    'Pejabat Penilai Kinerja',
    'Kepala BKPSDM Kabupaten Contoh',
  ],
};
export const DEMO_EMPLOYEE_PASSWORD = 'pegawai-demo-2026';

export interface DemoUnit {
  code: string;
  name: string;
  parentCode: string | null;
}
export interface DemoEmployee {
  key: string;
  nip: string;
  name: string;
  status: 'PNS' | 'PPPK';
  golongan: string;
  unitCode: string;
  supervisor: string | null;
  title: string;
  kind: 'JPT_UTAMA' | 'JPT_MADYA' | 'JPT_PRATAMA' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
  jenjang: JenjangJf | null;
  kelas: number;
  head: boolean;
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'PEMKAB', name: 'Pemerintah Kabupaten Contoh', parentCode: null },
  { code: 'SETDA', name: 'Sekretariat Daerah', parentCode: 'PEMKAB' },
  { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', parentCode: 'PEMKAB' },
  { code: 'BKPSDM-MUTASI', name: 'Bidang Mutasi dan Promosi', parentCode: 'BKPSDM' },
  { code: 'DINKES', name: 'Dinas Kesehatan', parentCode: 'PEMKAB' },
  { code: 'DINKES-SEK', name: 'Sekretariat Dinas Kesehatan', parentCode: 'DINKES' },
  { code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan', parentCode: 'DINKES' },
  { code: 'DINKES-YANKES-RUJ', name: 'Seksi Pelayanan Kesehatan Rujukan', parentCode: 'DINKES-YANKES' },
  { code: 'DISDIK', name: 'Dinas Pendidikan', parentCode: 'PEMKAB' },
  { code: 'DISDIK-SD', name: 'Bidang Pembinaan Sekolah Dasar', parentCode: 'DISDIK' },
];

// [key, name, status, golongan, unit, supervisorKey, title, kind, jenjang, kelas, head]
type Row = [
  string,
  string,
  'PNS' | 'PPPK',
  string,
  string,
  string | null,
  string,
  DemoEmployee['kind'],
  JenjangJf | null,
  number,
  boolean,
];
// One row a person, on one line each so the roster reads as a table.
// prettier-ignore
const ROWS: Row[] = [
  ['sekda', 'Dr. Hendra Wijaya, M.Si.', 'PNS', 'IV/c', 'SETDA', null, 'Sekretaris Daerah', 'JPT_PRATAMA', null, 15, true],
  ['kabkpsdm', 'Sri Wahyuni, S.H., M.H.', 'PNS', 'IV/b', 'BKPSDM', 'sekda', 'Kepala BKPSDM', 'JPT_PRATAMA', null, 14, true],
  ['kabid-mutasi', 'Agus Santoso, S.Sos.', 'PNS', 'IV/a', 'BKPSDM-MUTASI', 'kabkpsdm', 'Kepala Bidang Mutasi dan Promosi', 'ADMINISTRATOR', null, 11, true],
  ['ap-sdm-muda', 'Rina Kartika, S.Psi.', 'PNS', 'III/c', 'BKPSDM-MUTASI', 'kabid-mutasi', 'Analis Sumber Daya Manusia Aparatur Ahli Muda', 'FUNGSIONAL', 'AHLI_MUDA', 9, false],
  ['ap-sdm-pertama', 'Dimas Prasetyo, S.AP.', 'PNS', 'III/a', 'BKPSDM-MUTASI', 'kabid-mutasi', 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', 'FUNGSIONAL', 'AHLI_PERTAMA', 8, false],
  ['pel-bkpsdm-1', 'Yuli Astuti', 'PNS', 'II/c', 'BKPSDM-MUTASI', 'kabid-mutasi', 'Pengadministrasi Kepegawaian', 'PELAKSANA', null, 5, false],
  ['pel-bkpsdm-2', 'Bayu Nugroho, A.Md.', 'PPPK', 'VII', 'BKPSDM-MUTASI', 'kabid-mutasi', 'Pengelola Data Kepegawaian', 'PELAKSANA', null, 6, false],
  ['kadinkes', 'dr. Maria Ulfa, M.Kes.', 'PNS', 'IV/c', 'DINKES', 'sekda', 'Kepala Dinas Kesehatan', 'JPT_PRATAMA', null, 14, true],
  ['sekdinkes', 'Bambang Riyadi, S.K.M., M.M.', 'PNS', 'IV/a', 'DINKES-SEK', 'kadinkes', 'Sekretaris Dinas Kesehatan', 'ADMINISTRATOR', null, 11, true],
  ['kasubag-umum', 'Dewi Lestari, S.E.', 'PNS', 'III/d', 'DINKES-SEK', 'sekdinkes', 'Kepala Subbagian Umum dan Kepegawaian', 'PENGAWAS', null, 9, false],
  ['pel-dinkes-1', 'Slamet Riyanto', 'PNS', 'II/b', 'DINKES-SEK', 'kasubag-umum', 'Pengadministrasi Umum', 'PELAKSANA', null, 5, false],
  ['pel-dinkes-2', 'Fitri Handayani, A.Md.', 'PNS', 'II/d', 'DINKES-SEK', 'kasubag-umum', 'Pengelola Keuangan', 'PELAKSANA', null, 6, false],
  ['pel-dinkes-3', 'Joko Susilo', 'PPPK', 'V', 'DINKES-SEK', 'kasubag-umum', 'Pengemudi', 'PELAKSANA', null, 3, false],
  ['arsiparis-terampil', 'Nur Aini, A.Md.', 'PNS', 'II/c', 'DINKES-SEK', 'kasubag-umum', 'Arsiparis Terampil', 'FUNGSIONAL', 'TERAMPIL', 6, false],
  ['kabid-yankes', 'dr. Andi Saputra', 'PNS', 'IV/a', 'DINKES-YANKES', 'kadinkes', 'Kepala Bidang Pelayanan Kesehatan', 'ADMINISTRATOR', null, 11, true],
  ['kasi-rujukan', 'Ratna Sari, S.Kep., Ners', 'PNS', 'III/d', 'DINKES-YANKES-RUJ', 'kabid-yankes', 'Kepala Seksi Pelayanan Kesehatan Rujukan', 'PENGAWAS', null, 9, true],
  ['admkes-madya', 'dr. Yusuf Hamdani, M.P.H.', 'PNS', 'IV/b', 'DINKES-YANKES', 'kadinkes', 'Administrator Kesehatan Ahli Madya', 'FUNGSIONAL', 'AHLI_MADYA', 12, false],
  ['admkes-muda', 'Lina Marlina, S.K.M., M.Kes.', 'PNS', 'III/d', 'DINKES-YANKES', 'kabid-yankes', 'Administrator Kesehatan Ahli Muda', 'FUNGSIONAL', 'AHLI_MUDA', 10, false],
  ['perawat-pertama', 'Siti Rahmawati, S.Kep., Ners', 'PNS', 'III/a', 'DINKES-YANKES-RUJ', 'kasi-rujukan', 'Perawat Ahli Pertama', 'FUNGSIONAL', 'AHLI_PERTAMA', 8, false],
  ['perawat-pertama-2', 'Eko Wibowo, S.Kep., Ners', 'PPPK', 'IX', 'DINKES-YANKES-RUJ', 'kasi-rujukan', 'Perawat Ahli Pertama', 'FUNGSIONAL', 'AHLI_PERTAMA', 8, false],
  ['perawat-mahir', 'Wahyu Hidayat, A.Md.Kep.', 'PNS', 'III/b', 'DINKES-YANKES-RUJ', 'kasi-rujukan', 'Perawat Mahir', 'FUNGSIONAL', 'MAHIR', 7, false],
  ['perawat-penyelia', 'Sumarni, A.Md.Kep.', 'PNS', 'III/c', 'DINKES-YANKES-RUJ', 'kasi-rujukan', 'Perawat Penyelia', 'FUNGSIONAL', 'PENYELIA', 8, false],
  ['bidan-terampil', 'Ani Suryani, A.Md.Keb.', 'PNS', 'II/d', 'DINKES-YANKES-RUJ', 'kasi-rujukan', 'Bidan Terampil', 'FUNGSIONAL', 'TERAMPIL', 6, false],
  ['pranata-pemula', 'Rudi Hartono', 'PNS', 'II/a', 'DINKES-YANKES-RUJ', 'kasi-rujukan', 'Pranata Komputer Pemula', 'FUNGSIONAL', 'PEMULA', 5, false],
  ['pel-yankes-1', 'Tri Wulandari', 'PNS', 'II/c', 'DINKES-YANKES-RUJ', 'kasi-rujukan', 'Pengadministrasi Layanan Kesehatan', 'PELAKSANA', null, 5, false],
  ['pel-yankes-2', 'Hadi Purnomo', 'PPPK', 'V', 'DINKES-YANKES-RUJ', 'kasi-rujukan', 'Operator Layanan Operasional', 'PELAKSANA', null, 5, false],
  ['kadisdik', 'Drs. Sutrisno, M.Pd.', 'PNS', 'IV/c', 'DISDIK', 'sekda', 'Kepala Dinas Pendidikan', 'JPT_PRATAMA', null, 14, true],
  ['kabid-sd', 'Endang Susilowati, S.Pd., M.Pd.', 'PNS', 'IV/a', 'DISDIK-SD', 'kadisdik', 'Kepala Bidang Pembinaan Sekolah Dasar', 'ADMINISTRATOR', null, 11, true],
  ['kasi-kurikulum', 'Ahmad Fauzi, S.Pd.', 'PNS', 'III/d', 'DISDIK-SD', 'kabid-sd', 'Kepala Seksi Kurikulum SD', 'PENGAWAS', null, 9, false],
  ['kasi-ptk', 'Indah Permatasari, S.Pd.', 'PNS', 'III/c', 'DISDIK-SD', 'kabid-sd', 'Kepala Seksi Pendidik dan Tenaga Kependidikan SD', 'PENGAWAS', null, 9, false],
  ['pengawas-sekolah-madya', 'Drs. Mulyadi, M.Pd.', 'PNS', 'IV/a', 'DISDIK-SD', 'kabid-sd', 'Pengawas Sekolah Ahli Madya', 'FUNGSIONAL', 'AHLI_MADYA', 12, false],
  ['pengawas-sekolah-muda', 'Sulastri, S.Pd.', 'PNS', 'III/c', 'DISDIK-SD', 'kabid-sd', 'Pengawas Sekolah Ahli Muda', 'FUNGSIONAL', 'AHLI_MUDA', 10, false],
  ['guru-pertama', 'Rizky Ramadhan, S.Pd.', 'PPPK', 'IX', 'DISDIK-SD', 'kasi-ptk', 'Guru Ahli Pertama', 'FUNGSIONAL', 'AHLI_PERTAMA', 8, false],
  ['guru-pertama-2', 'Putri Ayu Lestari, S.Pd.', 'PNS', 'III/b', 'DISDIK-SD', 'kasi-ptk', 'Guru Ahli Pertama', 'FUNGSIONAL', 'AHLI_PERTAMA', 8, false],
  ['guru-utama', 'Prof. Dr. Suharto, M.Pd.', 'PNS', 'IV/d', 'DISDIK', 'kadisdik', 'Guru Ahli Utama', 'FUNGSIONAL', 'AHLI_UTAMA', 14, false],
  ['pel-disdik-1', 'Suparman', 'PNS', 'II/b', 'DISDIK-SD', 'kasi-kurikulum', 'Pengadministrasi Sarana Pendidikan', 'PELAKSANA', null, 5, false],
  ['pel-disdik-2', 'Wulan Dari, A.Md.', 'PNS', 'II/c', 'DISDIK-SD', 'kasi-kurikulum', 'Pengelola Data Pendidikan', 'PELAKSANA', null, 6, false],
  ['pel-disdik-3', 'Heru Setiawan', 'PPPK', 'V', 'DISDIK-SD', 'kasi-ptk', 'Pengadministrasi Kepegawaian Sekolah', 'PELAKSANA', null, 5, false],
  ['pranata-mahir', 'Galih Pratama, A.Md.', 'PNS', 'III/a', 'DISDIK-SD', 'kasi-kurikulum', 'Pranata Komputer Mahir', 'FUNGSIONAL', 'MAHIR', 7, false],
  ['pel-setda-1', 'Nanik Suryaningsih', 'PNS', 'III/a', 'SETDA', 'sekda', 'Penata Laporan Keuangan', 'PELAKSANA', null, 7, false],
];

/** NIP = birth date (8) + TMT CPNS year-month (6) + gender (1) + sequence (3). PPPK numbers follow the same length. */
function nipFor(i: number, status: 'PNS' | 'PPPK', golongan: string): string {
  const birthYear = golongan.startsWith('IV')
    ? 1968 + (i % 6)
    : golongan.startsWith('III')
      ? 1980 + (i % 10)
      : 1988 + (i % 8);
  const birth = `${birthYear}${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}`;
  const tmt =
    status === 'PPPK'
      ? `2022${String((i % 9) + 1).padStart(2, '0')}`
      : `${birthYear + 24}${String((i % 12) + 1).padStart(2, '0')}`;
  const gender = i % 2 === 0 ? '1' : '2';
  return `${birth}${tmt}${gender}${String(i + 1).padStart(3, '0')}`;
}

export const DEMO_EMPLOYEES: DemoEmployee[] = ROWS.map(
  ([key, name, status, golongan, unitCode, supervisor, title, kind, jenjang, kelas, head], i) => ({
    key,
    nip: nipFor(i, status, golongan),
    name,
    status,
    golongan,
    unitCode,
    supervisor,
    title,
    kind,
    jenjang,
    kelas,
    head,
  }),
);

/** Demo admin (BKPSDM operator); also set as BOOTSTRAP_ADMIN_* by the start script. */
export const DEMO_ADMIN = { nip: '198501012010011001', password: 'admin-demo-2026' };
