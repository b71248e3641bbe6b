import type { AngkaKreditBody, KinerjaPeriodikBody, Skp22Body, SiasnKind } from '../rules';

export type { SiasnKind };

/** Where a row stands: READY (built, never queued), NOT_READY (see problems), or its latest outbox state. */
export type SiasnItemStatus = 'READY' | 'NOT_READY' | 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'DEAD' | 'SUPERSEDED';

export interface SiasnProblem {
  /** SIASN_ID_MISSING, RW_JABATAN_MISSING, PENILAI_MISSING, PAK_NOT_ISSUED, PPPK_NOT_PUSHED, PAYLOAD_INVALID. */
  code: string;
  /** For people (Bahasa Indonesia). */
  message: string;
}

export interface SiasnItem {
  nip: string;
  /** Natural key of the SIASN row (spec 04 §8.5); null while the SIASN person id is unknown. */
  naturalKey: string | null;
  /** The exact `…/save` body (spec 04 §8.2); null when NOT_READY. */
  payload: Skp22Body | KinerjaPeriodikBody | AngkaKreditBody | null;
  status: SiasnItemStatus;
  siasnId: string | null;
  /** Engine source of the row: `evaluation:<id>` or `ak:<nip>:<source>:<from>..<to>`. */
  sourceRef: string;
  problems: SiasnProblem[];
}

export interface SiasnPage {
  items: SiasnItem[];
  nextCursor: string | null;
}

export interface SiasnIdentityImportResult {
  identities: number;
  rwJabatan: number;
}

export interface SiasnGap {
  nip: string;
  name: string;
  unitCode: string;
  /** SIASN_ID_MISSING (nothing can be sent), RW_JABATAN_MISSING (JF post without riwayat-jabatan id: no angka kredit). */
  code: 'SIASN_ID_MISSING' | 'RW_JABATAN_MISSING';
  message: string;
}

export interface SiasnGapsReport {
  onDate: string;
  employees: number;
  mapped: number;
  gaps: SiasnGap[];
}
