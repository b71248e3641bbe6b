import type { DisciplineLevel, NetralitasAct, NetralitasTrack, Sanction } from '../common/enums';
import type { RuleTable } from '../common/versioning';

/** Sanction catalogue: level and duration in months (null = permanent / not time-bound). */
export interface SanctionInfo {
  level: DisciplineLevel | 'PTDH' | 'KODE_ETIK';
  months: number | null;
  labelId: string;
  /** Fraction of tukin/TPP cut while in force (PP 94/2021 sedang). */
  allowanceCut?: string;
}

export const SANCTION_CATALOGUE: Record<Sanction, SanctionInfo> = {
  TEGURAN_LISAN: { level: 'RINGAN', months: null, labelId: 'teguran lisan' },
  TEGURAN_TERTULIS: { level: 'RINGAN', months: null, labelId: 'teguran tertulis' },
  PERNYATAAN_TIDAK_PUAS: { level: 'RINGAN', months: null, labelId: 'pernyataan tidak puas secara tertulis' },
  POTONG_TUKIN_25_6M: {
    level: 'SEDANG',
    months: 6,
    labelId: 'pemotongan tunjangan kinerja 25% selama 6 bulan',
    allowanceCut: '0.25',
  },
  POTONG_TUKIN_25_9M: {
    level: 'SEDANG',
    months: 9,
    labelId: 'pemotongan tunjangan kinerja 25% selama 9 bulan',
    allowanceCut: '0.25',
  },
  POTONG_TUKIN_25_12M: {
    level: 'SEDANG',
    months: 12,
    labelId: 'pemotongan tunjangan kinerja 25% selama 12 bulan',
    allowanceCut: '0.25',
  },
  TURUN_JABATAN_12M: {
    level: 'BERAT',
    months: 12,
    labelId: 'penurunan jabatan setingkat lebih rendah selama 12 bulan',
  },
  BEBAS_JABATAN_12M: {
    level: 'BERAT',
    months: 12,
    labelId: 'pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan',
  },
  PDHTAPS: {
    level: 'BERAT',
    months: null,
    labelId: 'pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS',
  },
  KGB_DELAY_12M: {
    level: 'SEDANG',
    months: 12,
    labelId: 'penundaan kenaikan gaji berkala selama 1 tahun (PP 53/2010)',
  },
  KP_DELAY_12M: { level: 'SEDANG', months: 12, labelId: 'penundaan kenaikan pangkat selama 1 tahun (PP 53/2010)' },
  PANGKAT_DOWN_12M: {
    level: 'SEDANG',
    months: 12,
    labelId: 'penurunan pangkat setingkat lebih rendah selama 1 tahun (PP 53/2010)',
  },
  PTDH: { level: 'PTDH', months: null, labelId: 'pemberhentian tidak dengan hormat (UU ASN)' },
  MORAL_TERTUTUP: { level: 'KODE_ETIK', months: null, labelId: 'sanksi moral pernyataan secara tertutup (PP 42/2004)' },
  MORAL_TERBUKA: { level: 'KODE_ETIK', months: null, labelId: 'sanksi moral pernyataan secara terbuka (PP 42/2004)' },
};

/** PP 94/2021 Pasal 8: sanctions the competent official chooses from, per level. */
export const SANCTIONS_BY_LEVEL: Record<DisciplineLevel, Sanction[]> = {
  RINGAN: ['TEGURAN_LISAN', 'TEGURAN_TERTULIS', 'PERNYATAAN_TIDAK_PUAS'],
  SEDANG: ['POTONG_TUKIN_25_6M', 'POTONG_TUKIN_25_9M', 'POTONG_TUKIN_25_12M'],
  BERAT: ['TURUN_JABATAN_12M', 'BEBAS_JABATAN_12M', 'PDHTAPS'],
};

export interface LadderRung {
  fromDays: number;
  toDays: number | null;
  level: DisciplineLevel;
  sanction: Sanction;
}

export interface AttendanceLadderData {
  rungs: LadderRung[];
  /** Consecutive unexcused days giving BERAT / PDHTAPS regardless of the cumulative count. */
  consecutiveDaysForPdh: number;
}

