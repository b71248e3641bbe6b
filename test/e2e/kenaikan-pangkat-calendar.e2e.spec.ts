import { setToday } from '../support/evaluation-fixtures';
import { createEmployee, createUnit } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** Issue 19 §3: the credit view's next step carries the KP TMT of the period regime in force on it. */
describe('kenaikan pangkat calendar (04 §3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 30000);
  afterEach(() => t.clock.reset());
  afterAll(async () => {
    await t.close();
  });

  async function jfSince(from: string) {
    const unitCode = await createUnit(t);
    return createEmployee(t, { unitCode, kind: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA', golongan: 'III/a', from });
  }

  async function next(nip: string, token: string) {
    const r = await t.request('GET', `/api/v1/employees/${nip}/credit`, { token });
    expect(r.status).toBe(200);
    return r.body.next;
  }

  it('gives a KP TMT under each of the three regimes: 1 Apr/1 Oct, six dates from 2024, every month from Oct 2025', async () => {
    // In pangkat III/a from 2 Apr 2021: 24 months complete on 2 Apr 2023, after the 1 Apr TMT → 1 Oct 2023.
    const a = await jfSince('2021-04-02');
    setToday(t, '2023-01-10');
    expect(await next(a.nip, a.token)).toMatchObject({
      kind: 'KENAIKAN_PANGKAT',
      to: 'III/b',
      eligibleOn: '2023-04-02',
      tmt: '2023-10-01',
      submitFrom: '2023-08-16',
      submitBy: '2023-09-15',
      tmtRegime: 'KEP_BKN_12_2002',
      delayedBy: [],
    });

    // From 15 May 2022: complete on 15 May 2024 → 1 Jun 2024 (PerBKN 4/2023 Pasal 2).
    const b = await jfSince('2022-05-15');
    setToday(t, '2024-03-01');
    const nb = await next(b.nip, b.token);
    expect(nb).toMatchObject({
      eligibleOn: '2024-05-15',
      tmt: '2024-06-01',
      submitFrom: '2024-04-16',
      submitBy: '2024-05-15',
      tmtRegime: 'PERBKN_4_2023',
    });
    expect(nb.tmtExplanation.legalBasis).toContain('Peraturan BKN 4/2023');

    // From 10 Feb 2025: complete on 10 Feb 2027 → 1 Mar 2027, a month only PerBKN 4/2025 lists.
    const c = await jfSince('2025-02-10');
    setToday(t, '2026-12-06');
    expect(await next(c.nip, c.token)).toMatchObject({
      eligibleOn: '2027-02-10',
      tmt: '2027-03-01',
      submitFrom: '2027-01-16',
      submitBy: '2027-02-15',
      tmtRegime: 'PERBKN_4_2025',
    });

    // The same person as (a), asked after the 2023 window closed: the next TMT whose window is still open.
    setToday(t, '2023-09-20');
    expect(await next(a.nip, a.token)).toMatchObject({ tmt: '2024-02-01', tmtRegime: 'PERBKN_4_2023' });
  });
});
