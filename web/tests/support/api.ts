import { expect, type APIRequestContext } from '@playwright/test';
import { PASSWORD, demo } from './demo';

/** Direct API calls for the journey's preconditions (what other people did before the story starts). */
export async function token(request: APIRequestContext, key: string): Promise<string> {
  const res = await request.post('/api/v1/auth/login', { data: { nip: demo(key).nip, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).accessToken as string;
}

const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];

/** The PPK's SKP of the year, submitted and approved by their own PPK: the RHK the employee intervenes. */
export async function approvedLeaderSkp(
  request: APIRequestContext,
  ppk: string,
  approver: string,
  year: number,
  rhk: string,
): Promise<void> {
  const t = await token(request, ppk);
  const auth = { authorization: `Bearer ${t}` };
  const created = await request.post('/api/v1/skp', {
    headers: auth,
    data: {
      year,
      approach: 'KUANTITATIF',
      results: [
        {
          kind: 'UTAMA',
          text: rhk,
          parentResultId: null,
          indicators: [
            { text: 'Persentase rujukan ditindaklanjuti dalam 24 jam', aspect: 'KUANTITAS', target: '95 %' },
          ],
        },
      ],
      behaviors: CORE_VALUES.map((coreValue) => ({ coreValue, specialExpectation: null })),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = (await created.json()).id as string;
  const submitted = await request.post(`/api/v1/skp/${id}/submit`, { headers: auth });
  expect(submitted.status(), await submitted.text()).toBe(200);
  const a = await token(request, approver);
  const approved = await request.post(`/api/v1/skp/${id}/approve`, { headers: { authorization: `Bearer ${a}` } });
  expect(approved.status(), await approved.text()).toBe(200);
}

/** The employee's SKP id of the year (the link an objection notice carries). */
export async function employeeSkpId(request: APIRequestContext, key: string, year: number): Promise<string> {
  const t = await token(request, key);
  const res = await request.get(`/api/v1/skp?nip=${demo(key).nip}&year=${year}`, {
    headers: { authorization: `Bearer ${t}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).items[0].id as string;
}

/** Today's year and month (YYYY-MM) in Asia/Jakarta, the agencies' calendar. */
export function jakartaToday(now = new Date()): { year: number; month: string } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Asia/Jakarta' })
    .format(now)
    .split('-');
  return { year: Number(y), month: `${y}-${m}` };
}

/**
 * A period the API lets a PPK rate and finalise today without EVALUATION_RATE_BEFORE_PERIOD_END: its
 * last month has begun. December: the year; March–November: the latest quarter whose last month has
 * begun; January–February: last year's annual period (no quarter of the new year is ratable yet).
 */
export function ratablePeriod(now = new Date()): { year: number; period: string } {
  const { year, month } = jakartaToday(now);
  const m = Number(month.slice(5));
  if (m === 12) return { year, period: String(year) };
  if (m < 3) return { year: year - 1, period: String(year - 1) };
  return { year, period: `${year}-Q${Math.floor(m / 3)}` };
}

const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};

/** The BKPSDM office runs a month's TPP (every employee's line); waits until the run is done. */
export async function allowanceLinesFor(request: APIRequestContext, month: string): Promise<void> {
  const login = await request.post('/api/v1/auth/login', { data: ADMIN });
  expect(login.status(), await login.text()).toBe(200);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken as string}` };
  await expect(async () => {
    // 409 while another run of the month is in progress (the other project's journey): try again.
    const run = await request.post('/api/v1/allowance/runs', { headers, data: { month } });
    expect(run.status(), await run.text()).toBe(202);
    const id = (await run.json()).id as string;
    await expect(async () => {
      const r = await request.get(`/api/v1/allowance/runs/${id}`, { headers });
      expect((await r.json()).status).toBe('DONE');
    }).toPass({ timeout: 60_000 });
  }).toPass({ timeout: 120_000 });
}
