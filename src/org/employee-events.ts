import { EntityManager } from 'typeorm';
import { notFound } from '../common/api-error';
import { OutboxService } from '../outbox/outbox.service';
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

/** Records the event and its outbox fact in the caller's transaction; the SKP feature applies it (job). */
export async function recordEmployeeEvent(
  m: EntityManager,
  outbox: OutboxService,
  e: {
    employeeId: string;
    type: EmployeeEvent;
    date: string;
    inferred: boolean;
    delegationId: string | null;
    reason: string | null;
  },
): Promise<string> {
  if (e.delegationId) {
    const d: { id: string }[] = await m.query(
      `SELECT id FROM ppk_delegations WHERE id = $1 AND (ppk_id = $2 OR employee_id = $2)`,
      [e.delegationId, e.employeeId],
    );
    if (!d[0]) throw notFound('Delegasi');
  }
  const [row]: { id: string }[] = await m.query(
    `INSERT INTO employee_events (employee_id, type, event_date, inferred, delegation_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [e.employeeId, e.type, e.date, e.inferred, e.delegationId, e.reason],
  );
  await outbox.add(m, {
    type: 'EmployeeEventRecorded',
    aggregateType: 'Employee',
    aggregateId: e.employeeId,
    payload: { eventId: row.id },
    dedupeKey: `employee-event:${row.id}`,
  });
  return row.id;
}
