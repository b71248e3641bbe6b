import { AngkaKreditModule } from '../../src/angka-kredit/angka-kredit.module';
import { CreditJobsHandler } from '../../src/angka-kredit/credit-jobs.handler';
import { CreditService } from '../../src/angka-kredit/credit.service';
import { OrgModule } from '../../src/org/org.module';
import { insertFinalEvaluation } from '../support/allowance-fixtures';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumOrg, setMediumToday, type MediumPerson } from '../support/medium-org';

/**
 * Angka kredit from a FINAL predikat on the real PostgreSQL (medium: the credit handler and service
 * with their repositories, no HTTP, no worker): an Ahli Pertama's annual BAIK becomes 12.500 AK
 * (100 % of the 12.5 coefficient, PermenPANRB 1/2023), stored once; a replay changes nothing.
 */
describe('angka kredit (medium: services + repositories on PostgreSQL)', () => {
  let m: MediumModule;
  let jf: MediumPerson;
  let evaluationId: string;

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule, AngkaKreditModule] });
    setMediumToday(m, '2026-02-02');
    [jf] = (await mediumOrg(m, 1, { jf: true })).staff;
    setMediumToday(m, '2027-01-08');
    evaluationId = await insertFinalEvaluation(m, jf.nip, '2026', 'BAIK');
  });
  afterAll(() => m.close());

  /** What the credit job does on EvaluationFinalized, in its transaction. */
  const credit = () =>
    m.txHost.withTransaction(() => m.get(CreditJobsHandler).onEvaluationFinalized({ evaluationId, revision: 0 }));
  const stored = () =>
    m.dataSource.query(`SELECT o.type FROM outcomes o WHERE o.employee_id = $1 AND o.type = 'AK_CREDITED'`, [
      jf.employeeId,
    ]) as Promise<{ type: string }[]>;

  it('credits the annual predikat: the ledger entry with its explanation, read back through the service', async () => {
    await credit();
    const view = await m.get(CreditService).view(jf.p, jf.nip);
    expect(view).toMatchObject({ status: 'PNS', jenjang: 'AHLI_PERTAMA', balance: '12.500', informational: false });
    expect(view.entries).toEqual([
      expect.objectContaining({
        source: 'PREDIKAT',
        period: '2026',
        months: 12,
        predicate: 'BAIK',
        percentage: '1.00',
        coefficient: '12.500',
        amount: '12.500',
      }),
    ]);
    expect(view.version).toBe(1);
    expect(await stored()).toEqual([{ type: 'AK_CREDITED' }]);
  });

  it('a replayed event changes nothing: same balance, same version, one outcome', async () => {
    await credit();
    const view = await m.get(CreditService).view(jf.p, jf.nip);
    expect(view).toMatchObject({ balance: '12.500', version: 1 });
    expect(view.entries).toHaveLength(1);
    expect(await stored()).toEqual([{ type: 'AK_CREDITED' }]);
  });
});
