import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** SIASN off (the default, SIASN_ENABLED=false): nothing is read; the report says why it is empty. */
describe('SIASN import while SIASN is not enabled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an import in the contract shape before anything is queued, and the report says SIASN is off', async () => {
    const admin = await t.adminToken();
    const r = await t.request('POST', '/api/v1/siasn/import', {
      token: admin,
      body: { kind: 'skp22', year: 2026, unitCode: 'ANY' },
    });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ message: expect.stringContaining('SIASN belum diaktifkan'), details: [] });
    // A person never read (the database may hold other files' imports).
    const report = await t.request('GET', '/api/v1/siasn/reconciliation?kind=skp22&year=2026&nip=190001012000011999', {
      token: admin,
    });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      items: [],
      nextCursor: null,
      siasnEnabled: false,
      peopleRead: 0,
      warnings: [expect.stringContaining('SIASN belum diaktifkan')],
    });
  });
});
