import { WebhookDeliveryHandler } from './webhooks/webhook-delivery.handler';
import { AllowanceRunHandler } from './allowance/allowance-run.handler';
import { DisciplineJobsHandler } from './discipline/discipline-jobs.handler';
import { AllowanceMonthOutcomesHandler } from './outcomes/allowance-month-outcomes.handler';
import { CreditJobsHandler } from './angka-kredit/credit-jobs.handler';
import { KpJobsHandler } from './kenaikan-pangkat/kp-jobs.handler';
import { EvaluationOutcomesHandler } from './outcomes/evaluation-outcomes.handler';
import { EvaluationExpiryHandler } from './evaluation/evaluation-expiry.handler';
import { EmployeeCreatedHandler } from './org/employee-created.handler';
import { EmployeeEventHandler } from './skp/employee-event.handler';
import { PppkContractReviewHandler } from './pppk/pppk-contract-review.handler';
import { SiasnPushHandler } from './siasn/siasn-push.handler';
import { SiasnQueueHandler } from './siasn/siasn-queue.handler';
import { SiasnImportHandler } from './siasn/siasn-import.handler';

/** Providers holding @JobHandler methods; registered only in the worker process. */
export const JOB_HANDLER_PROVIDERS = [
  EmployeeCreatedHandler,
  EmployeeEventHandler,
  EvaluationExpiryHandler,
  CreditJobsHandler,
  KpJobsHandler,
  EvaluationOutcomesHandler,
  AllowanceRunHandler,
  WebhookDeliveryHandler,
  DisciplineJobsHandler,
  AllowanceMonthOutcomesHandler,
  PppkContractReviewHandler,
  SiasnPushHandler,
  SiasnQueueHandler,
  SiasnImportHandler,
];
