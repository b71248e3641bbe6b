import { OutboxService } from '../../src/outbox/outbox.service';
import { createMediumModule, type MediumModule } from '../support/medium';

/** The outbox joins the caller's transaction: a fact and its event commit together or not at all. */
describe('outbox (medium: service + repository on PostgreSQL)', () => {
  let m: MediumModule;
  let outbox: OutboxService;
  const key = `medium-outbox-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    m = await createMediumModule();
    outbox = m.get(OutboxService);
  });
  afterAll(() => m.close());

  const rows = (dedupe: string) =>
    m.dataSource.query(`SELECT event_type, payload FROM outbox WHERE dedupe_key = $1`, [dedupe]) as Promise<
      { event_type: string; payload: Record<string, unknown> }[]
    >;
  const event = (dedupeKey: string) => ({
    type: 'AkFactsChanged' as const,
    aggregateType: 'Employee',
    aggregateId: 'e-1',
    payload: { employeeId: 'e-1', cause: 'medium' },
    dedupeKey,
  });

  it('a rolled-back transaction leaves no event behind', async () => {
    await expect(
      m.txHost.withTransaction(async () => {
        await outbox.add(event(`${key}-rollback`));
        throw new Error('the fact failed');
      }),
    ).rejects.toThrow('the fact failed');
    expect(await rows(`${key}-rollback`)).toEqual([]);
  });

  it('a committed transaction keeps exactly one event per dedupe key', async () => {
    await m.txHost.withTransaction(async () => {
      await outbox.add(event(`${key}-commit`));
      await outbox.add(event(`${key}-commit`));
    });
    expect(await rows(`${key}-commit`)).toEqual([
      { event_type: 'AkFactsChanged', payload: { employeeId: 'e-1', cause: 'medium' } },
    ]);
    expect(m.queues.jobs).toEqual([]);
  });
});