export const ATTENDANCE_LADDER_TABLE: RuleTable<AttendanceLadderData> = [
  {
    id: 'PP_94_2021_PASAL_9_11',
    effectiveFrom: '2021-08-31',
    effectiveTo: null,
    legalBasis:
      'PP 94/2021 tentang Disiplin PNS (kewajiban masuk kerja dan menaati ketentuan jam kerja; Pasal 9–11); PerBKN 6/2022 Pasal 12 (10 hari berturut-turut)',
    status: 'CONFIRMED',
    data: {
      rungs: [
        { fromDays: 3, toDays: 3, level: 'RINGAN', sanction: 'TEGURAN_LISAN' },
        { fromDays: 4, toDays: 6, level: 'RINGAN', sanction: 'TEGURAN_TERTULIS' },
        { fromDays: 7, toDays: 10, level: 'RINGAN', sanction: 'PERNYATAAN_TIDAK_PUAS' },
        { fromDays: 11, toDays: 13, level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' },
        { fromDays: 14, toDays: 16, level: 'SEDANG', sanction: 'POTONG_TUKIN_25_9M' },
        { fromDays: 17, toDays: 20, level: 'SEDANG', sanction: 'POTONG_TUKIN_25_12M' },
        { fromDays: 21, toDays: 24, level: 'BERAT', sanction: 'TURUN_JABATAN_12M' },
        { fromDays: 25, toDays: 27, level: 'BERAT', sanction: 'BEBAS_JABATAN_12M' },
        { fromDays: 28, toDays: null, level: 'BERAT', sanction: 'PDHTAPS' },
      ],
      consecutiveDaysForPdh: 10,
    },
  },
];

export interface NetralitasCell {
  track: NetralitasTrack | null;
  /** null for KODE_ETIK / PTDH and where the matrix states no level. */
  level: DisciplineLevel | null;
  note: string;
}

export interface NetralitasRow {
  descriptionId: string;
  /** null = the act has no separate bakal-calon classification; the CALON column applies at any stage. */
  bakalCalon: NetralitasCell | null;
  calon: NetralitasCell;
}

const KE: NetralitasCell = { track: 'KODE_ETIK', level: null, note: 'kode etik (PP 42/2004), sanksi moral' };
const berat = (note: string): NetralitasCell => ({ track: 'DISIPLIN', level: 'BERAT', note });
const sedang = (note: string): NetralitasCell => ({ track: 'DISIPLIN', level: 'SEDANG', note });

export const NETRALITAS_MATRIX_TABLE: RuleTable<Record<NetralitasAct, NetralitasRow>> = [
  {
    id: 'SKB_NETRALITAS_2022',
    effectiveFrom: '2022-09-22',
    effectiveTo: null,
    legalBasis:
      'SKB MenPANRB 2/2022, Mendagri 800-5474/2022, Kepala BKN 246/2022, Ketua KASN 30/2022, Ketua Bawaslu 1447.1/PM.01/K.1/09/2022; PP 94/2021 Pasal 5 huruf n; PP 42/2004; UU ASN',
    status: 'CONFIRMED',
    data: {
      N01: {
        descriptionId: 'memasang spanduk/baliho yang mempromosikan (bakal) calon',
        bakalCalon: KE,
        calon: berat('disiplin berat'),
      },
      N02: {
        descriptionId: 'media sosial: mengunggah, mengomentari, membagikan, menyukai, mengikuti akun (bakal) calon',
        bakalCalon: KE,
        calon: berat('disiplin berat'),
      },
      N03: {
        descriptionId: 'foto bersama (bakal) calon/partai dengan gestur keberpihakan',
        bakalCalon: KE,
        calon: berat('disiplin berat'),
      },
      N04: {
        descriptionId: 'menghadiri deklarasi / hadir untuk mendukung',
        bakalCalon: KE,
        calon: berat('disiplin berat (dukungan aktif)'),
      },
      N05: {
        descriptionId: 'menghadiri/mengikuti kampanye atau sosialisasi',
        bakalCalon: KE,
        calon: sedang('ikut kampanye / atribut: disiplin sedang'),
      },
      N06: {
        descriptionId: 'suami/istri (bakal) calon: PNS berkampanye tanpa CLTN',
        bakalCalon: KE,
        calon: { track: 'DISIPLIN', level: null, note: 'tingkat hukuman tidak disebut dalam matriks' },
      },
      N07: {
        descriptionId: 'mendekati partai sebagai bakal calon tanpa mengundurkan diri/CLTN',
        bakalCalon: null,
        calon: sedang('disiplin sedang'),
      },
      N08: {
        descriptionId: 'menjadi anggota atau pengurus partai politik',
        bakalCalon: null,
        calon: { track: 'PTDH', level: null, note: 'PTDH (UU ASN)' },
      },
      N09: {
        descriptionId: 'menjadi anggota tim kampanye / tim ahli / tim pemenangan',
        bakalCalon: null,
        calon: berat('disiplin berat'),
      },
      N10: { descriptionId: 'surat dukungan disertai fotokopi KTP', bakalCalon: null, calon: berat('disiplin berat') },
      N11: {
        descriptionId:
          'keputusan/tindakan menguntungkan atau merugikan calon; fasilitas negara; memobilisasi PNS; kegiatan keberpihakan',
        bakalCalon: null,
        calon: berat('disiplin berat'),
      },
      N99: {
        descriptionId: 'pelanggaran lain',
        bakalCalon: { track: null, level: null, note: 'kasus per kasus (Satgas)' },
        calon: { track: null, level: null, note: 'kasus per kasus (Satgas)' },
      },
    },
  },
];
