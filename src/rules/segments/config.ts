/**
 * Policy choices of spec 04 §1–§2 (SKP segments, rencana aksi, feedback, periodic org suggestion).
 * Every key is listed in spec 04 §9 with its status; the engine's defaults are these.
 */
export const ANNUAL_MODES = ['LAST_SKP', 'LONGEST_SKP', 'PER_SKP'] as const;
export type AnnualMode = (typeof ANNUAL_MODES)[number];

export interface SegmentsConfig {
  /** §1.3 annual predikat of a year with several DEFINITIVE SKPs (OPEN, default LAST_SKP). */
  annualMode: AnnualMode;
  /** §1.2 PPK_CHANGE: the SKP continues (CONTINUE) or is split like a MUTASI (NEW_SKP). INFERRED. */
  ppkChange: 'CONTINUE' | 'NEW_SKP';
  /** §1.2 PLH: a separate SKP (true) or Plh work as TAMBAHAN RHK (false). INFERRED. */
  plhSeparateSkp: boolean;
  /** §1.2 RHK of the previous SKP: offered for copy (OFFER), never, or always copied. INFERRED. */
  copyRhk: 'OFFER' | 'NEVER' | 'ALWAYS';
  /** §1.3 closing evaluation due this many days after periodEnd. OPEN. */
  closingDueDays: number;
}

export const segmentsDefaults: SegmentsConfig = {
  annualMode: 'LAST_SKP',
  ppkChange: 'CONTINUE',
  plhSeparateSkp: false,
  copyRhk: 'OFFER',
  closingDueDays: 30,
};

export interface OrgSuggestionConfig {
  /** "sebagian besar tidak menunjukkan kemajuan": items without progress strictly above this share → SANGAT_KURANG. */
  noneShare: number;
  /** All met and items exceeded strictly above this share → ISTIMEWA. */
  exceededShare: number;
  /** Met share at or above this (not all met) → BUTUH_PERBAIKAN, below → KURANG. */
  metShare: number;
}

/** §2.2 thresholds (INFERRED from SE MenPANRB 3/2023 wording). */
export const orgSuggestionDefaults: OrgSuggestionConfig = {
  noneShare: 0.5,
  exceededShare: 0.5,
  metShare: 0.5,
};
