import type { SiasnKind } from '../rules';

export type SiasnOutboxState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'DEAD' | 'SUPERSEDED';

/** One call to SIASN within an attempt (READ the riwayat, DELETE, UPLOAD a document, SAVE). */
export interface SiasnAttemptView {
  attempt: number;
  /** READ, DELETE, UPLOAD or SAVE (RENDER: the document could not be made; no call). */
  step: string;
  /** SHA-256 of method, path and body. */
  requestHash: string | null;
  /** Null when SIASN did not answer (network failure, timeout). */
  httpStatus: number | null;
  /** The start of SIASN's answer, or the transport error. */
  response: string | null;
  /** OK, RETRY or FAILED. */
  outcome: string;
  durationMs: number | null;
  at: string;
}

export interface SiasnOutboxRowView {
  id: string;
  kind: SiasnKind;
  nip: string;
  naturalKey: string;
  sourceRef: string;
  state: SiasnOutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  siasnId: string | null;
  lastError: string | null;
  batchId: string | null;
  updatedAt: string;
  /** The exact body (without the SIASN id, which is read from SIASN before each save). */
  payload: Record<string, unknown>;
  lastAttempt: SiasnAttemptView | null;
}

export interface SiasnOutboxPage {
  items: SiasnOutboxRowView[];
  nextCursor: string | null;
}

export interface SiasnPushAccepted {
  id: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
}

export interface SiasnPushProgress {
  id: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  request: Record<string, unknown>;
  requestedBy: string;
  createdAt: string;
  /** Rows the batch queued (new or changed payloads). */
  total: number;
  /** Rows of this batch by state (PENDING, SENDING, SENT, FAILED, DEAD, SUPERSEDED). */
  counts: Record<string, number>;
  /** Payloads the engine had queued before with the same values (not queued again), and rows not ready. */
  unchanged: number;
  notReady: number;
  /** Why rows could not be built (NIP, code, message), e.g. SIASN_ID_MISSING. */
  problems: { nip: string; code: string; message: string }[];
  rows: SiasnOutboxRowView[];
}

/** What the console needs before it offers a push (spec 04 §8.5): on or off and why, the mode, the outbox. */
export interface SiasnStatusView {
  /** SIASN_ENABLED is true: rows are sent and pushes/imports accepted. */
  enabled: boolean;
  /** Why nothing is sent, in Bahasa Indonesia for the console (null while enabled). */
  reason: string | null;
  /** siasn.updateMode (SIASN_UPDATE_MODE): what happens when SIASN holds a key with other values. */
  updateMode: 'SAVE_WITH_ID' | 'DELETE_THEN_SAVE' | 'MANUAL';
  /** Host (and port) of SIASN_BASE_URL only: never a path, user or credential. */
  baseUrlHost: string | null;
  /** Outbox rows by state (every state present, 0 when none). */
  counts: Record<SiasnOutboxState, number>;
  /** Time of the latest call to SIASN (any row, any step), null before the first. */
  lastAttemptAt: string | null;
}
