import { Module } from '@nestjs/common';
import { SkpModule } from '../skp/skp.module';
import { ActionPlansReadService } from './action-plans-read.service';
import { ActionPlansController } from './action-plans.controller';
import { ActionPlansRepository } from './action-plans.repository';
import { ActionPlansService } from './action-plans.service';

/** Rencana aksi, progress and the feedback log of an SKP (spec 04 §2). */
@Module({
  imports: [SkpModule],
  controllers: [ActionPlansController],
  providers: [ActionPlansService, ActionPlansRepository, ActionPlansReadService],
  exports: [ActionPlansReadService],
})
export class ActionPlansModule {}
