import type { AkBasis, AkEntrySource, Golongan, Jenjang, PppkGrade, Predicate } from '../rules/common/enums';
import type { Explanation } from '../rules/common/explanation';
import type { LedgerNext, LedgerWarning, SupersededPeriod } from '../rules/angka-kredit/ledger';
import type { UnmetCode } from '../rules/angka-kredit/eligibility';
import type { AppointmentRoute } from '../rules/angka-kredit/opening-tables';
import type { OpeningTableVersionView } from './opening-tables.repository';

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
  /**
   * KENAIKAN_PANGKAT of a PNS (04 §3.3): the first KP TMT once the months in pangkat are complete, of the
   * period regime in force on it (1 Apr/1 Oct until 2023, six dates 2024 – Sep 2025, every month from Oct
   * 2025), whose proposal window has not closed, after sanctions in force; AK and predikat must be
   * documented by `submitBy`. Null for a kenaikan jenjang, a PPPK or a sanction that ends employment.
   */
  tmt: string | null;
  /** Proposal window of that TMT (04 §3.2). */
  submitFrom: string | null;
  submitBy: string | null;
  /** Date the months in pangkat are complete; null when no TMT applies. */
  eligibleOn: string | null;
  /** Id of the KP period regime of the TMT (KEP_BKN_12_2002, PERBKN_4_2023, PERBKN_4_2025). */
  tmtRegime: string | null;
  /** TMTs a discipline sanction passed over or moved (SANCTION_BLOCKING, KP_DELAY), with the sanction and case. */
  delayedBy: { tmt: string; reason: 'SANCTION_BLOCKING' | 'KP_DELAY'; sanction: string; caseId: string }[];
  tmtExplanation: Explanation | null;
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

/** The opening entry added (INTEGRASI also reports its Nilai Dasar and remarks; a 04 §4 route its parts). */
export interface CreditOpeningResult {
  source: 'INTEGRASI' | 'AK_DASAR' | AppointmentRoute;
  jenjang: Jenjang;
  golongan: Golongan | PppkGrade;
  amount: string;
  nilaiDasar?: string;
  manualReview?: boolean;
  /** 04 §4 routes: conversion of the predikat runs, AK Dasar, annex value, last balance (as applicable). */
  konversi?: string;
  akDasar?: string;
  tableAmount?: string;
  lastBalance?: string;
  /** 04 §4 routes: one rounded conversion per predikat run. */
  entries?: { months: number; predicate: Predicate; amount: string }[];
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

/** GET/PUT /angka-kredit/opening-tables: every version of the two OPEN annex tables (04 §9). */
export interface OpeningTablesView {
  perpindahan: OpeningTableVersionView[];
  penyesuaian: OpeningTableVersionView[];
}
