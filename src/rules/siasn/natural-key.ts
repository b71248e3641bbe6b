import type { AngkaKreditBody, KinerjaPeriodikBody, Skp22Body } from './payloads';

export const SIASN_KINDS = ['SKP22', 'KINERJA_PERIODIK', 'ANGKA_KREDIT'] as const;
export type SiasnKind = (typeof SIASN_KINDS)[number];

/**
 * Natural key of a SIASN row (spec 04 §8.5): skp22 (pnsId, tahun); kinerja periodik
 * (pnsId, tahunMulai, bulanMulai, tahunSelesai, bulanSelesai, periodikId); angka kredit
 * (pnsId, tahunMulai, bulanMulai, tahunSelesai, bulanSelesai, jenis).
 */
export function skp22Key(b: Pick<Skp22Body, 'pnsDinilaiOrang' | 'tahun'>): string {
  return `SKP22:${b.pnsDinilaiOrang}:${b.tahun}`;
}

export function kinerjaPeriodikKey(
  b: Pick<
    KinerjaPeriodikBody,
    | 'pnsDinilaiId'
    | 'tahunMulaiPenilaian'
    | 'bulanMulaiPenilaian'
    | 'tahunSelesaiPenilaian'
    | 'bulanSelesaiPenilaian'
    | 'periodikId'
  >,
): string {
  return `KINERJA_PERIODIK:${b.pnsDinilaiId}:${b.tahunMulaiPenilaian}-${b.bulanMulaiPenilaian}:${b.tahunSelesaiPenilaian}-${b.bulanSelesaiPenilaian}:${b.periodikId}`;
}

export function angkaKreditJenis(b: Pick<AngkaKreditBody, 'isKonversi' | 'isIntegrasi' | 'isAngkaKreditPertama'>) {
  return b.isKonversi === '1' ? 'KONVERSI' : b.isIntegrasi === '1' ? 'INTEGRASI' : 'PERTAMA';
}

export function angkaKreditKey(
  b: Pick<
    AngkaKreditBody,
    | 'pnsId'
    | 'tahunMulaiPenailan'
    | 'bulanMulaiPenailan'
    | 'tahunSelesaiPenailan'
    | 'bulanSelesaiPenailan'
    | 'isKonversi'
    | 'isIntegrasi'
    | 'isAngkaKreditPertama'
  >,
): string {
  return `ANGKA_KREDIT:${b.pnsId}:${b.tahunMulaiPenailan}-${b.bulanMulaiPenailan}:${b.tahunSelesaiPenailan}-${b.bulanSelesaiPenailan}:${angkaKreditJenis(b)}`;
}
