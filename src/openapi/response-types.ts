/**
 * Every type a route answers with, by the name the OpenAPI document gives it. The schemas are
 * generated from these declarations (`npm run openapi:export`), so responses and document agree.
 * A feature adds its view type here and names it in `@ApiResult('Name')` on the route.
 */
import type { Page } from '../common/pagination';
import type { DelegationView } from '../org/delegations.service';
import type { EmployeeView } from '../org/dto/employee-view.dto';
import type { EmployeePersonal } from '../org/employee-personal.util';
import type { SkpListItem } from '../skp/skp-queries.service';
import type { ApiKeyScope } from '../identity/principal';

export type { Principal } from '../identity/principal';
export type { MeView, TeamView } from '../me/me.views';
export type { UnitView } from '../org/units.service';
export type { EmployeeView } from '../org/dto/employee-view.dto';
export type { GapsReport } from '../org/gaps.service';
export type { ImportResult } from '../org/import/employee-import.service';
export type { SkpView, CascadeView } from '../skp/skp-queries.service';
export type { ActionPlanList } from '../action-plans/action-plans.service';
export type { ActionPlanView, FeedbackView } from '../action-plans/action-plans.repository';
export type { OrgSuggestionView } from '../evaluation/org-suggestion.service';
export type { EvaluationView } from '../evaluation/evaluation-views.service';
export type { EvaluationList } from '../evaluation/evaluation.service';
export type { EvaluationCalendar } from '../evaluation/periods';
export type { DistributionReport } from '../evaluation/distribution.service';
export type { UnitPerformanceView } from '../evaluation/org-performance.service';
export type { EvidenceView, EvidenceList } from '../evaluation/evidence/evidence.repository';
export type { MyAllowanceYear } from '../allowance/my-allowances.views';
export type { SiasnPage, SiasnGapsReport, SiasnIdentityImportResult } from '../siasn/siasn.views';
export type { SiasnImportView, SiasnReconciliationPage } from '../siasn/siasn-reconciliation.views';
export type {
  SiasnOutboxPage,
  SiasnOutboxRowView,
  SiasnPushAccepted,
  SiasnPushProgress,
  SiasnStatusView,
} from '../siasn/siasn-push.views';
export type {
  AllowanceRunRequested,
  AllowanceRunView,
  AllowanceMonthView,
  RuleSetPutResult,
  RuleSetDetail,
  RuleSetList,
  HolidayView,
  HolidayList,
  WorkingDaysView,
  AttendanceResult,
  PayrollPage,
} from '../allowance/allowance.views';
export type { OutcomeList, OutcomePage } from '../outcomes/outcomes.views';
export type { WebhookView, WebhookList, WebhookDeliveryList } from '../webhooks/webhooks.views';
export type { AgencyView } from '../agency/agency.views';
export type { FailedJobList } from '../jobs/failed-jobs.views';
export type {
  CreditView,
  CreditOpeningResult,
  CreditEducationResult,
  OpeningTablesView,
} from '../angka-kredit/credit.views';
export type { KpCalendarPage } from '../kenaikan-pangkat/kp-calendar.views';
export type {
  DisciplineCaseView,
  DisciplineCasePage,
  DisciplineStepResult,
  DisciplineCaseSummary,
  DisciplineEscalationList,
  DisciplineHolidays,
  DisciplineExport,
} from '../discipline/dto/discipline-views.dto';
export type { ElectionList, ElectionView } from '../discipline/neutrality-elections.repository';
export type { ContractReviewList, ContractReviewView, PppkContractDetail } from '../pppk/pppk.views';
export type { FinalizeBatchResult } from '../evaluation/batch/evaluation-batch.service';

export interface SkpPage extends Page<SkpListItem> {}
export interface DelegationPage extends Page<DelegationView> {}
export interface DelegationList {
  items: DelegationView[];
}
export type { DelegationView };

/** One row of an employee's assignment history (effective-dated). */
export interface AssignmentHistoryItem {
  validFrom: string;
  validTo: string | null;
  unitCode: string;
  golongan: string;
  supervisorNip: string | null;
  title: string;
  kind: string;
  jenjang: string | null;
  kelasJabatan: number;
  isUnitHead: boolean;
  tmt: string;
  reason: string | null;
}
/** An employee with the personal data of official documents (POST/PATCH/GET /employees). */
export interface EmployeeRecord extends EmployeeView {
  personal: EmployeePersonal;
  /** End of service (spec 04 §1.2: PENSIUN / BERHENTI on the TMT, MENINGGAL the date of death); null while in service. */
  endOfService: EndOfService | null;
}
export interface EndOfService {
  event: 'PENSIUN' | 'BERHENTI' | 'MENINGGAL';
  /** YYYY-MM-DD */
  date: string;
}
export interface EmployeeDetail extends EmployeeRecord {
  history: AssignmentHistoryItem[];
}

export interface CreatedApiKey {
  id: string;
  /** The secret; shown once. */
  key: string;
  name: string;
  scopes: ApiKeyScope[];
}
export interface ApiKeyList {
  items: {
    id: string;
    name: string;
    prefix: string;
    scopes: ApiKeyScope[];
    createdBy: string;
    createdAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[];
  nextCursor: null;
}

export interface FeedbackList {
  skpId: string;
  items: import('../action-plans/action-plans.repository').FeedbackView[];
}

export const RESPONSE_TYPE_NAMES = [
  'Principal',
  'MeView',
  'TeamView',
  'CreatedApiKey',
  'ApiKeyList',
  'UnitView',
  'EmployeeView',
  'EmployeeRecord',
  'EndOfService',
  'EmployeeDetail',
  'GapsReport',
  'ImportResult',
  'DelegationView',
  'DelegationPage',
  'DelegationList',
  'SkpView',
  'SkpPage',
  'CascadeView',
  'ActionPlanList',
  'ActionPlanView',
  'FeedbackView',
  'FeedbackList',
  'OrgSuggestionView',
  'EvaluationView',
  'EvaluationList',
  'EvaluationCalendar',
  'DistributionReport',
  'UnitPerformanceView',
  'EvidenceView',
  'EvidenceList',
  'MyAllowanceYear',
  'AllowanceRunRequested',
  'AllowanceRunView',
  'AllowanceMonthView',
  'RuleSetPutResult',
  'RuleSetDetail',
  'RuleSetList',
  'HolidayView',
  'HolidayList',
  'WorkingDaysView',
  'AttendanceResult',
  'PayrollPage',
  'OutcomeList',
  'OutcomePage',
  'WebhookView',
  'WebhookList',
  'WebhookDeliveryList',
  'AgencyView',
  'FailedJobList',
  'FinalizeBatchResult',
  'CreditView',
  'CreditOpeningResult',
  'CreditEducationResult',
  'KpCalendarPage',
  'OpeningTablesView',
  'DisciplineCaseView',
  'DisciplineCasePage',
  'DisciplineStepResult',
  'DisciplineCaseSummary',
  'DisciplineEscalationList',
  'DisciplineHolidays',
  'DisciplineExport',
  'ElectionList',
  'ElectionView',
  'ContractReviewList',
  'ContractReviewView',
  'PppkContractDetail',
  'SiasnPage',
  'SiasnGapsReport',
  'SiasnIdentityImportResult',
  'SiasnPushAccepted',
  'SiasnPushProgress',
  'SiasnOutboxPage',
  'SiasnOutboxRowView',
  'SiasnStatusView',
  'SiasnImportView',
  'SiasnReconciliationPage',
] as const;
export type ResponseTypeName = (typeof RESPONSE_TYPE_NAMES)[number];
