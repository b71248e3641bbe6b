import { Injectable } from '@nestjs/common';
import { JobHandler } from '../jobs/job-handler.decorator';
import { SiasnImportService } from './siasn-import.service';
import { SiasnImportJob } from './siasn.job';

/** Runs an import outside a transaction (no database lock held while SIASN answers); idempotent per person. */
@Injectable()
export class SiasnImportHandler {
  constructor(private readonly imports: SiasnImportService) {}

  @JobHandler(SiasnImportJob, { transactional: false })
  run(payload: Record<string, unknown>) {
    return this.imports.run(String(payload.batchId));
  }
}
