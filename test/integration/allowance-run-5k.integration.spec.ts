import { allPayrollItems, API, createApiKey, createUnit, runMonth } from '../support/allowance-fixtures';
import { randomNipPrefix } from '../support/roster-generator';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(300_000);

/**
 * A monthly run over 5,000 employees bulk-inserted with SQL, through the real worker: chunk jobs,
 * exactly one line per employee, invariants on every line, re-run stability, payroll pull speed.
 */
describe('allowance run at scale (5,000 employees, chunk jobs, real worker)', () => {
  let t: TestApp;
  let admin: string;
  let prefix: string;
  const N = 5000;
  const MONTH = '2026-07';

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    const unitCode = await createUnit(t);
    const put = await t.request('PUT', `${API}/allowance/rule-sets/R-SCALE`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2026-01-01', unitCodes: [unitCode] },
    });
    expect(put.status).toBe(201);
    prefix = randomNipPrefix();
    await t.dataSource.transaction(async (m) => {
      const [unit] = await m.query(`SELECT id FROM units WHERE code = $1`, [unitCode]);
      await m.query(
        `WITH e AS (
           INSERT INTO employees (nip, name, status)
           SELECT $1 || lpad(g::text, 6, '0'), 'Pegawai ' || g, CASE WHEN g % 10 = 0 THEN 'PPPK' ELSE 'PNS' END FROM generate_series(1, $2::int) g
           RETURNING id, nip)
         INSERT INTO employee_assignments (employee_id, valid_from, unit_id, golongan, position_title, position_kind, kelas_jabatan, tmt)
         SELECT e.id, '2025-01-01', $3, 'III/a', 'Pelaksana', 'PELAKSANA', 1 + (right(e.nip, 6)::int % 17), '2025-01-01' FROM e`,
        [prefix, N, unit.id],
      );
      // Attendance for every employee: some late/early minutes, some absences, some missed apel.
      await m.query(
        `INSERT INTO attendance_months (employee_id, month, late_minutes, early_leave_minutes, absent_days, missed_apel, updated_by)
         SELECT e.id, $2, ARRAY[(right(e.nip, 6)::int % 120)], CASE WHEN right(e.nip, 6)::int % 3 = 0 THEN ARRAY[25] ELSE '{}'::int[] END,
                right(e.nip, 6)::int % 3, right(e.nip, 6)::int % 2, 'test'
           FROM employees e WHERE e.nip LIKE $1 || '%'`,
        [prefix, MONTH],
      );
      // A FINAL 2026-Q3 predikat for every employee (R-TPP-DEMO pays July with it), as in a real month.
      await m.query(
        `WITH s AS (
           INSERT INTO skp (employee_id, year, approach, form_type, status, created_snapshot, approved_at)
           SELECT e.id, 2026, 'KUANTITATIF', 'JA_JF', 'APPROVED', '{}'::jsonb, now() FROM employees e WHERE e.nip LIKE $1 || '%'
           RETURNING id, employee_id)
         INSERT INTO evaluations (skp_id, employee_id, period, period_kind, from_month, to_month, status, result_rating, behavior_rating, predicate, finalized_at, finalized_by)
         SELECT s.id, s.employee_id, '2026-Q3', 'QUARTERLY', '2026-07', '2026-09', 'FINAL', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'BAIK', now(), 'ACCEPT' FROM s`,
        [prefix],
      );
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('computes exactly one line per employee in chunk jobs; invariants hold; a re-run changes nothing; payroll pull is fast', async () => {
    const started = Date.now();
    const run = await runMonth(t, MONTH, 240_000);
    const runMs = Date.now() - started;
    expect(run.status).toBe('DONE');
    expect(run.processed).toBe(run.total);
    expect(run.total).toBeGreaterThanOrEqual(N);
    expect(run.chunks.count).toBeGreaterThanOrEqual(Math.ceil(N / 500));
    expect(run.chunks.done).toBe(run.chunks.count);

    const [stats] = await t.dataSource.query(
      `SELECT count(*)::int AS lines, count(DISTINCT l.employee_id)::int AS employees,
              count(*) FILTER (WHERE l.status = 'COMPUTED')::int AS computed,
              count(*) FILTER (WHERE l.basic_amount <> l.performance_part + l.discipline_part)::int AS bad_split,
              count(*) FILTER (WHERE l.net_amount <> l.basic_amount - (SELECT COALESCE(sum((d->>'amount')::bigint), 0) FROM json_array_elements(l.deductions) d))::int AS bad_net,
              count(*) FILTER (WHERE l.rule_set <> 'R-SCALE@1')::int AS other_rule_set,
              count(*) FILTER (WHERE l.deductions::jsonb @> '[{"code":"TL"}]')::int AS with_tl
         FROM allowance_lines l JOIN employees e ON e.id = l.employee_id WHERE l.month = $1 AND e.nip LIKE $2`,
      [MONTH, `${prefix}%`],
    );
    expect(stats).toEqual({
      lines: N,
      employees: N,
      computed: N,
      bad_split: 0,
      bad_net: 0,
      other_rule_set: 0,
      with_tl: N - Math.floor(N / 120),
    });

    const versionsBefore = await t.dataSource.query(
      `SELECT sum(version)::int AS v, max(updated_at) AS u FROM allowance_lines WHERE month = $1`,
      [MONTH],
    );
    const rerun = await runMonth(t, MONTH, 240_000);
    expect(rerun.report).toMatchObject({ created: 0, changed: 0, unchanged: rerun.total });
    expect(
      await t.dataSource.query(
        `SELECT sum(version)::int AS v, max(updated_at) AS u FROM allowance_lines WHERE month = $1`,
        [MONTH],
      ),
    ).toEqual(versionsBefore);

    // Payroll pull: pages of 1,000 through HTTP with a payroll:read key (warm once, then measure the
    // transfer; the client-side JSON.parse is timed apart).
    const key = await createApiKey(t, ['payroll:read']);
    await allPayrollItems(t, MONTH, { apiKey: key }, 1000);
    const items: any[] = [];
    let after: string | null = null;
    let parseMs = 0;
    let bytes = 0;
    const t0 = process.hrtime.bigint();
    for (;;) {
      const res = await fetch(
        `${t.url}${API}/payroll/allowances?month=${MONTH}&limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        { headers: { 'x-api-key': key } },
      );
      const text = await res.text();
      bytes += text.length;
      const p0 = process.hrtime.bigint();
      const page = JSON.parse(text);
      parseMs += Number(process.hrtime.bigint() - p0) / 1e6;
      items.push(...page.items);
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    const pullMs = Number(process.hrtime.bigint() - t0) / 1e6 - parseMs;
    const linesPerSecond = Math.round(items.length / (pullMs / 1000));
    // The same pull without explanations (?explanation=false), for bulk payroll imports.
    let compact = 0;
    let cursor: string | null = null;
    const k0 = process.hrtime.bigint();
    for (;;) {
      const res = await fetch(
        `${t.url}${API}/payroll/allowances?month=${MONTH}&limit=1000&explanation=false${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { 'x-api-key': key } },
      );
      const page = JSON.parse(await res.text());
      expect(page.items[0].explanation).toBeUndefined();
      compact += page.items.length;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const compactMs = Number(process.hrtime.bigint() - k0) / 1e6;
    expect(compact).toBe(items.length);
    const c0 = process.hrtime.bigint();
    const csv = await t.request('GET', `${API}/payroll/allowances.csv?month=${MONTH}`, { apiKey: key });
    const csvMs = Number(process.hrtime.bigint() - c0) / 1e6;
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(items.length + 1);

    console.log(
      `allowance run: ${run.total} employees in ${runMs} ms (${Math.round(run.total / (runMs / 1000))}/s); payroll pull ${items.length} lines ` +
        `(${(bytes / 1e6).toFixed(1)} MB) in ${Math.round(pullMs)} ms = ${linesPerSecond} lines/s (+ client JSON.parse ${Math.round(parseMs)} ms); ` +
        `without explanations ${Math.round(compact / (compactMs / 1000))} lines/s; CSV in ${Math.round(csvMs)} ms`,
    );
    expect(items.length).toBe(run.total - (run.report.noRuleSet as number) - (run.report.errors as number));
    // Floors for a loaded 2-core CI box (measured figures are printed above); the plan must walk the (month, nip) index.
    expect(linesPerSecond).toBeGreaterThan(2_000);
    expect(Math.round(compact / (compactMs / 1000))).toBeGreaterThan(4_000);
    const plan = JSON.stringify(
      await t.dataSource.query(
        `EXPLAIN (FORMAT JSON) SELECT * FROM allowance_lines WHERE month = $1::char(7) AND status = 'COMPUTED' AND nip > $2::char(18) ORDER BY nip LIMIT 1001`,
        [MONTH, items[999].nip],
      ),
    );
    expect(plan).toContain('allowance_lines_month_nip_uq');
  });
});
