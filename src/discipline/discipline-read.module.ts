import { Module } from '@nestjs/common';
import { DisciplineRatingGuard } from './discipline-rating-guard.service';
import { DisciplineSanctionsReader } from './discipline-sanctions.repository';

/** What other modules import to read discipline facts (no controllers, no jobs). */
@Module({
  providers: [DisciplineSanctionsReader, DisciplineRatingGuard],
  exports: [DisciplineSanctionsReader, DisciplineRatingGuard],
})
export class DisciplineReadModule {}
