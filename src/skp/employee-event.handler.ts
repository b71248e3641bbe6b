import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { JobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler.decorator';
import { ApplyEmployeeEventJob } from './skp.job';
import { OrgDirectory } from '../org/org-directory.service';
import { SkpRepository } from './skp.repository';
import { SegmentRow, SkpSegmentsRepository } from './skp-segments.repository';

/** Events that end the running DEFINITIVE SKP (spec 04 §1.2); MENINGGAL on the day itself, the others the day before. */
const CLOSING = ['MUTASI', 'PROMOSI', 'DEMOSI', 'PENSIUN', 'BERHENTI', 'MENINGGAL', 'CLTN', 'TUGAS_BELAJAR'];
const ENDS_EMPLOYMENT = ['PENSIUN', 'BERHENTI', 'MENINGGAL'];

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Applies a recorded employee event to the SKPs (spec 04 §1.2): the APPROVED SKP in force closes on
 * TMT − 1 (CLOSED, its evaluations stay the employee's); a Plt's ACTING SKP closes on PLT_END or with the
 * end of employment. A DRAFT or SUBMITTED SKP is not yet in force and is left as it is. The new SKP is
 * the employee's to create (POST /skp with periodStart). Re-reads the event; idempotent (an SKP already
 * ending on or before the date is not touched).
 */
@Injectable()
export class EmployeeEventHandler {
  constructor(
    private readonly segments: SkpSegmentsRepository,
    private readonly skp: SkpRepository,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @JobHandler(ApplyEmployeeEventJob)
  async handle(payload: Record<string, unknown>, _ctx: JobContext) {
    const ev = await this.org.employeeEvent(String(payload.eventId));
    if (!ev) return { skipped: 'event not found' };
    const closed: { skpId: string; periodEnd: string }[] = [];
    const close = async (skp: SegmentRow, end: string) => {
      if (skp.status !== 'APPROVED' || skp.periodEnd <= end || end < skp.periodStart) return;
      await this.segments.close(skp.id, end, ev.type, this.clock.now());
      await this.skp.recordClosed(skp.id, `${ev.type} ${ev.date}`);
      await this.audit.record({
        action: 'skp.close',
        entityType: 'Skp',
        entityId: skp.id,
        before: { status: 'APPROVED', periodEnd: skp.periodEnd },
        after: { status: 'CLOSED', periodEnd: end, event: ev.type, eventDate: ev.date },
        reason: `${ev.type} ${ev.date}`,
      });
      closed.push({ skpId: skp.id, periodEnd: end });
    };
    if (CLOSING.includes(ev.type)) {
      const end = ev.type === 'MENINGGAL' ? ev.date : dayBefore(ev.date);
      for (const skp of await this.segments.inForce(ev.employeeId, 'DEFINITIVE', ev.date)) await close(skp, end);
      if (ENDS_EMPLOYMENT.includes(ev.type))
        for (const skp of await this.segments.inForce(ev.employeeId, 'ACTING', ev.date)) await close(skp, end);
    } else if (ev.type === 'PLT_END') {
      for (const skp of await this.segments.inForce(ev.employeeId, 'ACTING', ev.date))
        if (!ev.delegationId || skp.delegationId === ev.delegationId) await close(skp, ev.date);
    }
    return { event: ev.type, date: ev.date, closed };
  }
}
