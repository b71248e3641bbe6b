import type { Predicate, Rating } from '../common/enums';
import type { RuleTable } from '../common/versioning';

/** Matrix rows = rating hasil kerja, columns = rating perilaku kerja (01 §8). */
export type PredikatMatrix = Record<Rating, Record<Rating, Predicate>>;

export const PREDIKAT_MATRIX_TABLE: RuleTable<PredikatMatrix> = [
  {
    id: 'PREDIKAT_MATRIX_6_2022',
    effectiveFrom: '2022-01-01',
    effectiveTo: null,
    legalBasis:
      'PermenPANRB 6/2022 (kuadran kinerja); SE Kepala BKN 11/2023; cells as encoded by public implementations (01 §8)',
    status: 'CONFIRMED',
    data: {
      DI_ATAS_EKSPEKTASI: {
        DI_BAWAH_EKSPEKTASI: 'KURANG',
        SESUAI_EKSPEKTASI: 'BAIK',
        DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK',
      },
      SESUAI_EKSPEKTASI: { DI_BAWAH_EKSPEKTASI: 'KURANG', SESUAI_EKSPEKTASI: 'BAIK', DI_ATAS_EKSPEKTASI: 'BAIK' },
      DI_BAWAH_EKSPEKTASI: {
        DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
        SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
        DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
      },
    },
  },
];

/** Bahasa Indonesia labels as printed on the forms. */
export const PREDICATE_LABELS: Record<Predicate, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

export const RATING_LABELS: Record<Rating, string> = {
  DI_ATAS_EKSPEKTASI: 'Di Atas Ekspektasi',
  SESUAI_EKSPEKTASI: 'Sesuai Ekspektasi',
  DI_BAWAH_EKSPEKTASI: 'Di Bawah Ekspektasi',
};
