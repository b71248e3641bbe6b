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
