import { createUnit } from '../support/org-skp-fixtures';
import { generateRoster, randomNipPrefix } from '../support/roster-generator';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

describe('employee import at scale (10,000 rows in one call, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  let units: string[];
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    units = [];
    for (let i = 0; i < 10; i++) units.push(await createUnit(t, null, 'IMP'));
  });
  afterAll(async () => {
    await t.close();
  });

  const counts = async (prefix: string) =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM employees WHERE nip LIKE $1) AS employees,
                (SELECT count(*)::int FROM employee_assignments a JOIN employees e ON e.id = a.employee_id WHERE e.nip LIKE $1) AS assignments,
                (SELECT count(*)::int FROM employee_assignments) AS "allAssignments", (SELECT count(*)::int FROM audit_log) AS audit`,
        [`${prefix}%`],
      )
    )[0];

  it('imports 10,000 employees in one call; the same file again changes nothing', async () => {
    const prefix = randomNipPrefix();
    const rows = generateRoster(10_000, units, prefix);
    const r = await t.request('POST', '/api/v1/employees/import', { token: admin, body: rows });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: 10_000, updated: 0, errors: [] });
    expect(await counts(prefix)).toMatchObject({ employees: 10_000, assignments: 10_000 });

    // Supervisors referred to rows further down the file were resolved.
    const staff = rows.find((x) => x.position.kind === 'PELAKSANA' && x.supervisorNip)!;
    const head = rows.find((x) => x.nip === staff.supervisorNip)!.supervisorNip;
    const e = await t.request('GET', `/api/v1/employees/${staff.nip}?on=2025-06-01`, { token: admin });
    expect(e.body).toMatchObject({ ppkNip: staff.supervisorNip, atasanPpkNip: head });
    const creates = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'employee.import.create' AND entity_id LIKE $1`,
      [`${prefix}%`],
    );
    expect(creates[0].n).toBe(10_000);

    const again = await t.request('POST', '/api/v1/employees/import', { token: admin, body: rows });
    expect(again.body).toEqual({ created: 0, updated: 0, errors: [] });
  });

  it('a 10,000-row file with one bad row writes nothing and reports exactly that row', async () => {
    const prefix = randomNipPrefix();
    const rows = generateRoster(10_000, units, prefix);
    rows[7776] = { ...rows[7776], golongan: 'X/z' };
    const before = await counts(prefix);
    const r = await t.request('POST', '/api/v1/employees/import', { token: admin, body: rows });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ row: 7777, field: 'golongan', problem: expect.stringContaining('golongan') }]);
    expect(r.body).toMatchObject({ created: 0, updated: 0 });
    const after = await counts(prefix);
    expect(after).toEqual(before);
    expect(after.employees).toBe(0);
  });
});
