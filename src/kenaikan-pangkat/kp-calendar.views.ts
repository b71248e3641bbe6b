import type { Explanation } from '../rules/common/explanation';

/** One PNS in the kenaikan pangkat calendar (04 §3). */
export interface KpCalendarItem {
  nip: string;
  name: string;
  unitCode: string;
  unitName: string;
  /** JF: angka kredit (02 §7.2, from the credit ledger); REGULAR: reguler outside a JF (04 §3.4). */
  track: 'JF' | 'REGULAR';
  golongan: string;
  /** Target golongan; null when it cannot be determined (education not recorded, ledger not computable). */
  to: string | null;
  /** Date the months in pangkat are complete. */
  eligibleOn: string | null;
  tmt: string | null;
  submitFrom: string | null;
  submitBy: string | null;
  /** Id of the KP period regime of the TMT (KEP_BKN_12_2002, PERBKN_4_2023, PERBKN_4_2025). */
  regime: string | null;
  /** ELIGIBLE, DELAYED (a sanction moved the TMT; see `delayedBy` and `reasons`) or NOT_YET (see `unmet`). */
  status: 'ELIGIBLE' | 'DELAYED' | 'NOT_YET';
  /** Conditions not met besides the months in pangkat (AK_SHORTFALL, PREDIKAT_BELOW_BAIK, EDUCATION_MISSING, …). */
  unmet: string[];
  /** Bahasa Indonesia, one per unmet condition or delay. */
  reasons: string[];
  delayedBy: { tmt: string; reason: 'SANCTION_BLOCKING' | 'KP_DELAY'; sanction: string; caseId: string }[];
  explanation: Explanation | null;
}

/** GET /kenaikan-pangkat/calendar: KP TMTs of a year as of today, ordered by TMT then NIP. */
export interface KpCalendarPage {
  year: number;
  unitCode: string | null;
  /** Today (the proposal windows already closed are skipped). */
  asOf: string;
  items: KpCalendarItem[];
  nextCursor: string | null;
}
