import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { SkpStatusReader } from '../skp/skp-status-reader.service';
import { ActionPlansRepository } from './action-plans.repository';
import { planPeriodsOf } from './plan-periods.util';

/** Published reads of rencana aksi and feedback for other features (evaluation form, org suggestion). */
@Injectable()
export class ActionPlansReadService {
  constructor(
    private readonly repo: ActionPlansRepository,
    private readonly config: AppConfig,
    private readonly skps: SkpStatusReader,
  ) {}

  /** The latest feedback entry per RHK and per core value of an SKP in a period (`RESULT:<id>`, `CORE_VALUE:<v>`). */
  async latestFeedback(skpId: string, period: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const f of await this.repo.feedback(skpId, period))
      if (f.targetKind !== 'ACTION_PLAN') out.set(`${f.targetKind}:${f.target}`, f.text);
    return out;
  }

  /** Rencana aksi of an employee's DEFINITIVE SKPs inside an evaluation period, as `{ target, realisasi }` items. */
  async suggestionItems(
    employeeId: string,
    evaluationPeriod: string,
  ): Promise<{ target: string | null; realisasi: string }[]> {
    const skpIds = await this.skps.definitiveSkpIdsOf(employeeId);
    if (skpIds.length === 0) return [];
    return this.repo.suggestionItems(
      skpIds,
      planPeriodsOf(evaluationPeriod, this.config.get('RENCANA_AKSI_GRANULARITY')),
    );
  }
}
