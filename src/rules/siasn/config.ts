import type { SiasnDocumentRef } from './codes';

/** Engine decisions for the SIASN exchange (spec 04 §9 `siasn.*`). */
export interface SiasnConfig {
  updateMode: 'SAVE_WITH_ID' | 'DELETE_THEN_SAVE' | 'MANUAL';
  retry: { backoffMinutes: number[]; maxAttempts: number };
  kinerjaPeriodik: { scope: 'JF_ONLY' | 'ALL' };
  docRef: { skp22: SiasnDocumentRef; kinerjaPeriodik: SiasnDocumentRef; angkaKredit: SiasnDocumentRef };
  ak: { utamaMirror: boolean };
  pppk: { push: boolean };
}

export const siasnDefaults: SiasnConfig = {
  updateMode: 'SAVE_WITH_ID',
  retry: { backoffMinutes: [1, 5, 25, 120, 600], maxAttempts: 8 },
  kinerjaPeriodik: { scope: 'JF_ONLY' },
  docRef: { skp22: '891', kinerjaPeriodik: '890', angkaKredit: '879' },
  ak: { utamaMirror: false },
  pppk: { push: false },
};

/** Delay before attempt `attempt + 1` after `attempt` failed (1-based); the last step repeats. */
export function siasnBackoffMinutes(attempt: number, cfg: SiasnConfig = siasnDefaults): number {
  const steps = cfg.retry.backoffMinutes;
  return steps[Math.min(Math.max(attempt, 1), steps.length) - 1];
}
