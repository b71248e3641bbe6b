import { parseDate } from '../common/dates';
import { makeOutcome } from './build';
import type { Outcome } from './types';

export interface KpDueFact {
  nip: string;
  /** Target golongan. */
  to: string;
  /** KP TMT of the period regime in force on it (rule `kp.nextPeriod`). */
  tmt: string;
  submitFrom: string | null;
  submitBy: string | null;
  /** JF (angka kredit, 02 §7.2) or REGULAR (reguler outside a JF, 04 §3.4). */
  track: 'JF' | 'REGULAR';
  /** TMTs a sanction passed over (04 §3.3). */
  delayedBy?: { tmt: string; reason: string; sanction: string }[];
}

const BASIS: Record<KpDueFact['track'], string> = {
  JF: 'PP 99/2000 Pasal 13; Peraturan BKN 3/2023; Peraturan BKN 4/2023 dan 4/2025 (periode dan batas usul kenaikan pangkat)',
  REGULAR: 'PP 99/2000 Pasal 7 (kenaikan pangkat reguler); Peraturan BKN 4/2023 dan 4/2025 (periode dan batas usul)',
};

/** The outcome key of a KP with its TMT: one per person, target golongan and TMT (04 §3). */
export const kpDueFact = (to: string, tmt: string) => `KP:${to}@${tmt}`;

/**
 * KENAIKAN_PANGKAT_ELIGIBLE for a KP due at a TMT (04 §3.3): once per person and TMT, effective from the TMT,
 * with the proposal window and any sanction that moved it in the reason.
 */
export function kpDueOutcome(f: KpDueFact): Outcome {
  parseDate(f.tmt, 'tmt');
  const moved = (f.delayedBy ?? []).map((d) => `${d.tmt} (${d.sanction})`);
  return makeOutcome({
    type: 'KENAIKAN_PANGKAT_ELIGIBLE',
    nip: f.nip,
    fact: kpDueFact(f.to, f.tmt),
    reason:
      `Memenuhi syarat kenaikan pangkat ${f.track === 'JF' ? '(jabatan fungsional)' : 'reguler'} ke ${f.to} TMT ${f.tmt}` +
      (f.submitFrom && f.submitBy ? `; usul ${f.submitFrom} s.d. ${f.submitBy}` : '') +
      (moved.length ? `; ditunda karena hukuman disiplin dari ${moved.join(', ')}` : ''),
    effectiveFrom: f.tmt,
    effectiveTo: null,
    source: { kind: 'KP_CALENDAR', id: kpDueFact(f.to, f.tmt) },
    inputs: { ...f },
    formula: `kp.nextPeriod → TMT ${f.tmt}`,
    legalBasis: BASIS[f.track],
  });
}
