import type { AkBasis, AkEntrySource, EmployeeStatus, Golongan, Jenjang, PppkGrade, Predicate } from '../common/enums';
import type { Explanation } from '../common/explanation';

/** Input and result shapes of the AK ledger (computeLedger in ledger.ts). */

export type LedgerOpening =
  { kind: 'AK_DASAR' } | { kind: 'INTEGRASI'; conventionalTotal: string } | { kind: 'LAMA'; amount: string };

export interface LedgerInput {
  /** Jenjang and golongan held in the first month (a PPPK: grade I–XVII). */
  jenjang: Jenjang;
  golongan: Golongan | PppkGrade;
  /** PPPK: informational ledger per config ak.pppk.ledger (04 §6). Default PNS. */
  status?: EmployeeStatus;
  opening?: LedgerOpening;
  /** FINAL predicates, any order: "2024" (annual), "2024-Q1", "2024-01" (periodic). */
  predicates: { period: string; predicate: string; evaluationId?: string }[];
  /** Jenjang/golongan changes: same jenjang = KP, next jenjang = KJ (closes the ledger). */
  changes?: { tmt: string; jenjang: Jenjang; golongan: Golongan | PppkGrade }[];
  /** Higher degrees: +25 % entry in the ledger open on `awardedOn`, once per degree. */
  education?: { degree: string; awardedOn: string }[];
  precision?: number;
}

export interface LedgerEntry {
  source: AkEntrySource;
  basis?: AkBasis;
  fromMonth?: string;
  toMonth?: string;
  months?: number;
  predicate?: Predicate;
  /** Periods (evaluations) feeding the entry. */
  periods?: string[];
  percentage?: string;
  coefficient?: string;
  jenjang: Jenjang;
  exact: string;
  amount: string;
  /** PENDIDIKAN only. */
  degree?: string;
  explanation: Explanation;
}

export interface ClosedLedger {
  jenjang: Jenjang;
  golongan: Golongan | PppkGrade;
  /** TMT of the kenaikan jenjang that closed it. */
  closedTmt: string;
  closeReason: 'KENAIKAN_JENJANG';
  balance: string;
  /** AKK of the jenjang (+ case-C catch-up) the KJ needed. */
  threshold: string;
  /** False when the balance was below the threshold at the KJ (02 §7.3): see `warnings`. */
  thresholdMet: boolean;
  /** max(0, threshold − balance). */
  shortfall: string;
  forfeited: string;
  entries: LedgerEntry[];
}

/** A figure that rests on doubtful data (a person must look at it). */
export interface LedgerWarning {
  code: 'KJ_BELOW_AKK' | 'CASE_C_CATCH_UP' | 'PPPK_OPENING_IGNORED';
  message: string;
}

export interface LedgerNext {
  kind: 'KENAIKAN_PANGKAT' | 'KENAIKAN_JENJANG';
  to: string;
  threshold: string;
  shortfall: string;
}

export interface SupersededPeriod {
  period: string;
  predicate: Predicate;
  supersededBy: string;
}

export interface LedgerResult {
  jenjang: Jenjang;
  golongan: Golongan | PppkGrade;
  /** A PPPK (04 §6): figures shown for information, no KP, KJ eligibility reported only. */
  informational: boolean;
  /** Σ rounded entries of the open ledger. */
  balance: string;
  /** PREDIKAT entries of the open ledger, month order. */
  entries: LedgerEntry[];
  /** All entries of the open ledger (openings, PREDIKAT, PENDIDIKAN). */
  allEntries: LedgerEntry[];
  closed: ClosedLedger[];
  next: LedgerNext | null;
  superseded: SupersededPeriod[];
  /** Degrees ignored because already credited. */
  ignoredEducation: string[];
  /** Integrasi case C of the open ledger: golongan it started from and AK used to catch up (02 §10). */
  catchUp: { from: Golongan; offset: string } | null;
  warnings: LedgerWarning[];
  explanation: Explanation;
}

export interface MonthCredit {
  month: number;
  predicate: Predicate;
  basis: AkBasis;
  period: string;
}

const SOURCE_ORDER: Record<AkEntrySource, number> = {
  AK_DASAR: 0,
  INTEGRASI: 0,
  LAMA: 0,
  PENYESUAIAN: 0,
  PREDIKAT: 1,
  PENDIDIKAN: 1,
  LAINNYA: 1,
};

/** Openings first, then month order. */
export function sortEntries(entries: LedgerEntry[]): LedgerEntry[] {
  return [...entries].sort((a, b) => {
    const oa = SOURCE_ORDER[a.source];
    const ob = SOURCE_ORDER[b.source];
    if (oa !== ob) return oa - ob;
    const ma = a.fromMonth ?? '';
    const mb = b.fromMonth ?? '';
    return ma < mb ? -1 : ma > mb ? 1 : 0;
  });
}
