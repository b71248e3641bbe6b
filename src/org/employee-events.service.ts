import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-errors';
import { OutboxService } from '../outbox/outbox.service';
import { EmployeeEventsRepository } from './employee-events.repository';
import { EmployeeEvent } from './org.enums';

interface PostFacts {
  unitId: string;
  supervisorId: string | null;
  positionTitle: string;
  positionKind: string;
  kelasJabatan: number;
}

/**
 * The §1.2 event a change means when the caller names none (spec 04 §1.2, INFERRED): a higher kelas
 * jabatan or a move into a JPT post → PROMOSI; a lower kelas → DEMOSI; another unit or post → MUTASI;
 * only the supervisor → PPK_CHANGE; golongan or name only (kenaikan pangkat, corrections) → none.
 */
export function inferEmployeeEvent(before: PostFacts, after: PostFacts): EmployeeEvent | null {
  const jpt = (k: string) => k.startsWith('JPT_');
  if (after.kelasJabatan > before.kelasJabatan || (jpt(after.positionKind) && !jpt(before.positionKind)))
    return 'PROMOSI';
  if (after.kelasJabatan < before.kelasJabatan) return 'DEMOSI';
  if (
    after.unitId !== before.unitId ||
    after.positionTitle !== before.positionTitle ||
    after.positionKind !== before.positionKind
  )
    return 'MUTASI';
  if (after.supervisorId !== before.supervisorId) return 'PPK_CHANGE';
  return null;
}

/** Records the §1.2 events of an employee; the SKP feature applies them (job). */
@Injectable()
export class EmployeeEventsService {
  constructor(
    private readonly events: EmployeeEventsRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Records the event and its outbox fact in the caller's transaction. */
  async record(e: {
    employeeId: string;
    type: EmployeeEvent;
    date: string;
    inferred: boolean;
    delegationId: string | null;
    reason: string | null;
  }): Promise<string> {
    if (e.delegationId && !(await this.events.delegationConcerns(e.delegationId, e.employeeId)))
      throw new NotFoundError('Delegasi');
    const id = await this.events.insert(e);
    await this.outbox.add({
      type: 'EmployeeEventRecorded',
      aggregateType: 'Employee',
      aggregateId: e.employeeId,
      payload: { eventId: id },
      dedupeKey: `employee-event:${id}`,
    });
    return id;
  }

  /** The end of service (PENSIUN / BERHENTI / MENINGGAL); null while in service. */
  serviceEnd(employeeId: string): Promise<{ type: string; date: string } | null> {
    return this.events.serviceEnd(employeeId);
  }
}
