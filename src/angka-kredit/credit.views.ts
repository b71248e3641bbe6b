import type { AkBasis, AkEntrySource, Golongan, Jenjang, PppkGrade, Predicate } from '../rules/common/enums';
import type { Explanation } from '../rules/common/explanation';
import type { LedgerNext, LedgerWarning, SupersededPeriod } from '../rules/angka-kredit/ledger';
import type { UnmetCode } from '../rules/angka-kredit/eligibility';

/** One ledger entry (amounts are decimal strings at the configured precision). */
export interface CreditEntryView {
  source: AkEntrySource;
  /** The evaluation period, or `YYYY-MM..YYYY-MM` for a span. */
  period: string | null;
  basis: AkBasis | null;
  fromMonth: string | null;
  toMonth: string | null;
  months: number | null;
  predicate: Predicate | null;
  percentage: string | null;
  coefficient: string | null;
  jenjang: Jenjang;
  amount: string;
  /** PENDIDIKAN only. */
  degree?: string;
  explanation: Explanation;
  /** A PPPK's figures: for information only. */
  informational: boolean;
}

export interface ClosedLedgerView {
  jenjang: Jenjang;
  golongan: Golongan | PppkGrade;
  closedTmt: string;
  balance: string;
  threshold: string;
  thresholdMet: boolean;
  shortfall: string;
  forfeited: string;
}

export interface CreditNextView extends LedgerNext {
  eligible: boolean;
  /** The rules' codes, plus HUKDIS_IN_FORCE while a SEDANG/BERAT sanction blocks kenaikan pangkat. */
  unmet: (UnmetCode | 'HUKDIS_IN_FORCE')[];
  /** One readable reason (Bahasa Indonesia) per unmet code. */
  reasons: string[];
  explanation?: Explanation;
}

/** GET /employees/{nip}/credit: the AK ledger computed from facts, explained. */
export interface CreditView {
  nip: string;
  status: 'PNS' | 'PPPK';
  jenjang: Jenjang;
  golongan: Golongan | PppkGrade;
  balance: string;
  informational: boolean;
  notice: string | null;
  entries: CreditEntryView[];
  closed: ClosedLedgerView[];
  catchUp: { from: Golongan; offset: string } | null;
  warnings: LedgerWarning[];
  superseded: SupersededPeriod[];
  next: CreditNextView | null;
  /** Version of the stored ledger; null before the worker first stored it. */
  version: number | null;
  explanation: Explanation;
}

/** The opening entry added (INTEGRASI also reports its Nilai Dasar and remarks). */
export interface CreditOpeningResult {
  source: 'INTEGRASI' | 'AK_DASAR';
  jenjang: Jenjang;
  golongan: Golongan | PppkGrade;
  amount: string;
  nilaiDasar?: string;
  manualReview?: boolean;
  warnings?: string[];
  explanation: Explanation;
}

export interface CreditEducationResult {
  source: 'PENDIDIKAN';
  degree: string;
  awardedOn: string;
  jenjang: Jenjang;
  amount: string;
  explanation: Explanation;
}
