import type { KpNextTmt } from '../angka-kredit/kp-next';

/** 04 §3.4 education levels of `kp.regular` from the organisation's recorded ijazah (D-I shares SLTA's ceiling; D-IV is S1). */
export const KP_EDUCATION_OF: Record<string, string> = {
  SD: 'SD',
  SMP: 'SLTP',
  SMA: 'SLTA',
  D1: 'SLTA',
  D2: 'D2',
  D3: 'D3',
  D4: 'S1',
  S1: 'S1',
  S2: 'S2',
  S3: 'S3',
};

/** Conditions that only need time to pass (the TMT already waits for them) or that the TMT search applies (sanctions). */
const TIME_OR_SANCTION = ['MIN_MONTHS_IN_PANGKAT', 'HUKDIS_IN_FORCE'];

export type KpCalendarStatus = 'ELIGIBLE' | 'DELAYED' | 'NOT_YET';

/**
 * ELIGIBLE: a TMT exists and every condition other than the months in pangkat holds; DELAYED: the same, but a
 * discipline sanction moved the TMT (04 §3.3); NOT_YET: AK, predikat or another document condition is missing,
 * or no TMT applies.
 */
export function kpStatus(kp: KpNextTmt | null, unmet: string[]): { status: KpCalendarStatus; open: string[] } {
  const open = unmet.filter((u) => !TIME_OR_SANCTION.includes(u));
  if (!kp?.tmt || open.length > 0) return { status: 'NOT_YET', open };
  return { status: kp.delayedBy.length > 0 ? 'DELAYED' : 'ELIGIBLE', open };
}

/** One readable sentence per sanction that moved the TMT. */
export function delayReasons(kp: KpNextTmt | null): string[] {
  return (kp?.delayedBy ?? []).map((d) =>
    d.reason === 'KP_DELAY'
      ? `TMT ${d.tmt} ditunda 12 bulan karena hukuman disiplin ${d.sanction}`
      : `TMT ${d.tmt} dilewati selama hukuman disiplin ${d.sanction} berlaku`,
  );
}
