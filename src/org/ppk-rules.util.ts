import { UnprocessableError } from '../common/domain-errors';

/**
 * Who may be a Pejabat Penilai Kinerja (spec 01 §2.1–2.2): the direct superior, at least a
 * pejabat pengawas, or an official holding a delegation (Plt/Plh/delegasi). The minimum rank per
 * rated position follows the default evaluator table (§2.2, Pemda example).
 */
export const GAP_CODES = [
  'NO_PPK',
  'PPK_NOT_IN_SERVICE',
  'PPK_NOT_STRUCTURAL',
  'PPK_RANK_TOO_LOW',
  'NO_SKP',
  'UNLINKED_RESULTS',
] as const;
export type GapCode = (typeof GAP_CODES)[number];

/** Structural rank: higher is more senior. Pelaksana and JF hold no structural rank for rating others. */
const RANK: Record<string, number> = {
  JPT_UTAMA: 6,
  JPT_MADYA: 5,
  JPT_PRATAMA: 4,
  ADMINISTRATOR: 3,
  PENGAWAS: 2,
  PELAKSANA: 0,
  FUNGSIONAL: 0,
};
const RANK_NAME: Record<number, string> = {
  6: 'JPT Utama',
  5: 'JPT Madya',
  4: 'JPT Pratama',
  3: 'Administrator',
  2: 'Pengawas',
};

/** Minimum PPK rank for the rated position (§2.2). JPT may be rated by a JPT of the same level (e.g. Sekda). */
export function minimumPpkRank(kind: string, jenjang: string | null): number {
  switch (kind) {
    case 'JPT_UTAMA':
      return 6;
    case 'JPT_MADYA':
      return 5;
    case 'JPT_PRATAMA':
      return 4;
    case 'ADMINISTRATOR':
      return 4;
    case 'PENGAWAS':
      return 3;
    case 'PELAKSANA':
      return 2;
    case 'FUNGSIONAL':
      if (jenjang === 'AHLI_UTAMA') return 5;
      if (jenjang === 'AHLI_MADYA') return 4;
      if (jenjang === 'AHLI_MUDA') return 3;
      return 2;
    default:
      return 2;
  }
}

export interface PpkFacts {
  nip: string;
  positionKind: string;
  jenjang: string | null;
  ppkNip: string | null;
  /** the PPK comes from a Plt/Plh/delegation record in force */
  delegated: boolean;
  ppkInService: boolean;
  ppkKind: string | null;
}

export interface Gap {
  code: GapCode;
  message: string;
}

/** The PPK problems of one employee on a date (empty when the PPK is fine). */
export function ppkGaps(f: PpkFacts, on: string): Gap[] {
  if (!f.ppkNip) {
    return [
      {
        code: 'NO_PPK',
        message: `Tidak ada Pejabat Penilai Kinerja pada ${on}: isi atasan langsung (PATCH /employees/${f.nip} supervisorNip) atau catat Plt/Plh/delegasi (POST /delegations) / no PPK on that date`,
      },
    ];
  }
  if (!f.ppkInService) {
    return [
      {
        code: 'PPK_NOT_IN_SERVICE',
        message: `PPK ${f.ppkNip} tidak punya jabatan pada ${on} (pensiun/pindah?): perbarui atasan atau catat Plt/Plh / the PPK holds no position on that date`,
      },
    ];
  }
  if (f.delegated) return [];
  const rank = RANK[f.ppkKind ?? ''] ?? 0;
  if (rank === 0) {
    return [
      {
        code: 'PPK_NOT_STRUCTURAL',
        message: `PPK ${f.ppkNip} adalah ${f.ppkKind}; PPK paling rendah pejabat pengawas atau pejabat yang diberi delegasi (PermenPANRB 6/2022 Pasal 1 angka 9) / the PPK must be at least a pengawas or hold a delegation`,
      },
    ];
  }
  const min = minimumPpkRank(f.positionKind, f.jenjang);
  if (rank < min) {
    const what = f.positionKind === 'FUNGSIONAL' ? `JF ${f.jenjang ?? ''}`.trim() : f.positionKind;
    return [
      {
        code: 'PPK_RANK_TOO_LOW',
        message: `${what} dinilai oleh ${f.ppkKind}; minimal ${RANK_NAME[min]} (tabel PPK, spesifikasi 01 §2.2) atau catat delegasi / the PPK's rank is below the minimum for this position`,
      },
    ];
  }
  return [];
}

/** 422 for an action that needs a PPK on a date when there is none; names what the admin must fix. */
export function noPpkError(nip: string, on: string) {
  return new UnprocessableError(
    `Pegawai ${nip} tidak memiliki Pejabat Penilai Kinerja pada ${on}. Admin kepegawaian: isi atasan langsung (PATCH /employees/${nip} dengan supervisorNip) atau catat Plt/Plh/delegasi (POST /delegations) / the employee has no PPK on that date: an admin must set the supervisor or record a delegation`,
    [{ field: 'supervisorNip', problem: `employee ${nip} has no PPK on ${on}` }],
  );
}

/** UTAMA results of a JA/JF SKP approved while the PPK had no approved SKP (01 §3.4). */
export function unlinkedMessage(count: number): string {
  return `${count} RHK UTAMA belum mengintervensi RHK pimpinan: SKP ditetapkan saat PPK belum punya SKP yang disetujui; tautkan setelah SKP PPK disetujui / ${count} UTAMA result(s) intervene no leader result`;
}
