import { AgencyModule } from '../agency/agency.module';
import { Module } from '@nestjs/common';
import { DisciplineReadModule } from '../discipline/discipline-read.module';
import { SkpModule } from '../skp/skp.module';
import { DistributionService } from './distribution.service';
import { EvaluationAccess } from './evaluation-access.service';
import { FinalPredicatesReader } from './final-predicates.repository';
import { FinalEvaluationReader } from './final-evaluation.repository';
import { DistributionRepository } from './distribution.repository';
import { EvaluationLookup } from './evaluation-lookup.service';
import { EvaluationPartsRepository } from './evaluation-parts.repository';
import { EvaluationViews } from './evaluation-views.service';
import { EvaluationController, OrgPerformanceController } from './evaluation.controller';
import { EmployeeEvaluationService } from './employee-evaluation.service';
import { EvaluationReviewService } from './evaluation-review.service';
import { EvaluationWorkflow } from './evaluation-workflow.service';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationService } from './evaluation.service';
import { PpkEvaluationService } from './ppk-evaluation.service';
import { OrgPerformanceService } from './org-performance.service';
import { OrgSuggestionService } from './org-suggestion.service';
import { ActionPlansModule } from '../action-plans/action-plans.module';
import { EvaluationExpiryHandler } from './evaluation-expiry.handler';
import { EvaluationDocumentReader } from './evaluation-document-reader.service';

/** Evaluation cycle (issue 6): realisations, ratings, predicate, org performance and distribution, appeal, DEKP. */
@Module({
  imports: [AgencyModule, DisciplineReadModule, ActionPlansModule, SkpModule],
  controllers: [EvaluationController, OrgPerformanceController],
  providers: [
    EvaluationExpiryHandler,

    EvaluationRepository,
    EvaluationWorkflow,
    EvaluationService,
    EmployeeEvaluationService,
    PpkEvaluationService,
    EvaluationReviewService,
    EvaluationPartsRepository,
    EvaluationLookup,
    DistributionRepository,
    EvaluationViews,
    DistributionService,
    OrgPerformanceService,
    OrgSuggestionService,
    EvaluationAccess,
    FinalPredicatesReader,
    FinalEvaluationReader,
    EvaluationDocumentReader,
  ],
  exports: [
    EvaluationService,
    EvaluationReviewService,
    DistributionService,
    EvaluationAccess,
    FinalPredicatesReader,
    FinalEvaluationReader,
    EvaluationDocumentReader,
  ],
})
export class EvaluationModule {}
