import { behaviors, createChain, skpBody } from '../support/org-skp-fixtures';
import { usePlanningApp, type TestApp } from '../support/test-app';

describe('SKP planning: refusals (duplicates, bad input, wrong states, incomplete, no PPK, unknown id)', () => {
  let t: TestApp;
  let year: number;
  usePlanningApp((app) => ({ t, year } = app));

  it('refuses a second SKP for the same year (409), bad input (400) and wrong states (409)', async () => {
    const c = await createChain(t);
    const first = await t.request('POST', '/api/v1/skp', { token: c.staff.token, body: skpBody(year) });
    expect(first.status).toBe(201);
    const dup = await t.request('POST', '/api/v1/skp', { token: c.staff.token, body: skpBody(year) });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain(String(year));

    const badEnum = await t.request('POST', '/api/v1/skp', {
      token: c.jf.token,
      body: { ...skpBody(year), approach: 'SOMETIMES' },
    });
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.details[0].field).toBe('approach');
    const badAspect = await t.request('POST', '/api/v1/skp', {
      token: c.jf.token,
      body: {
        ...skpBody(year),
        results: [
          {
            kind: 'UTAMA',
            text: 'Hasil',
            parentResultId: null,
            indicators: [{ text: 'IKI', aspect: 'KECEPATAN', target: '1' }],
          },
        ],
      },
    });
    expect(badAspect.status).toBe(400);
    expect(badAspect.body.details[0].field).toBe('results[0].indicators[0].aspect');
    const dupValue = await t.request('POST', '/api/v1/skp', {
      token: c.jf.token,
      body: { ...skpBody(year), behaviors: [{ coreValue: 'LOYAL' }, { coreValue: 'LOYAL' }] },
    });
    expect(dupValue.status).toBe(400);
    expect(dupValue.body.details[0]).toMatchObject({ field: 'behaviors[1].coreValue' });
    const unknownField = await t.request('POST', '/api/v1/skp', {
      token: c.jf.token,
      body: { ...skpBody(year), nip: c.jf.nip },
    });
    expect(unknownField.status).toBe(400);
    const foreignId = await t.request('PATCH', `/api/v1/skp/${first.body.id}`, {
      token: c.staff.token,
      body: {
        results: [
          {
            id: '6f1c0d1e-1111-4a4a-9a9a-123456789abc',
            kind: 'UTAMA',
            text: 'Hasil',
            parentResultId: null,
            indicators: [],
          },
        ],
      },
    });
    expect(foreignId.status).toBe(400);
    expect(foreignId.body.details[0].field).toBe('results[0].id');
    const empty = await t.request('PATCH', `/api/v1/skp/${first.body.id}`, { token: c.staff.token, body: {} });
    expect(empty.status).toBe(400);
    const noReason = await t.request('POST', `/api/v1/skp/${first.body.id}/reject`, { token: c.ppk.token, body: {} });
    expect(noReason.status).toBe(400);

    // DRAFT cannot be approved or rejected
    expect((await t.request('POST', `/api/v1/skp/${first.body.id}/approve`, { token: c.ppk.token })).status).toBe(409);
    expect(
      (
        await t.request('POST', `/api/v1/skp/${first.body.id}/reject`, {
          token: c.ppk.token,
          body: { reason: 'belum diajukan' },
        })
      ).status,
    ).toBe(409);
    // SUBMITTED cannot be edited or submitted again
    expect((await t.request('POST', `/api/v1/skp/${first.body.id}/submit`, { token: c.staff.token })).status).toBe(200);
    const patchSubmitted = await t.request('PATCH', `/api/v1/skp/${first.body.id}`, {
      token: c.staff.token,
      body: { behaviors: behaviors() },
    });
    expect(patchSubmitted.status).toBe(409);
    expect(patchSubmitted.body.details).toEqual([{ field: 'status', problem: 'is SUBMITTED, must be DRAFT' }]);
    expect((await t.request('POST', `/api/v1/skp/${first.body.id}/submit`, { token: c.staff.token })).status).toBe(409);
    // APPROVED is frozen
    expect((await t.request('POST', `/api/v1/skp/${first.body.id}/approve`, { token: c.ppk.token })).status).toBe(200);
    expect((await t.request('POST', `/api/v1/skp/${first.body.id}/approve`, { token: c.ppk.token })).status).toBe(409);
    expect(
      (
        await t.request('POST', `/api/v1/skp/${first.body.id}/reject`, {
          token: c.ppk.token,
          body: { reason: 'terlambat' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.request('PATCH', `/api/v1/skp/${first.body.id}`, {
          token: c.staff.token,
          body: { behaviors: behaviors() },
        })
      ).status,
    ).toBe(409);
  });

  it('refuses to submit an incomplete SKP with 422 listing every unmet rule', async () => {
    const c = await createChain(t);
    const body = {
      year,
      approach: 'KUANTITATIF',
      behaviors: behaviors().slice(0, 5),
      results: [
        { kind: 'UTAMA', text: 'Hasil tanpa indikator', parentResultId: null, indicators: [] },
        { kind: 'TAMBAHAN', text: 'Tambahan', parentResultId: null, indicators: [{ text: 'IKI tanpa target' }] },
      ],
    };
    const s = await t.request('POST', '/api/v1/skp', { token: c.staff.token, body });
    expect(s.status).toBe(201);
    const r = await t.request('POST', `/api/v1/skp/${s.body.id}/submit`, { token: c.staff.token });
    expect(r.status).toBe(422);
    const fields = r.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'results[0].indicators',
        'results[1].indicators[0].target',
        'results[1].indicators[0].aspect',
        'behaviors',
      ]),
    );
    expect(r.body.details.find((d: { field: string }) => d.field === 'behaviors').problem).toContain('ADAPTIF');

    const noUtama = await t.request('POST', '/api/v1/skp', {
      token: c.jf.token,
      body: { year, approach: 'KUANTITATIF', behaviors: behaviors(), results: [] },
    });
    const r2 = await t.request('POST', `/api/v1/skp/${noUtama.body.id}/submit`, { token: c.jf.token });
    expect(r2.status).toBe(422);
    expect(r2.body.details[0].field).toBe('results');
    const still = await t.request('GET', `/api/v1/skp/${noUtama.body.id}`, { token: c.jf.token });
    expect(still.body.status).toBe('DRAFT');
  });
  it('refuses to submit when the employee has no PPK (422 naming what the admin must fix)', async () => {
    const c = await createChain(t);
    const s = await t.request('POST', '/api/v1/skp', { token: c.jpt.token, body: skpBody(year, { jpt: true }) });
    const r = await t.request('POST', `/api/v1/skp/${s.body.id}/submit`, { token: c.jpt.token });
    expect(r.status).toBe(422);
    expect(r.body.message).toContain(`PATCH /employees/${c.jpt.nip}`);
    expect(r.body.message).toContain('POST /delegations');
    expect(r.body.details).toEqual([{ field: 'supervisorNip', problem: expect.stringContaining(c.jpt.nip) }]);
  });

  it('answers 404 for an unknown or malformed SKP id', async () => {
    const c = await createChain(t);
    expect(
      (await t.request('GET', '/api/v1/skp/6f1c0d1e-1111-4a4a-9a9a-123456789abc', { token: c.staff.token })).status,
    ).toBe(404);
    expect((await t.request('GET', '/api/v1/skp/not-a-uuid', { token: c.staff.token })).status).toBe(404);
    expect((await t.request('POST', '/api/v1/skp/not-a-uuid/submit', { token: c.staff.token })).status).toBe(404);
  });
});
