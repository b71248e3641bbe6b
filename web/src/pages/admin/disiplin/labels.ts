/** Discipline words (PP 94/2021, SKB netralitas 2022) for the API's codes. */
export const CASE_STATUS_LABELS: Record<string, string> = {
  REPORTED: 'Dilaporkan',
  VERIFIED: 'Diverifikasi',
  RECOMMENDED: 'Direkomendasikan',
  DECIDED: 'Diputuskan',
  DELIVERED: 'Disampaikan',
  EFFECTIVE: 'Berlaku',
  ENDED: 'Selesai',
  DISMISSED: 'Dihentikan',
};
export const CASE_KIND_LABELS: Record<string, string> = {
  NETRALITAS: 'Pelanggaran Netralitas',
  ATTENDANCE: 'Disiplin (kehadiran)',
  OTHER: 'Disiplin',
};
export const LEVEL_LABELS: Record<string, string> = {
  RINGAN: 'Ringan',
  SEDANG: 'Sedang',
  BERAT: 'Berat',
  KODE_ETIK: 'Kode etik',
  PTDH: 'Pemberhentian tidak dengan hormat',
};
export const SANCTION_LABELS: Record<string, string> = {
  TEGURAN_LISAN: 'Teguran lisan',
  TEGURAN_TERTULIS: 'Teguran tertulis',
  PERNYATAAN_TIDAK_PUAS: 'Pernyataan tidak puas secara tertulis',
  POTONG_TUKIN_25_6M: 'Pemotongan tunjangan kinerja 25% selama 6 bulan',
  POTONG_TUKIN_25_9M: 'Pemotongan tunjangan kinerja 25% selama 9 bulan',
  POTONG_TUKIN_25_12M: 'Pemotongan tunjangan kinerja 25% selama 12 bulan',
  TURUN_JABATAN_12M: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
  BEBAS_JABATAN_12M: 'Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan',
  PDHTAPS: 'Pemberhentian dengan hormat tidak atas permintaan sendiri',
  KGB_DELAY_12M: 'Penundaan kenaikan gaji berkala selama 12 bulan',
  KP_DELAY_12M: 'Penundaan kenaikan pangkat selama 12 bulan',
  PANGKAT_DOWN_12M: 'Penurunan pangkat setingkat lebih rendah selama 12 bulan',
  PTDH: 'Pemberhentian tidak dengan hormat',
  MORAL_TERTUTUP: 'Sanksi moral: pernyataan secara tertutup',
  MORAL_TERBUKA: 'Sanksi moral: pernyataan secara terbuka',
};
/** Netralitas acts (SKB 2022 lampiran; 03 §13.2). */
export const ACT_LABELS: Record<string, string> = {
  N01: 'N01 – memasang spanduk/baliho yang mempromosikan (bakal) calon',
  N02: 'N02 – media sosial: mengunggah, mengomentari, membagikan, menyukai, mengikuti akun (bakal) calon',
  N03: 'N03 – foto bersama (bakal) calon/partai dengan gestur keberpihakan',
  N04: 'N04 – menghadiri deklarasi / hadir untuk mendukung',
  N05: 'N05 – menghadiri/mengikuti kampanye atau sosialisasi',
  N06: 'N06 – suami/istri (bakal) calon: PNS berkampanye tanpa CLTN',
  N07: 'N07 – mendekati partai sebagai bakal calon tanpa mengundurkan diri/CLTN',
  N08: 'N08 – menjadi anggota atau pengurus partai politik',
  N09: 'N09 – menjadi anggota tim kampanye / tim ahli / tim pemenangan',
  N10: 'N10 – surat dukungan disertai fotokopi KTP',
  N11: 'N11 – keputusan/tindakan menguntungkan atau merugikan calon; fasilitas negara; mobilisasi PNS',
  N99: 'N99 – pelanggaran lain',
};
export const STEP_LABELS: Record<string, string> = {
  verify: 'Verifikasi',
  recommend: 'Rekomendasi',
  decide: 'Keputusan pejabat yang berwenang',
  deliver: 'Penyampaian SK',
};
/** Who acts at each status: the office (Satgas / BKPSDM) until the decision, then the competent official. */
export const NEXT_STEP: Record<string, string | undefined> = {
  REPORTED: 'verify',
  VERIFIED: 'recommend',
  RECOMMENDED: 'decide',
  DECIDED: 'deliver',
};
export const ROLE_LABELS: Record<string, string> = {
  ATASAN: 'Atasan langsung',
  PIMPINAN_TINGGI: 'Pejabat Pimpinan Tinggi',
  PPK_INSTANSI: 'Pejabat Pembina Kepegawaian',
  PRESIDEN: 'Presiden',
};
export const opts = (m: Record<string, string>, keys?: string[]) =>
  (keys ?? Object.keys(m)).map((value) => ({ value, label: m[value] ?? value }));
