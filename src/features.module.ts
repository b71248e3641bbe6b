import { Module } from '@nestjs/common';
import { ActionPlansModule } from './action-plans/action-plans.module';
import { AgencyModule } from './agency/agency.module';
import { AllowanceModule } from './allowance/allowance.module';
import { AngkaKreditModule } from './angka-kredit/angka-kredit.module';
import { DisciplineModule } from './discipline/discipline.module';
import { EvaluationBatchModule } from './evaluation/batch/evaluation-batch.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { EvidenceModule } from './evaluation/evidence/evidence.module';
import { KenaikanPangkatModule } from './kenaikan-pangkat/kenaikan-pangkat.module';
import { MeModule } from './me/me.module';
import { OrgModule } from './org/org.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { PppkModule } from './pppk/pppk.module';
import { SiasnModule } from './siasn/siasn.module';
import { SkpModule } from './skp/skp.module';

// The order is the route order of openapi.json (and of the console's generated client types).
const FEATURES = [
  MeModule,
  SkpModule,
  EvaluationModule,
  AgencyModule,
  OrgModule,
  ActionPlansModule,
  EvaluationBatchModule,
  EvidenceModule,
  AngkaKreditModule,
  KenaikanPangkatModule,
  OutcomesModule,
  AllowanceModule,
  DisciplineModule,
  PppkModule,
  SiasnModule,
];

/** The domain features, shared by the API and the worker (each feature registers its own job handlers). */
@Module({ imports: FEATURES, exports: FEATURES })
export class FeaturesModule {}
