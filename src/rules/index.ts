/**
 * Pure rules library of skp-engine (no framework, no I/O, no clock): predikat, distribution,
 * angka kredit, allowances, discipline/netralitas and outcomes. Every function returns its value
 * with a JSON-serialisable `explanation`; bad input throws RuleInputError.
 */
// common
export * from './common/enums';
export { RuleInputError } from './common/errors';
export type { Explanation, ExplanationStep } from './common/explanation';
export { selectVersion, type RuleTable, type RuleTableVersion } from './common/versioning';
export { mergeConfig, type DeepPartial } from './common/merge';
export type { DecimalInput } from './common/decimal';
// config
export * from './config/defaults';
// predikat
export { computePredicate, type PredicateInput, type PredicateResult } from './predikat/matrix';
export {
  unitHeadResultRating,
  unitHeadPredicate,
  type UnitHeadRatingResult,
  type UnitHeadPredicateResult,
} from './predikat/unit-head';
export {
  suggestResultRating,
  RHK_KINDS,
  type RhkKind,
  type RatingItem,
  type RatingSuggestion,
} from './predikat/suggestion';
export { predicateRank, ratingRank, isAtLeastBaik } from './predikat/order';
export { PREDIKAT_MATRIX_TABLE, PREDICATE_LABELS, RATING_LABELS, type PredikatMatrix } from './predikat/tables';
// distribution
export {
  checkDistribution,
  type DistributionInput,
  type DistributionResult,
  type DistributionFinding,
  type PredicateCounts,
} from './distribution/check-distribution';
export {
  DISTRIBUTION_TABLE,
  DISTRIBUTION_VIOLATION_CODES,
  DISTRIBUTION_WARNING_CODES,
  type DistributionViolationCode,
  type DistributionWarningCode,
  type DistributionPattern,
  type DistributionConstraint,
} from './distribution/tables';
// angka kredit
export { convertPredicate, type ConversionInput, type ConversionResult } from './angka-kredit/conversion';
export {
  computeLedger,
  type LedgerInput,
  type LedgerResult,
  type LedgerEntry,
  type LedgerOpening,
  type ClosedLedger,
  type LedgerNext,
  type SupersededPeriod,
} from './angka-kredit/ledger';
export { akDasar, type AkDasarResult } from './angka-kredit/ak-dasar';
export { integrasi, type IntegrasiInput, type IntegrasiResult } from './angka-kredit/integrasi';
export { educationBonus, type EducationResult } from './angka-kredit/education';
export {
  checkEligibility,
  UNMET_CODES,
  type UnmetCode,
  type EligibilityInput,
  type EligibilityResult,
} from './angka-kredit/eligibility';
export { parsePeriod, type ParsedPeriod } from './angka-kredit/periods';
export { normalizePredicate } from './angka-kredit/predicate-alias';
export {
  JENJANG_TABLE,
  AK_PERCENTAGE_TABLE,
  PREDICATE_ALIASES,
  CONVENTIONAL_AKK,
  type JenjangRow,
  type Kategori,
} from './angka-kredit/tables';
// allowance
export { computeAllowanceMonth } from './allowance/compute-month';
export {
  resolveRuleSet,
  selectRuleSetVersion,
  validateRuleSet,
  validatedRuleSet,
  mergeRuleSetOverrides,
  type ResolvedRuleSet,
} from './allowance/resolve-rule-set';
export {
  predicatePeriod,
  PREDIKAT_SOURCES,
  type PredikatSource,
  type PredicatePeriodInput,
  type PredicatePeriodResult,
} from './allowance/predicate-period';
export { R_TPP_DEMO } from './allowance/r-tpp-demo';
export {
  actingPosts,
  multiplePltDefault,
  MULTIPLE_PLT_DEFAULTS,
  MULTIPLE_PLT_MODES,
  type ActingPost,
  type MultiplePltMode,
} from './allowance/acting-posts';
export { ALLOWANCE_WARNING_CODES } from './allowance/types';
export type {
  AllowanceRuleSet,
  AllowanceMonthInput,
  AllowanceMonthResult,
  AllowanceWarning,
  AllowanceWarningCode,
  AttendanceInput,
  Band,
  DeductionLine,
  InfoLine,
  SanctionInForceInput,
  HukdisLevel,
  HukdisTableRow,
  PredikatMissingMode,
  LeaveMode,
  LeaveRule,
  ActingRules,
  ActingInput,
  SegmentInput,
} from './allowance/types';
export type { SegmentResult } from './allowance/types';
// discipline
export {
  attendanceLadder,
  type AttendanceLadderInput,
  type AttendanceLadderResult,
} from './discipline/attendance-ladder';
export { classifyNetralitas, type NetralitasResult } from './discipline/netralitas';
export { decisionEffectiveDate, type EffectiveDateInput, type EffectiveDateResult } from './discipline/effective-date';
export {
  SANCTION_CATALOGUE,
  SANCTIONS_BY_LEVEL,
  ATTENDANCE_LADDER_TABLE,
  NETRALITAS_MATRIX_TABLE,
  type SanctionInfo,
} from './discipline/tables';
export {
  recommendingBody,
  netralitasStage,
  type RecommendingBodyResult,
  type NetralitasStageResult,
} from './discipline/recommending-body';
// kenaikan pangkat calendar (04 §3)
export {
  kpNextPeriod,
  firstTmtOnOrAfter,
  submissionWindow,
  type KpNextPeriodInput,
  type KpNextPeriodResult,
} from './kenaikan-pangkat/next-period';
export {
  kpRegular,
  KP_REGULAR_UNMET_CODES,
  type KpRegularInput,
  type KpRegularResult,
  type KpRegularUnmet,
} from './kenaikan-pangkat/regular';
export * from './kenaikan-pangkat/tables';
// entries into a JF (04 §4)
export { akOpening, type OpeningInput, type OpeningResult, type OpeningEntry } from './angka-kredit/opening';
export * from './angka-kredit/opening-tables';
export * from './angka-kredit/opening-predicates';
// PPPK (04 §6)
export { pppkContractReview, type ContractReviewInput, type ContractReviewResult } from './pppk/contract-review';
// outcomes
export { deriveOutcomes } from './outcomes/derive-outcomes';
export { OUTCOME_LEGAL } from './outcomes/legal';
export { kpDueOutcome, kpDueFact, type KpDueFact } from './outcomes/from-kp';
export * from './outcomes/types';
// SIASN exchange
export * from './siasn/codes';
export { siasnDefaults, siasnBackoffMinutes, type SiasnConfig } from './siasn/config';
export { siasnKuadran, type SiasnKuadranInput, type SiasnKuadranResult } from './siasn/kuadran';
export {
  skp22Payload,
  kinerjaPeriodikPayload,
  type Skp22Body,
  type KinerjaPeriodikBody,
  type AngkaKreditBody,
  type PenilaiInput,
  type PayloadResult,
  type SiasnPath,
} from './siasn/payloads';
export { angkaKreditPayload, SIASN_AK_SOURCES, type AngkaKreditPayloadInput } from './siasn/angka-kredit-payload';
export * from './siasn/natural-key';
export * from './siasn/read-side';
export * from './siasn/reconciliation';
// SKP segments, periodic org suggestion (spec 04 §1–§2)
export {
  skpSegments,
  SKP_EVENT_TYPES,
  type SkpEventType,
  type SkpEvent,
  type SkpKind,
  type SkpSegment,
  type SkpSegmentsInput,
  type SkpSegmentsResult,
} from './segments/skp-segments';
export {
  orgPeriodicSuggestion,
  type OrgSuggestionInput,
  type OrgSuggestionItem,
  type OrgSuggestionResult,
} from './segments/org-suggestion';
export {
  segmentsDefaults,
  orgSuggestionDefaults,
  ANNUAL_MODES,
  type AnnualMode,
  type SegmentsConfig,
  type OrgSuggestionConfig,
} from './segments/config';
// evaluator
export { evaluateCase, evaluateCases, RULE_HANDLERS, type RuleCase, type CaseOutput } from './evaluator/evaluate';
