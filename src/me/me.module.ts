import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { SkpModule } from '../skp/skp.module';
import { MeController } from './me.controller';
import { MeService } from './me.service';

/** The signed-in person's identity and relations (the console's entry point); owns no tables. */
@Module({ imports: [SkpModule, EvaluationModule], controllers: [MeController], providers: [MeService] })
export class MeModule {}
