import type { OutcomeType } from '../common/enums';

export const OUTCOME_LEGAL: Record<OutcomeType, string> = {
  AK_CREDITED: 'PermenPANRB 1/2023 Pasal 37; Peraturan BKN 3/2023 Pasal 13',
  KENAIKAN_PANGKAT_ELIGIBLE:
    'Peraturan BKN 3/2023; PP 99/2000 Pasal 7; Peraturan BKN 4/2023 (periode kenaikan pangkat)',
  KENAIKAN_JENJANG_ELIGIBLE: 'Peraturan BKN 3/2023; PermenPANRB 1/2023 (kenaikan jenjang jabatan fungsional)',
  TALENT_POOL_CANDIDATE: 'PermenPANRB 3/2020 tentang Manajemen Talenta ASN (kotak 7, 8, 9)',
  SUCCESSION_PRIORITY:
    'PP 30/2019: predikat Sangat Baik 2 tahun berturut-turut diprioritaskan dalam kelompok rencana suksesi',
  COACHING_REQUIRED: 'PermenPANRB 6/2022 (pembinaan kinerja: bimbingan kinerja, konseling, pengembangan kompetensi)',
  IMPROVEMENT_PERIOD: 'PP 30/2019 Pasal 56–58; Peraturan BKN 3/2020 Pasal 32 (6 bulan perbaikan kinerja)',
  COMPETENCY_TEST_REQUIRED:
    'PP 30/2019 Pasal 57 (uji kompetensi setelah masa perbaikan); Peraturan BKN 3/2023 (uji kompetensi kenaikan jenjang)',
  // A sedang sanction's cut; a closed month's cut cites its rule set instead (outcomesFromAllowanceMonths).
  ALLOWANCE_CUT: 'PP 94/2021 Pasal 8 (pemotongan tunjangan kinerja)',
  KGB_DELAYED:
    'PP 94/2021; Peraturan BKN 6/2022 Pasal 50, 55 (tidak diberikan KGB selama menjalani hukuman sedang/berat); PP 53/2010 (penundaan KGB)',
  KP_DELAYED: 'PP 94/2021; Peraturan BKN 6/2022 Pasal 50, 55; Peraturan BKN 3/2023 (syarat kenaikan pangkat)',
  DEMOTION:
    'PP 94/2021 Pasal 8 (penurunan jabatan / pembebasan dari jabatan); PP 30/2019 Pasal 57 (pemindahan ke jabatan lebih rendah)',
  DISMISSAL_RECOMMENDED:
    'PP 94/2021 Pasal 8 (PDHTAPS); UU ASN (PTDH); PP 30/2019 Pasal 58; Peraturan BKN 3/2020 Pasal 32',
  CONTRACT_NOT_EXTENDED: 'PP 49/2018 Pasal 37 (perpanjangan perjanjian kerja PPPK berdasarkan pencapaian kinerja)',
};
