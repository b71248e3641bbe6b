import { Injectable, Module } from '@nestjs/common';
import {
  EmploymentHistoryRepository,
  type ActingPeriodRow,
  type AssignmentPeriodRow,
  type ServiceEventRow,
} from './employment-history.repository';

export type { ActingPeriodRow, AssignmentPeriodRow, ServiceEventRow };

/** An employee's effective-dated history as far as it bears on one period (allowance months). */
export interface EmploymentHistory {
  nip: string;
  /** Status of the employee record (PNS / PPPK); CPNS days come from the events. */
  status: string;
  /** Assignment rows overlapping the period, oldest first (valid_to exclusive). */
  assignments: AssignmentPeriodRow[];
  /** CPNS_START / PNS_START / PENSIUN / BERHENTI / MENINGGAL events up to the period's end, oldest first. */
  events: ServiceEventRow[];
  /** Plt periods (PLT delegations naming the employee as the acting official) overlapping the period. */
  acting: ActingPeriodRow[];
}

/**
 * Published read port of the org feature for the employment history (spec 04 §1.2, §5.3): the posts held
 * in a period and the events that start or end service, so other features never read org tables.
 */
@Injectable()
export class EmploymentHistoryReader {
  constructor(private readonly repo: EmploymentHistoryRepository) {}

  /** History of each known employee over [from, to] (inclusive dates), set-based: four queries whatever the count. */
  async forPeriod(employeeIds: string[], from: string, to: string): Promise<Map<string, EmploymentHistory>> {
    const out = new Map<string, EmploymentHistory>();
    if (employeeIds.length === 0) return out;
    for (const e of await this.repo.employeeIdentities(employeeIds))
      out.set(e.employeeId, { nip: e.nip, status: e.status, assignments: [], events: [], acting: [] });
    for (const a of await this.repo.assignmentsOverlapping(employeeIds, from, to))
      out.get(a.employeeId)?.assignments.push(a);
    for (const e of await this.repo.serviceEventsUntil(employeeIds, to)) out.get(e.employeeId)?.events.push(e);
    for (const a of await this.repo.actingPeriodsOverlapping(employeeIds, from, to))
      out.get(a.employeeId)?.acting.push(a);
    return out;
  }

  /** Employees holding a post in [from, to] whose service did not end before `from` (PENSIUN/BERHENTI/MENINGGAL). */
  inService(from: string, to: string): Promise<string[]> {
    return this.repo.employeesInService(from, to);
  }
}

@Module({ providers: [EmploymentHistoryRepository, EmploymentHistoryReader], exports: [EmploymentHistoryReader] })
export class EmploymentHistoryModule {}
