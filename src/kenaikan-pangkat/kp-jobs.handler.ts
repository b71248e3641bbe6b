import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JobHandler } from '../jobs/job-handler.decorator';
import { OutcomeStore } from '../outcomes/outcome-store.service';
import { KpMonthlyScanJob } from './kenaikan-pangkat.job';
import { kpDueOutcome } from '../rules';
import { KpCalendarService } from './kp-calendar.service';

/**
 * Monthly KP scan (04 §3): re-reads the roster, ledgers, predikat and sanctions, and emits
 * KENAIKAN_PANGKAT_ELIGIBLE with the TMT for every KP whose proposal window is open today. The outcome key
 * holds the person, the target golongan and the TMT, so a second run (or a retry) adds nothing; a sanction
 * that moves the TMT gives the new TMT its own outcome when its window opens.
 */
@Injectable()
export class KpJobsHandler {
  constructor(
    private readonly calendar: KpCalendarService,
    private readonly outcomes: OutcomeStore,
    private readonly clock: Clock,
  ) {}

  @JobHandler(KpMonthlyScanJob)
  async monthlyScan() {
    const today = this.clock.today();
    const rows = await this.calendar.rows(today, null);
    const due = rows.flatMap((r) =>
      r.status !== 'NOT_YET' && r.tmt && r.to && r.submitFrom !== null && r.submitFrom <= today
        ? [{ ...r, to: r.to, tmt: r.tmt }]
        : [],
    );
    const created = await this.outcomes.saveMany(
      due.map((r) => ({
        employeeId: r.employeeId,
        period: null,
        outcomes: [
          kpDueOutcome({
            nip: r.nip,
            to: r.to,
            tmt: r.tmt,
            submitFrom: r.submitFrom,
            submitBy: r.submitBy,
            track: r.track,
            delayedBy: r.delayedBy,
          }),
        ],
      })),
    );
    return {
      asOf: today,
      scanned: rows.length,
      due: due.length,
      created,
      notYet: rows.filter((r) => r.status === 'NOT_YET').length,
    };
  }
}
