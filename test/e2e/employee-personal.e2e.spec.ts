import { createUnit, uniqueNip } from '../support/org-skp-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const position = {
  title: 'Analis Kebijakan Ahli Muda',
  kind: 'FUNGSIONAL',
  jenjang: 'AHLI_MUDA',
  kelasJabatan: 9,
  isUnitHead: false,
  tmt: '2025-01-01',
};

describe('Personal data of the PAK on employees: tempat lahir, KARPEG, TMT pangkat, pendidikan, masa kerja golongan', () => {
  let t: TestApp;
  let admin: string;
  let unit: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    unit = await createUnit(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (nip: string) => (await t.request('GET', `/api/v1/employees/${nip}`, { token: admin })).body;
  const patch = (nip: string, body: unknown) => t.request('PATCH', `/api/v1/employees/${nip}`, { token: admin, body });

  it('POST stores them, GET answers them with birth date and gender read from the NIP, PATCH corrects them without a date', async () => {
    const nip = `19870315201001${'2'}${String(Date.now()).slice(-3)}`;
    const created = await t.request('POST', '/api/v1/employees', {
      token: admin,
      body: {
        nip,
        name: 'Siti Rahmawati',
        status: 'PNS',
        golongan: 'III/c',
        unitCode: unit,
        supervisorNip: null,
        position,
        birthPlace: 'Bandung',
        karpegNumber: 'N 123456',
        tmtPangkat: '2022-04-01',
        education: { level: 'S1', name: 'S1 Kesehatan Masyarakat' },
        masaKerjaGolongan: { years: 12, months: 3, asOf: '2025-01-01' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.personal).toEqual({
      birthPlace: 'Bandung',
      karpegNumber: 'N 123456',
      tmtPangkat: '2022-04-01',
      education: { level: 'S1', name: 'S1 Kesehatan Masyarakat' },
      masaKerjaGolongan: { years: 12, months: 3, asOf: '2025-01-01' },
      birthDate: '1987-03-15',
      gender: 'PEREMPUAN',
    });

    const before = (await get(nip)).history.length;
    const p = await patch(nip, {
      karpegNumber: 'N 654321',
      education: null,
      masaKerjaGolongan: { years: 13, months: 0, asOf: '2026-01-01' },
    });
    expect(p.status).toBe(200);
    const after = await get(nip);
    expect(after.personal).toMatchObject({
      birthPlace: 'Bandung',
      karpegNumber: 'N 654321',
      education: null,
      masaKerjaGolongan: { years: 13, months: 0, asOf: '2026-01-01' },
    });
    expect(after.history.length).toBe(before); // personal data has no history rows
    const audit = await t.dataSource.query(
      `SELECT before, after FROM audit_log WHERE action = 'employee.personal' AND entity_id = $1`,
      [nip],
    );
    expect(audit[0].before).toMatchObject({ karpegNumber: 'N 123456' });
  });

  it('refuses bad values with 400 naming the field, and a mutation still needs its date', async () => {
    const nip = uniqueNip();
    expect(
      (
        await t.request('POST', '/api/v1/employees', {
          token: admin,
          body: { nip, name: 'Budi', status: 'PNS', golongan: 'III/a', unitCode: unit, position },
        })
      ).status,
    ).toBe(201);
    for (const [body, field] of [
      [{ karpegNumber: 'N 123456; DROP' }, 'karpegNumber'],
      [{ tmtPangkat: '2022-02-30' }, 'tmtPangkat'],
      [{ education: { level: 'S4' } }, 'education.level'],
      [{ masaKerjaGolongan: { years: 3, months: 12, asOf: '2025-01-01' } }, 'masaKerjaGolongan.months'],
      [{ masaKerjaGolongan: { years: 3, months: 1 } }, 'masaKerjaGolongan.asOf'],
      [{ birthPlace: 'X' }, 'birthPlace'],
      [{ golongan: 'III/b' }, 'effectiveFrom'],
    ] as const) {
      const r = await patch(nip, body);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    expect((await patch(nip, {})).status).toBe(400);
    expect((await get(nip)).personal).toMatchObject({ karpegNumber: null, tmtPangkat: null, education: null });
  });

  it('CSV import reads the personal columns, reports bad cells by column, and a file without them keeps what is stored', async () => {
    const nip = uniqueNip();
    const head =
      'nip,name,status,golongan,unitCode,positionTitle,positionKind,jenjang,kelasJabatan,tmt,birthPlace,karpegNumber,tmtPangkat,educationLevel,educationName,mkgYears,mkgMonths,mkgAsOf';
    const line = (mkgMonths: string) =>
      `${nip},Dewi Lestari,PNS,III/b,${unit},Pranata Komputer Ahli Pertama,FUNGSIONAL,AHLI_PERTAMA,8,2025-01-01,Semarang,P 778899,2023-10-01,D4,Teknik Informatika,6,${mkgMonths},2025-01-01`;
    const bad = await t.request('POST', '/api/v1/employees/import', {
      token: admin,
      raw: `${head}\n${line('12')}\n`,
      contentType: 'text/csv',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'mkgMonths' })]);

    const ok = await t.request('POST', '/api/v1/employees/import', {
      token: admin,
      raw: `${head}\n${line('4')}\n`,
      contentType: 'text/csv',
    });
    expect(ok.body).toMatchObject({ created: 1, errors: [] });
    expect((await get(nip)).personal).toMatchObject({
      birthPlace: 'Semarang',
      karpegNumber: 'P 778899',
      tmtPangkat: '2023-10-01',
      education: { level: 'D4', name: 'Teknik Informatika' },
      masaKerjaGolongan: { years: 6, months: 4, asOf: '2025-01-01' },
    });

    // Without the personal columns: nothing to update, the stored values stay.
    const plain = await t.request('POST', '/api/v1/employees/import', {
      token: admin,
      raw: `nip,name,status,golongan,unitCode,positionTitle,positionKind,jenjang,kelasJabatan,tmt\n${nip},Dewi Lestari,PNS,III/b,${unit},Pranata Komputer Ahli Pertama,FUNGSIONAL,AHLI_PERTAMA,8,2025-01-01\n`,
      contentType: 'text/csv',
    });
    expect(plain.body).toMatchObject({ created: 0, updated: 0 });
    expect((await get(nip)).personal.karpegNumber).toBe('P 778899');

    // JSON import: nested like POST /employees; a changed value counts as an update.
    const json = await t.request('POST', '/api/v1/employees/import', {
      token: admin,
      body: [
        {
          nip,
          name: 'Dewi Lestari',
          status: 'PNS',
          golongan: 'III/b',
          unitCode: unit,
          supervisorNip: null,
          position: { ...position, title: 'Pranata Komputer Ahli Pertama', jenjang: 'AHLI_PERTAMA', kelasJabatan: 8 },
          education: { level: 'S1', name: 'S1 Teknik Informatika' },
        },
      ],
    });
    expect(json.status).toBe(200);
    expect((await get(nip)).personal).toMatchObject({
      education: { level: 'S1', name: 'S1 Teknik Informatika' },
      karpegNumber: 'P 778899',
    });
  });
});
