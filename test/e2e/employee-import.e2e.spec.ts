import { createUnit, uniqueNip } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

function row(nip: string, unitCode: string, supervisorNip: string | null, over: Record<string, unknown> = {}) {
  return {
    nip,
    name: `Pegawai ${nip.slice(-4)}`,
    status: 'PNS',
    golongan: 'III/a',
    unitCode,
    supervisorNip,
    position: {
      title: 'Pengadministrasi Umum',
      kind: 'PELAKSANA',
      jenjang: null,
      kelasJabatan: 5,
      isUnitHead: false,
      tmt: '2025-01-01',
    },
    ...over,
  };
}

const HEADER =
  'nip,name,status,golongan,unitCode,supervisorNip,password,positionTitle,positionKind,jenjang,kelasJabatan,isUnitHead,tmt,effectiveFrom';

describe('POST /employees/import (JSON and CSV, all-or-nothing, idempotent on NIP)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (nips: string[]) =>
    Number(
      (await t.dataSource.query(`SELECT count(*) AS n FROM employees WHERE nip = ANY($1::char(18)[])`, [nips]))[0].n,
    );
  const post = (body: unknown) => t.request('POST', '/api/v1/employees/import', { token: admin, body });

  it('imports JSON rows whose supervisors come later in the same file, creates accounts for rows with a password, and audits', async () => {
    const unit = await createUnit(t);
    const [head, kasi, staff] = [uniqueNip(), uniqueNip(), uniqueNip()];
    const rows = [
      row(staff, unit, kasi, { password: 'rahasia-123' }),
      row(kasi, unit, head, {
        position: {
          title: 'Kepala Seksi',
          kind: 'PENGAWAS',
          jenjang: null,
          kelasJabatan: 9,
          isUnitHead: false,
          tmt: '2025-01-01',
        },
      }),
      row(head, unit, null, {
        golongan: 'IV/a',
        position: {
          title: 'Kepala Bidang',
          kind: 'ADMINISTRATOR',
          jenjang: null,
          kelasJabatan: 11,
          isUnitHead: true,
          tmt: '2025-01-01',
        },
      }),
    ];
    const r = await post(rows);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: 3, updated: 0, errors: [] });
    const e = await t.request('GET', `/api/v1/employees/${staff}?on=2025-06-01`, { token: admin });
    expect(e.body).toMatchObject({ supervisorNip: kasi, ppkNip: kasi, atasanPpkNip: head, unitCode: unit });
    expect(typeof (await t.login(staff, 'rahasia-123'))).toBe('string');
    await expect(t.login(kasi, 'rahasia-123')).rejects.toThrow();
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'Employee' AND entity_id = ANY($1) ORDER BY id`,
      [[head, kasi, staff]],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'employee.import.create',
      'employee.import.create',
      'employee.import.create',
    ]);

    // The same file again changes nothing.
    expect((await post(rows)).body).toEqual({ created: 0, updated: 0, errors: [] });
  });

  it('updates an existing NIP with a new history row from effectiveFrom; earlier dates keep their values', async () => {
    const unit = await createUnit(t);
    const other = await createUnit(t);
    const [boss, staff] = [uniqueNip(), uniqueNip()];
    const bossRow = row(boss, unit, null, {
      position: {
        title: 'Kepala Seksi',
        kind: 'PENGAWAS',
        jenjang: null,
        kelasJabatan: 9,
        isUnitHead: true,
        tmt: '2025-01-01',
      },
    });
    expect((await post([bossRow, row(staff, unit, boss)])).body.created).toBe(2);

    const moved = row(staff, other, null, { golongan: 'III/b', effectiveFrom: '2026-07-01', name: 'Nama Baru' });
    const r = await post([bossRow, moved]);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: 0, updated: 1, errors: [] });
    const before = await t.request('GET', `/api/v1/employees/${staff}?on=2026-06-30`, { token: admin });
    const after = await t.request('GET', `/api/v1/employees/${staff}?on=2026-07-01`, { token: admin });
    expect(before.body).toMatchObject({ unitCode: unit, golongan: 'III/a', supervisorNip: boss });
    expect(after.body).toMatchObject({ unitCode: other, golongan: 'III/b', supervisorNip: null, name: 'Nama Baru' });
    expect(
      after.body.history.map((h: { validFrom: string; validTo: string | null }) => [h.validFrom, h.validTo]),
    ).toEqual([
      ['2025-01-01', '2026-07-01'],
      ['2026-07-01', null],
    ]);
    // Re-sending the update is a no-op; a different change on the same start date is refused.
    expect((await post([moved])).body).toEqual({ created: 0, updated: 0, errors: [] });
    const clash = await post([{ ...moved, golongan: 'III/c' }]);
    expect(clash.status).toBe(400);
    expect(clash.body.errors).toEqual([
      { row: 1, field: 'effectiveFrom', problem: expect.stringContaining('2026-07-01') },
    ]);
  });

  it('imports CSV (comma or semicolon) with the same rules and row numbers', async () => {
    const unit = await createUnit(t);
    const [head, jf] = [uniqueNip(), uniqueNip()];
    const csv = [
      HEADER,
      `${jf},"Siti, S.Kep.",PNS,III/a,${unit},${head},,Perawat Ahli Pertama,FUNGSIONAL,AHLI_PERTAMA,8,false,2025-01-01,`,
      `${head},Kepala Seksi,PNS,III/d,${unit},,,Kepala Seksi,PENGAWAS,,9,true,2025-01-01,`,
    ].join('\n');
    const r = await t.request('POST', '/api/v1/employees/import', { token: admin, raw: csv, contentType: 'text/csv' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: 2, updated: 0, errors: [] });
    const e = await t.request('GET', `/api/v1/employees/${jf}?on=2025-02-01`, { token: admin });
    expect(e.body).toMatchObject({
      name: 'Siti, S.Kep.',
      position: { kind: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA' },
      supervisorNip: head,
    });

    const semicolon = [
      HEADER.replace(/,/g, ';'),
      `${uniqueNip()};Budi;PPPK;IX;${unit};${head};;Operator;PELAKSANA;;5;0;2025-01-01;`,
    ].join('\r\n');
    const s = await t.request('POST', '/api/v1/employees/import', {
      token: admin,
      raw: semicolon,
      contentType: 'text/csv; charset=utf-8',
    });
    expect(s.body).toEqual({ created: 1, updated: 0, errors: [] });

    const bad = [
      HEADER,
      `${uniqueNip()},Budi,PNS,IX,${unit},,,Operator,PELAKSANA,,5,false,2025-01-01,`,
      `123,B,PNS,III/a,${unit},,,Operator,PELAKSANA,,5,false,2025-13-01,`,
      'too,few',
    ].join('\n');
    const b = await t.request('POST', '/api/v1/employees/import', { token: admin, raw: bad, contentType: 'text/csv' });
    expect(b.status).toBe(400);
    expect(b.body.errors).toEqual([
      { row: 1, field: 'golongan', problem: expect.stringContaining('PNS') },
      { row: 2, field: 'name', problem: expect.any(String) },
      { row: 2, field: 'nip', problem: expect.any(String) },
      { row: 2, field: 'tmt', problem: expect.any(String) },
      { row: 3, field: 'row', problem: 'has 2 columns, the header has 14' },
    ]);
    const unknownColumn = await t.request('POST', '/api/v1/employees/import', {
      token: admin,
      raw: 'nip,name,shoeSize\n1,2,3',
      contentType: 'text/csv',
    });
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.errors).toEqual(
      expect.arrayContaining([
        { row: 0, field: 'shoeSize', problem: expect.stringContaining('unknown column') },
        { row: 0, field: 'tmt', problem: 'required column missing' },
      ]),
    );
  });

  it('reports every bad row with row, field and problem, and writes nothing (400)', async () => {
    const unit = await createUnit(t);
    const good = uniqueNip();
    const [a, b] = [uniqueNip(), uniqueNip()];
    const rows = [
      row(good, unit, null),
      row(uniqueNip(), 'NO-SUCH-UNIT', null),
      row(uniqueNip(), unit, '199901012020011999'),
      row(good, unit, null),
      row(a, unit, b),
      row(b, unit, a),
      {
        ...row(uniqueNip(), unit, null),
        position: { title: 'JF', kind: 'FUNGSIONAL', jenjang: null, kelasJabatan: 99, tmt: '2025-01-01' },
      },
      { ...row(uniqueNip(), unit, null), shoeSize: 42 },
      'not an object',
    ];
    const r = await post(rows);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ statusCode: 400, error: 'Bad Request', created: 0, updated: 0 });
    const byRow = r.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(byRow).toEqual([
      '2:unitCode',
      '3:supervisorNip',
      '4:nip',
      '5:supervisorNip',
      '6:supervisorNip',
      '7:position.jenjang',
      '7:position.kelasJabatan',
      '8:shoeSize',
      '9:row',
    ]);
    expect(r.body.errors.find((e: { row: number }) => e.row === 5).problem).toContain('→');
    expect(r.body.details[0]).toEqual({ field: 'row 2: unitCode', problem: expect.any(String) });
    expect(await count([good, a, b])).toBe(0);
  });

  it('refuses a body that is not a list, an empty list and more than 10,000 rows', async () => {
    expect((await post({ nip: '1' })).status).toBe(400);
    expect((await post([])).status).toBe(400);
    const tooMany = await post(Array.from({ length: 10_001 }, () => ({})));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details[0].problem).toContain('10001');
    const xml = await t.request('POST', '/api/v1/employees/import', {
      token: admin,
      raw: '<employees/>',
      contentType: 'application/xml',
    });
    expect(xml.status).toBe(415);
  });
});
