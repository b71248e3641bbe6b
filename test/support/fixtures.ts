import { randomInt } from 'node:crypto';
import type { TestApp } from './test-app';

// Random start per test file (each file has its own module registry; files share one database).
let seq = randomInt(0, 12 * 28 * 1000 - 5000);

/** A fresh, valid 18-digit NIP (unique within the run). */
export function nextNip(birthYear = 1990, status: 'PNS' | 'PPPK' = 'PNS'): string {
  seq += 1;
  // birth date (8) + TMT year-month (6) + gender (1) + sequence (3); the sequence overflows into the month/day digits.
  const day = String((Math.floor(seq / 1000) % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(seq / 28000) % 12) + 1).padStart(2, '0');
  return `${birthYear}${month}${day}${status === 'PNS' ? '201503' : '202203'}1${String(seq % 1000).padStart(3, '0')}`;
}

let unitSeq = randomInt(1_000_000, 99_000_000);
export function nextUnitCode(prefix = 'U'): string {
  unitSeq += 1;
  return `${prefix}${unitSeq}`;
}

export interface OrgFixture {
  unitCode: string;
  head: { nip: string; password: string };
  ppk: { nip: string; password: string };
  staff: { nip: string; password: string }[];
}

/**
 * A small unit through the real API: a head (administrator) → a pengawas (PPK) → staff
 * (pelaksana, JF Ahli Pertama, PPPK).
 */
export async function createSmallUnit(t: TestApp, opts: { staff?: number; from?: string } = {}): Promise<OrgFixture> {
  const admin = await t.adminToken();
  const unitCode = nextUnitCode();
  const from = opts.from ?? '2025-01-01';
  const password = 'password-123';
  const u = await t.request('POST', '/api/v1/units', {
    token: admin,
    body: { code: unitCode, name: `Unit ${unitCode}`, parentCode: null },
  });
  if (u.status !== 201) throw new Error(`unit: ${u.status} ${u.text}`);
  const make = async (
    nip: string,
    supervisorNip: string | null,
    position: Record<string, unknown>,
    status: 'PNS' | 'PPPK' = 'PNS',
    golongan = 'III/a',
  ) => {
    const r = await t.request('POST', '/api/v1/employees', {
      token: admin,
      body: {
        nip,
        name: `Pegawai ${nip.slice(-4)}`,
        status,
        golongan,
        unitCode,
        supervisorNip,
        password,
        position: { tmt: from, ...position },
      },
    });
    if (r.status !== 201) throw new Error(`employee: ${r.status} ${r.text}`);
  };
  const head = nextNip(1975);
  await make(
    head,
    null,
    { title: 'Kepala Bidang', kind: 'ADMINISTRATOR', jenjang: null, kelasJabatan: 11, isUnitHead: true },
    'PNS',
    'IV/a',
  );
  const ppk = nextNip(1980);
  await make(ppk, head, { title: 'Kepala Seksi', kind: 'PENGAWAS', jenjang: null, kelasJabatan: 9 }, 'PNS', 'III/d');
  const staff: { nip: string; password: string }[] = [];
  const kinds = [
    { title: 'Perawat Ahli Pertama', kind: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA', kelasJabatan: 8 },
    { title: 'Pengadministrasi Umum', kind: 'PELAKSANA', jenjang: null, kelasJabatan: 5 },
  ];
  for (let i = 0; i < (opts.staff ?? 2); i++) {
    const nip = nextNip(1992);
    await make(nip, ppk, kinds[i % kinds.length], i === 2 ? 'PPPK' : 'PNS', i === 2 ? 'IX' : 'III/a');
    staff.push({ nip, password });
  }
  return { unitCode, head: { nip: head, password }, ppk: { nip: ppk, password }, staff };
}
