import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './eventually';
import { nextNip, nextUnitCode } from './fixtures';
import type { TestApp } from './test-app';

export const API = '/api/v1';

/** A unit (optionally under a parent) through the real API. */
export async function createUnit(t: TestApp, parentCode: string | null = null): Promise<string> {
  const code = nextUnitCode('AL');
  const r = await t.request('POST', `${API}/units`, {
    token: await t.adminToken(),
    body: { code, name: `Unit ${code}`, parentCode },
  });
  if (r.status !== 201) throw new Error(`unit: ${r.status} ${r.text}`);
  return code;
}

/** A staff employee with a given kelas jabatan in a unit (no supervisor needed for allowances). */
export async function createEmployee(
  t: TestApp,
  unitCode: string,
  kelasJabatan: number,
  status: 'PNS' | 'PPPK' = 'PNS',
): Promise<string> {
  const nip = nextNip(1991, status);
  const r = await t.request('POST', `${API}/employees`, {
    token: await t.adminToken(),
    body: {
      nip,
      name: `Pegawai, ${nip.slice(-4)}`,
      status,
      golongan: status === 'PNS' ? 'III/a' : 'IX',
      unitCode,
      supervisorNip: null,
      password: 'password-123',
      position: {
        title: 'Analis',
        kind: 'PELAKSANA',
        jenjang: null,
        kelasJabatan,
        isUnitHead: false,
        tmt: '2025-01-01',
      },
    },
  });
  if (r.status !== 201) throw new Error(`employee: ${r.status} ${r.text}`);
  return nip;
}

/** A FINAL evaluation row (as the evaluation cycle leaves it), without pipeline events (also for the medium tier). */
export async function insertFinalEvaluation(
  t: Pick<TestApp, 'dataSource'>,
  nip: string,
  period: string,
  predicate: string,
): Promise<string> {
  return t.dataSource.transaction(async (m) => {
    const [emp] = await m.query(`SELECT id FROM employees WHERE nip = $1`, [nip]);
    const year = Number(period.slice(0, 4));
    const [skp] = await m.query(
      `INSERT INTO skp (employee_id, year, approach, form_type, status, created_snapshot, approved_at)
       VALUES ($1, $2, 'KUANTITATIF', 'JA_JF', 'APPROVED', '{}'::jsonb, now())
       ON CONFLICT (employee_id, period_start) WHERE kind = 'DEFINITIVE' DO UPDATE SET status = 'APPROVED' RETURNING id`,
      [emp.id, year],
    );
    const kind = period.length === 4 ? 'ANNUAL' : period.includes('Q') ? 'QUARTERLY' : 'MONTHLY';
    const q = kind === 'QUARTERLY' ? Number(period.slice(6)) : 0;
    const from =
      kind === 'ANNUAL'
        ? `${year}-01`
        : kind === 'QUARTERLY'
          ? `${year}-${String(q * 3 - 2).padStart(2, '0')}`
          : period;
    const to =
      kind === 'ANNUAL' ? `${year}-12` : kind === 'QUARTERLY' ? `${year}-${String(q * 3).padStart(2, '0')}` : period;
    const [ev] = await m.query(
      `INSERT INTO evaluations (skp_id, employee_id, period, period_kind, from_month, to_month, status, result_rating, behavior_rating, predicate, finalized_at, finalized_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'FINAL', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', $7, now(), 'ACCEPT') RETURNING id`,
      [skp.id, emp.id, period, kind, from, to, predicate],
    );
    return ev.id as string;
  });
}

export async function createApiKey(t: TestApp, scopes: string[]): Promise<string> {
  const r = await t.request('POST', `${API}/api-keys`, {
    token: await t.adminToken(),
    body: { name: `k-${scopes.join('-')}`, scopes },
  });
  if (r.status !== 201) throw new Error(`api key: ${r.status} ${r.text}`);
  return r.body.key as string;
}

/** POST /allowance/runs and wait for a terminal status; returns the run view. */
export async function runMonth(t: TestApp, month: string, timeoutMs = 60000): Promise<any> {
  const token = await t.adminToken();
  const r = await t.request('POST', `${API}/allowance/runs`, { token, body: { month } });
  if (r.status !== 202) throw new Error(`run: ${r.status} ${r.text}`);
  return eventually(
    async () => {
      const g = await t.request('GET', `${API}/allowance/runs/${r.body.id}`, { token });
      return g.body.status === 'DONE' || g.body.status === 'FAILED' ? g.body : null;
    },
    timeoutMs,
    100,
  );
}

/** Every payroll item of a month, following nextCursor. */
export async function allPayrollItems(
  t: TestApp,
  month: string,
  auth: { apiKey?: string; token?: string },
  limit = 1000,
): Promise<any[]> {
  const items: any[] = [];
  let after: string | null = null;
  for (;;) {
    const q: string = `${API}/payroll/allowances?month=${month}&limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const r = await t.request('GET', q, auth);
    if (r.status !== 200) throw new Error(`payroll: ${r.status} ${r.text}`);
    items.push(...r.body.items);
    if (!r.body.nextCursor) return items;
    after = r.body.nextCursor;
  }
}

export interface GoldenAllowanceCase {
  id: string;
  input: {
    ruleSet: unknown;
    basicAmount?: number;
    kelasJabatan?: number;
    workingDays: number;
    predicate: string;
    attendance: Record<string, unknown>;
    status?: string;
  };
  expected: Record<string, any>;
}

/** The golden allowance cases (test/golden/allowance.json). */
export function goldenAllowance(id: string): GoldenAllowanceCase {
  const dir = join(__dirname, '..', 'golden');
  const cases: GoldenAllowanceCase[] = JSON.parse(readFileSync(join(dir, 'allowance.json'), 'utf8'));
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`golden case ${id} not found`);
  return c;
}
