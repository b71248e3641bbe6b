import { randomBytes } from 'node:crypto';
import { createEmployee, createUnit, PASSWORD, uniqueNip } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** GET /employees and GET /units: the office's roster and organisation tree (ADMIN only). */
describe('Office lists: employees and the unit tree', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A unit with a sub-unit, people with distinctive names in both. */
  async function roster() {
    const tag = randomBytes(4).toString('hex');
    const parent = await createUnit(t, null, 'P');
    const child = await createUnit(t, parent, 'C');
    const add = async (
      unitCode: string,
      name: string,
      o: { kind: string; jenjang?: string | null; status?: 'PNS' | 'PPPK'; head?: boolean; sup?: string | null },
    ) => {
      const nip = uniqueNip();
      const r = await t.request('POST', '/api/v1/employees', {
        token: admin,
        body: {
          nip,
          name,
          status: o.status ?? 'PNS',
          golongan: o.status === 'PPPK' ? 'IX' : 'III/a',
          unitCode,
          supervisorNip: o.sup ?? null,
          password: PASSWORD,
          position: {
            title: `Jabatan ${o.kind}`,
            kind: o.kind,
            jenjang: o.jenjang ?? null,
            kelasJabatan: 8,
            isUnitHead: o.head ?? false,
            tmt: '2025-01-01',
          },
        },
      });
      if (r.status !== 201) throw new Error(`${r.status} ${r.text}`);
      return nip;
    };
    const head = await add(parent, `Budi Santoso ${tag}`, { kind: 'ADMINISTRATOR', head: true });
    const siti = await add(parent, `Siti Rahmawati ${tag}`, { kind: 'PELAKSANA', sup: head });
    const sitiJf = await add(child, `SITI Nurhaliza ${tag}`, { kind: 'FUNGSIONAL', jenjang: 'AHLI_MUDA', sup: head });
    const pppk = await add(child, `Agus Siti-Pratama ${tag}`, { kind: 'PELAKSANA', status: 'PPPK', sup: head });
    return { tag, parent, child, head, siti, sitiJf, pppk };
  }

  const list = (query: string, token = admin) => t.request('GET', `/api/v1/employees?${query}`, { token });

  it('finds people by any part of the name, case-insensitive, and by NIP prefix; filters by unit subtree, status, kind and jenjang', async () => {
    const r = await roster();
    const byName = await list(`q=${encodeURIComponent(`siti`)}&unitCode=${r.parent}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((i: { nip: string }) => i.nip).sort()).toEqual([r.siti, r.sitiJf, r.pppk].sort());
    expect(byName.body.nextCursor).toBeNull();

    const exact = await list(`q=${encodeURIComponent(`rahmawati ${r.tag}`)}`);
    expect(exact.body.items).toEqual([
      {
        nip: r.siti,
        name: `Siti Rahmawati ${r.tag}`,
        status: 'PNS',
        unitCode: r.parent,
        unitName: `Unit ${r.parent}`,
        positionTitle: 'Jabatan PELAKSANA',
        positionKind: 'PELAKSANA',
        jenjang: null,
        golongan: 'III/a',
        kelasJabatan: 8,
        isUnitHead: false,
      },
    ]);
    // LIKE wildcards typed by a person match literally.
    expect((await list(`q=${encodeURIComponent(`%${r.tag}`)}`)).body.items).toEqual([]);

    const byNip = await list(`q=${r.sitiJf.slice(0, 14)}&unitCode=${r.parent}`);
    expect(byNip.body.items.map((i: { nip: string }) => i.nip)).toContain(r.sitiJf);
    expect(byNip.body.items.every((i: { nip: string }) => i.nip.startsWith(r.sitiJf.slice(0, 14)))).toBe(true);
    expect((await list(`q=${r.sitiJf}`)).body.items.map((i: { nip: string }) => i.nip)).toEqual([r.sitiJf]);

    const child = await list(`unitCode=${r.child}`);
    expect(child.body.items.map((i: { nip: string }) => i.nip).sort()).toEqual([r.sitiJf, r.pppk].sort());
    const whole = await list(`unitCode=${r.parent}`);
    expect(whole.body.items).toHaveLength(4);
    expect(whole.body.items.map((i: { nip: string }) => i.nip)).toEqual(
      [...whole.body.items.map((i: { nip: string }) => i.nip)].sort(),
    );

    expect((await list(`unitCode=${r.parent}&status=PPPK`)).body.items.map((i: { nip: string }) => i.nip)).toEqual([
      r.pppk,
    ]);
    expect(
      (await list(`unitCode=${r.parent}&kind=FUNGSIONAL&jenjang=AHLI_MUDA`)).body.items.map(
        (i: { nip: string }) => i.nip,
      ),
    ).toEqual([r.sitiJf]);
    expect((await list(`unitCode=${r.parent}&kind=ADMINISTRATOR`)).body.items).toEqual([
      expect.objectContaining({ nip: r.head, isUnitHead: true }),
    ]);
  });

  it('pages by NIP with an opaque cursor; rejects bad input with field errors; unknown unit is 404', async () => {
    const r = await roster();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await list(
        `unitCode=${r.parent}&limit=3${cursor ? `&after=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((i: { nip: string }) => i.nip));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([r.head, r.siti, r.sitiJf, r.pppk].sort());

    expect((await list('limit=1001')).status).toBe(400);
    expect((await list('kind=GURU')).body.details).toEqual([expect.objectContaining({ field: 'kind' })]);
    expect((await list('after=not-a-cursor')).status).toBe(400);
    expect((await list('unitCode=NO-SUCH-UNIT')).status).toBe(404);
  });

  it('is ADMIN only: an employee (even a unit head) gets 404 for the lists', async () => {
    const unitCode = await createUnit(t);
    const head = await createEmployee(t, { unitCode, kind: 'ADMINISTRATOR', isUnitHead: true });
    expect((await list('q=siti', head.token)).status).toBe(404);
    expect((await t.request('GET', '/api/v1/units', { token: head.token })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/employees')).status).toBe(401);
  });

  it('GET /units: the tree depth-first with heads and counts; ?q= keeps matches with their ancestors; pages by path', async () => {
    const r = await roster();
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await t.request(
        'GET',
        `/api/v1/units?limit=1000${cursor ? `&after=${cursor}` : ''}`,
        { token: admin },
      );
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const p = all.find((u) => u.code === r.parent);
    const c = all.find((u) => u.code === r.child);
    expect(p).toEqual({
      code: r.parent,
      name: `Unit ${r.parent}`,
      parentCode: null,
      depth: 0,
      path: [r.parent],
      head: { nip: r.head, name: `Budi Santoso ${r.tag}`, positionTitle: 'Jabatan ADMINISTRATOR' },
      employeeCount: 2,
      subtreeEmployeeCount: 4,
      childCount: 1,
      match: true,
    });
    expect(c).toEqual(
      expect.objectContaining({
        parentCode: r.parent,
        depth: 1,
        path: [r.parent, r.child],
        head: null,
        employeeCount: 2,
        subtreeEmployeeCount: 2,
        childCount: 0,
      }),
    );
    expect(all.indexOf(c)).toBe(all.indexOf(p) + 1);

    const found = await t.request('GET', `/api/v1/units?q=${r.child.toLowerCase()}`, { token: admin });
    expect(found.body.items.map((u: { code: string; match: boolean }) => [u.code, u.match])).toEqual([
      [r.parent, false],
      [r.child, true],
    ]);

    const first = await t.request('GET', `/api/v1/units?q=${r.child}&limit=1`, { token: admin });
    expect(first.body.items.map((u: { code: string }) => u.code)).toEqual([r.parent]);
    const second = await t.request('GET', `/api/v1/units?q=${r.child}&limit=1&after=${first.body.nextCursor}`, {
      token: admin,
    });
    expect(second.body.items.map((u: { code: string }) => u.code)).toEqual([r.child]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('name search uses the trigram index (EXPLAIN) and NIP prefixes the NIP btree', async () => {
    const plan = async (sql: string, params: unknown[]) =>
      t.dataSource.transaction(async (m) => {
        await m.query('SET LOCAL enable_seqscan = off');
        return (await m.query(`EXPLAIN ${sql}`, params))
          .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
          .join('\n');
      });
    expect(await plan(`SELECT nip FROM employees WHERE name ILIKE $1`, ['%rahmawati%'])).toContain(
      'employees_name_trgm_idx',
    );
    expect(
      await plan(`SELECT nip FROM employees WHERE nip BETWEEN $1 AND $2`, ['198700000000000000', '198799999999999999']),
    ).toMatch(/Index.*employees_nip_key|Index.*employees/);
  });
});
