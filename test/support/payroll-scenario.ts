import {
  API,
  createApiKey,
  createEmployee,
  createUnit,
  goldenAllowance,
  insertFinalEvaluation,
  runMonth,
} from './allowance-fixtures';
import { createTestApp, type TestApp } from './test-app';

/** Golden cases reproduced by employees (kelas 8 → Rp5,000,000 and kelas 9 → Rp5,439,503 in the pinned base table). */
export const GOLDEN = ['tpp-017', 'tpp-012', 'tpp-013', 'tpp-009', 'tpp-011', 'tpp-008'];

export interface PayrollApp {
  t: TestApp;
  admin: string;
  payrollKey: string;
  attendanceKey: string;
}

/** The API with the real worker, an ADMIN token and the two machine keys the payroll tests use. */
export async function createPayrollApp(): Promise<PayrollApp> {
  const t = await createTestApp({ worker: true });
  return {
    t,
    admin: await t.adminToken(),
    payrollKey: await createApiKey(t, ['payroll:read']),
    attendanceKey: await createApiKey(t, ['attendance:write']),
  };
}

export interface GoldenPayrollMonth {
  /** NIP per golden case id, plus `s16` (the §16 worked example without the hukdis). */
  nips: Record<string, string>;
  /** An employee of a unit whose rule set has no version for the month (reported, never paid). */
  lateUnitNip: string;
  /** The first run of the month (its `total` is the number of lines). */
  run: { total: number };
}

/**
 * The golden payroll month the allowance-payroll spec builds step by step, set up in one go for the
 * specs that read or close it: `ruleSet` = R-TPP-DEMO with the base table pinned for a parent unit
 * (golden employees there and in a child unit), a later-starting rule set for another unit, FINAL
 * quarterly predikats (none for tpp-011), 22 working days, the month's attendance (tpp-017 first sent
 * with wrong minutes, as the resend test expects) and one run.
 */
export async function goldenPayrollMonth(
  p: PayrollApp,
  opts: { month: string; ruleSet: string; lateRuleSet: string },
): Promise<GoldenPayrollMonth> {
  const { t, admin } = p;
  const year = Number(opts.month.slice(0, 4));
  const quarter = `${year}-Q${Math.ceil(Number(opts.month.slice(5, 7)) / 3)}`;
  const put = async (path: string, body: unknown, want: number) => {
    const r = await t.request('PUT', `${API}${path}`, { token: admin, body });
    if (r.status !== want) throw new Error(`PUT ${path}: ${r.status} ${r.text}`);
  };
  const parent = await createUnit(t);
  const child = await createUnit(t, parent);
  const late = await createUnit(t);
  await put(
    `/allowance/rule-sets/${opts.ruleSet}`,
    {
      template: 'R-TPP-DEMO',
      effectiveFrom: `${year}-01-01`,
      unitCodes: [parent],
      baseTable: { '8': 5000000, '9': 5439503 },
    },
    201,
  );
  await put(
    `/allowance/rule-sets/${opts.lateRuleSet}`,
    { template: 'R-TPP-DEMO', effectiveFrom: `${year + 1}-01-01`, unitCodes: [late] },
    201,
  );
  await put(`/allowance/working-days/${opts.month}`, { workingDays: 22 }, 200);
  const lateUnitNip = await createEmployee(t, late, 8);

  const nips: Record<string, string> = {};
  for (const id of GOLDEN) {
    const c = goldenAllowance(id);
    const kelas = c.input.kelasJabatan ?? 8;
    nips[id] = await createEmployee(t, id === 'tpp-017' ? child : parent, kelas, id === 'tpp-008' ? 'PPPK' : 'PNS');
    if (c.input.predicate !== 'NONE') await insertFinalEvaluation(t, nips[id], quarter, c.input.predicate);
  }
  nips.s16 = await createEmployee(t, parent, 8);
  await insertFinalEvaluation(t, nips.s16, quarter, 'BAIK');

  const records = [
    ...GOLDEN.map((id) => ({ nip: nips[id], ...goldenAllowance(id).input.attendance })),
    { nip: nips.s16, lateMinutes: [45, 45, 45], earlyLeaveMinutes: [], absentDays: 1, missedApel: 0 },
  ].map((x) => (x.nip === nips['tpp-017'] ? { ...x, lateMinutes: [95, 95] } : x));
  const sent = await t.request('POST', `${API}/attendance`, {
    apiKey: p.attendanceKey,
    body: { month: opts.month, records },
  });
  if (sent.status !== 200) throw new Error(`attendance: ${sent.status} ${sent.text}`);

  const run = await runMonth(t, opts.month);
  if (run.status !== 'DONE') throw new Error(`run ${opts.month}: ${JSON.stringify(run)}`);
  return { nips, lateUnitNip, run };
}
