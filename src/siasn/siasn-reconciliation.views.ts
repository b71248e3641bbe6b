import type { ReconciliationCode, SiasnKind } from '../rules';

/** An import of what SIASN holds (`POST /siasn/import`): a background job, its progress and problems. */
export interface SiasnImportView {
  id: string;
  kind: SiasnKind;
  year: number | null;
  period: string | null;
  unitCode: string | null;
  /** QUEUED, RUNNING, DONE (problems may list people SIASN did not answer for), FAILED (nothing more read). */
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  /** People to read. */
  total: number;
  /** People read so far (with or without a problem). */
  done: number;
  /** Per person: why their rows could not be read or matched (Bahasa Indonesia). */
  problems: { nip: string; problem: string }[];
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface SiasnFieldDifference {
  /** Write-side field name (spec 04 §8.2). */
  field: string;
  engine: string | number | null;
  siasn: string | number | null;
}

export interface SiasnReconciliationItem {
  /** MISSING_IN_SIASN, MISSING_IN_ENGINE, VALUE_MISMATCH, DUPLICATE_IN_SIASN, PENILAI_MISMATCH, ENGINE_NOT_READY. */
  code: ReconciliationCode;
  nip: string;
  /** `KIND|nip|from|to|periodikId-or-jenis` (months as YYYY-MM; the year alone for skp22). */
  matchKey: string;
  /** The engine row's natural key (spec 04 §8.5); null for a row only SIASN holds or one not ready. */
  naturalKey: string | null;
  /** The engine source (`evaluation:<id>`, `ak:…`); null for a row only SIASN holds. */
  sourceRef: string | null;
  /** SIASN row ids (two or more for DUPLICATE_IN_SIASN). */
  siasnIds: string[];
  /** VALUE_MISMATCH / PENILAI_MISMATCH: each differing field, engine value vs SIASN value. */
  fields: SiasnFieldDifference[];
  /** What it means and what to do (Bahasa Indonesia). */
  message: string;
}

export interface SiasnReconciliationPage {
  items: SiasnReconciliationItem[];
  nextCursor: string | null;
  /** People whose SIASN rows of this kind were imported (among the filter) and the latest import. */
  peopleRead: number;
  lastReadAt: string | null;
  /** SIASN_ENABLED: whether an import can call SIASN now. */
  siasnEnabled: boolean;
  /** Things a person must know (nothing imported yet, SIASN not enabled …), Bahasa Indonesia. */
  warnings: string[];
}
