import { createEmployee, createUnit, currentYear, Person } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** GET /monitoring/year-end and /behind: the year-end close per unit, rolled up the tree, and who is behind. */
describe('Year-end monitoring', () => {
  let t: TestApp;
  let admin: string;
  let year: number;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    year = currentYear(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const unitId = async (code: string) =>
    (await t.dataSource.query(`SELECT id FROM units WHERE code = $1`, [code]))[0].id as string;

  /** An SKP of the year (status) and, optionally, its annual evaluation (status, predicate) counted in `evalUnit`. */
  async function progress(
    p: Person,
    skp: string | null,
    ev?: { status: string; predicate: string | null; unit: string },
  ) {
    if (!skp) return;
    const [emp] = await t.dataSource.query(`SELECT id FROM employees WHERE nip = $1`, [p.nip]);
    const [s] = await t.dataSource.query(
      `INSERT INTO skp (employee_id, year, approach, form_type, status, created_snapshot) VALUES ($1, $2, 'KUANTITATIF', 'JA_JF', $3, '{}') RETURNING id`,
      [emp.id, year, skp],
    );
    if (!ev) return;
    const rating = ev.predicate ? 'SESUAI_EKSPEKTASI' : null;
    await t.dataSource.query(
      `INSERT INTO evaluations (skp_id, employee_id, period, period_kind, from_month, to_month, unit_id, status, result_rating, behavior_rating, predicate)
       VALUES ($1, $2, $3, 'ANNUAL', $4, $5, $6, $7, $8, $8, $9)`,
      [s.id, emp.id, String(year), `${year}-01`, `${year}-12`, await unitId(ev.unit), ev.status, rating, ev.predicate],
    );
  }

  async function agency() {
    const root = await createUnit(t, null, 'R');
    const a = await createUnit(t, root, 'A');
    const b = await createUnit(t, root, 'B');
    const lead = await createEmployee(t, { unitCode: a, kind: 'ADMINISTRATOR', isUnitHead: true, login: false });
    const mk = (unitCode: string) =>
      createEmployee(t, { unitCode, kind: 'PELAKSANA', supervisorNip: lead.nip, login: false });
    const [a2, a3, a4, b1, b2] = [await mk(a), await mk(a), await mk(a), await mk(b), await mk(b)];
    await progress(lead, 'APPROVED', { status: 'FINAL', predicate: 'BAIK', unit: a });
    await progress(a2, 'APPROVED', { status: 'ISSUED', predicate: 'SANGAT_BAIK', unit: a });
    await progress(a3, 'APPROVED', { status: 'OBJECTED', predicate: 'BAIK', unit: a });
    await progress(a4, 'SUBMITTED');
    await progress(b1, 'APPROVED', { status: 'RATED', predicate: 'BAIK', unit: b });
    await progress(b2, null);
    // Unit A has its organisation performance for the year (BAIK): its distribution is checked on its own.
    await t.dataSource.query(
      `INSERT INTO unit_performance (unit_id, period, predicate, set_by) VALUES ($1, $2, 'BAIK', 'test')`,
      [await unitId(a), String(year)],
    );
    return { root, a, b, lead, a2, a3, a4, b1, b2 };
  }

  const get = (path: string, token = admin) => t.request('GET', `/api/v1/monitoring/${path}`, { token });

  it('counts and shares per unit rolled up the tree, with each distribution check; follows the close as evaluations become FINAL', async () => {
    const g = await agency();
    const r = await get(`year-end?year=${year}&unitCode=${g.root}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(
      expect.objectContaining({ year, period: String(year), asOf: expect.stringMatching(new RegExp(`^${year}-`)) }),
    );
    expect(r.body.scope).toEqual({
      unitCode: g.root,
      unitName: `Unit ${g.root}`,
      parentCode: null,
      childCount: 2,
      employees: 6,
      skpApproved: 4,
      rated: 4,
      issued: 3,
      final: 1,
      objectionsOpen: 1,
      shares: { skpApproved: 66.7, rated: 66.7, issued: 50, final: 16.7 },
      distribution: { own: null, units: { ok: 0, violated: 1, orgPredicateMissing: 1 } },
    });
    const [a, b] = r.body.items;
    expect(a).toEqual(
      expect.objectContaining({
        unitCode: g.a,
        parentCode: g.root,
        employees: 4,
        skpApproved: 3,
        rated: 3,
        issued: 3,
        final: 1,
        objectionsOpen: 1,
        shares: { skpApproved: 75, rated: 75, issued: 75, final: 25 },
        // BAIK organisation: at least one Butuh Perbaikan/Kurang is required (SE MenPANRB 3/2023).
        distribution: { own: 'VIOLATED', units: { ok: 0, violated: 1, orgPredicateMissing: 0 } },
      }),
    );
    expect(b).toEqual(
      expect.objectContaining({
        unitCode: g.b,
        employees: 2,
        skpApproved: 1,
        rated: 1,
        issued: 0,
        final: 0,
        objectionsOpen: 0,
        distribution: { own: 'ORG_PREDICATE_MISSING', units: { ok: 0, violated: 0, orgPredicateMissing: 1 } },
      }),
    );

    // The PPK finalises a2 as Butuh Perbaikan: the close moves on and A's distribution is now within the pattern.
    await t.dataSource.query(
      `UPDATE evaluations SET status = 'FINAL', predicate = 'BUTUH_PERBAIKAN' WHERE employee_id = (SELECT id FROM employees WHERE nip = $1) AND period = $2`,
      [g.a2.nip, String(year)],
    );
    const after = await get(`year-end?year=${year}&unitCode=${g.a}`);
    expect(after.body.scope).toEqual(
      expect.objectContaining({
        unitCode: g.a,
        final: 2,
        issued: 3,
        distribution: { own: 'OK', units: { ok: 1, violated: 0, orgPredicateMissing: 0 } },
      }),
    );
    expect(after.body.items).toEqual([]);

    // The whole agency: the root units, our root among them with the same roll-up.
    const all = await get(`year-end?year=${year}`);
    expect(all.body.scope.unitCode).toBeNull();
    expect(all.body.scope.employees).toBeGreaterThanOrEqual(6);
    expect(all.body.items.find((u: { unitCode: string }) => u.unitCode === g.root)).toEqual(
      expect.objectContaining({ employees: 6, final: 2 }),
    );
  });

  it('drill-down: who is behind a stage, with the PPK who must act, by NIP and cursor-paged', async () => {
    const g = await agency();
    const nips = async (stage: string) => {
      const out: { nip: string; ppkNip: string | null; skpStatus: string | null; evaluationStatus: string | null }[] =
        [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: any } = await get(
          `year-end/behind?year=${year}&unitCode=${g.root}&stage=${stage}&limit=2${cursor ? `&after=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        out.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return out;
    };
    const sorted = (...p: Person[]) => p.map((x) => x.nip).sort();
    expect((await nips('SKP_APPROVED')).map((x) => x.nip)).toEqual(sorted(g.a4, g.b2));
    expect((await nips('RATED')).map((x) => x.nip)).toEqual(sorted(g.a4, g.b2));
    expect((await nips('ISSUED')).map((x) => x.nip)).toEqual(sorted(g.a4, g.b1, g.b2));
    const notFinal = await nips('FINAL');
    expect(notFinal.map((x) => x.nip)).toEqual(sorted(g.a2, g.a3, g.a4, g.b1, g.b2));
    expect(notFinal.find((x) => x.nip === g.b1.nip)).toEqual(
      expect.objectContaining({ skpStatus: 'APPROVED', evaluationStatus: 'RATED', ppkNip: g.lead.nip, unitCode: g.b }),
    );
    expect(notFinal.find((x) => x.nip === g.b2.nip)).toEqual(
      expect.objectContaining({ skpStatus: null, evaluationStatus: null }),
    );
    expect((await nips('OBJECTION_OPEN')).map((x) => x.nip)).toEqual([g.a3.nip]);
  });

  it('ADMIN only (404 for others); bad input 400; unknown unit 404', async () => {
    const unitCode = await createUnit(t);
    const someone = await createEmployee(t, { unitCode, kind: 'ADMINISTRATOR', isUnitHead: true });
    expect((await get(`year-end?year=${year}`, someone.token)).status).toBe(404);
    expect((await get(`year-end/behind?year=${year}&stage=FINAL`, someone.token)).status).toBe(404);
    const noYear = await get('year-end');
    expect(noYear.status).toBe(400);
    expect(new Set(noYear.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['year']));
    expect((await get(`year-end/behind?year=${year}&stage=LATE`)).status).toBe(400);
    expect((await get(`year-end?year=${year}&unitCode=NO-SUCH`)).status).toBe(404);
  });
});
