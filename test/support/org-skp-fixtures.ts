import { randomBytes, randomInt } from 'node:crypto';
import type { TestApp } from './test-app';

/** Helpers for the organisation / SKP planning tests (issue 5). */

export const PASSWORD = 'password-123';
export const CORE_VALUES = [
  'BERORIENTASI_PELAYANAN',
  'AKUNTABEL',
  'KOMPETEN',
  'HARMONIS',
  'LOYAL',
  'ADAPTIF',
  'KOLABORATIF',
];

/**
 * A random, well-formed 18-digit NIP (birth date, TMT year-month, gender, sequence). Random rather than
 * sequential so test files sharing one database never collide (~10^11 possibilities).
 */
export function uniqueNip(): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${randomInt(1960, 2000)}${pad(randomInt(1, 13), 2)}${pad(randomInt(1, 29), 2)}${randomInt(2000, 2025)}${pad(randomInt(1, 13), 2)}${randomInt(1, 3)}${pad(randomInt(0, 1000), 3)}`;
}

/** A random unit code (test files share one database, so sequential codes could collide). */
export function uniqueUnitCode(prefix = 'U'): string {
  return `${prefix}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

export interface Person {
  nip: string;
  token: string;
}

export async function createUnit(t: TestApp, parentCode: string | null = null, prefix = 'U'): Promise<string> {
  const code = uniqueUnitCode(prefix);
  const r = await t.request('POST', '/api/v1/units', {
    token: await t.adminToken(),
    body: { code, name: `Unit ${code}`, parentCode },
  });
  if (r.status !== 201) throw new Error(`unit: ${r.status} ${r.text}`);
  return code;
}

export interface EmployeeSpec {
  unitCode: string;
  supervisorNip?: string | null;
  kind?: string;
  jenjang?: string | null;
  title?: string;
  kelasJabatan?: number;
  isUnitHead?: boolean;
  from?: string;
  golongan?: string;
  /** PNS (default) or PPPK (golongan I–XVII). */
  status?: 'PNS' | 'PPPK';
  login?: boolean;
}

/** Creates an employee through POST /employees and (by default) logs them in. */
export async function createEmployee(t: TestApp, spec: EmployeeSpec): Promise<Person> {
  const nip = uniqueNip();
  const kind = spec.kind ?? 'PELAKSANA';
  const r = await t.request('POST', '/api/v1/employees', {
    token: await t.adminToken(),
    body: {
      nip,
      name: `Pegawai ${nip.slice(-4)}`,
      status: spec.status ?? 'PNS',
      golongan: spec.golongan ?? 'III/a',
      unitCode: spec.unitCode,
      supervisorNip: spec.supervisorNip ?? null,
      password: PASSWORD,
      position: {
        title: spec.title ?? `Jabatan ${kind}`,
        kind,
        jenjang: spec.jenjang ?? (kind === 'FUNGSIONAL' ? 'AHLI_PERTAMA' : null),
        kelasJabatan: spec.kelasJabatan ?? 8,
        isUnitHead: spec.isUnitHead ?? false,
        tmt: spec.from ?? '2025-01-01',
      },
    },
  });
  if (r.status !== 201) throw new Error(`employee: ${r.status} ${r.text}`);
  return { nip, token: spec.login === false ? '' : await t.login(nip, PASSWORD) };
}

/** A chain: JPT Pratama (head) → Administrator → Pengawas (PPK) → staff (a pelaksana and a JF). */
export async function createChain(t: TestApp) {
  const unitCode = await createUnit(t);
  const jpt = await createEmployee(t, {
    unitCode,
    kind: 'JPT_PRATAMA',
    isUnitHead: true,
    kelasJabatan: 14,
    golongan: 'IV/b',
  });
  const admin = await createEmployee(t, {
    unitCode,
    kind: 'ADMINISTRATOR',
    supervisorNip: jpt.nip,
    kelasJabatan: 11,
    golongan: 'IV/a',
  });
  const ppk = await createEmployee(t, {
    unitCode,
    kind: 'PENGAWAS',
    supervisorNip: admin.nip,
    kelasJabatan: 9,
    golongan: 'III/d',
  });
  const staff = await createEmployee(t, {
    unitCode,
    kind: 'PELAKSANA',
    supervisorNip: ppk.nip,
    kelasJabatan: 5,
    golongan: 'II/c',
  });
  const jf = await createEmployee(t, {
    unitCode,
    kind: 'FUNGSIONAL',
    jenjang: 'AHLI_PERTAMA',
    supervisorNip: ppk.nip,
    kelasJabatan: 8,
  });
  return { unitCode, jpt, admin, ppk, staff, jf };
}

export function behaviors(withExpectation = false) {
  return CORE_VALUES.map((coreValue, i) => ({
    coreValue,
    specialExpectation: withExpectation && i === 0 ? 'Responsif terhadap keluhan pasien' : null,
  }));
}

/** A complete KUANTITATIF body (JA/JF form unless `jpt`). */
export function skpBody(year: number, opts: { jpt?: boolean; parentResultId?: string | null; approach?: string } = {}) {
  const dim = opts.jpt ? { perspective: 'PENERIMA_LAYANAN' } : { aspect: 'KUANTITAS' };
  return {
    year,
    approach: opts.approach ?? 'KUANTITATIF',
    results: [
      {
        kind: 'UTAMA',
        text: 'Meningkatnya mutu layanan rujukan',
        parentResultId: opts.parentResultId ?? null,
        indicators: [{ text: 'Persentase rujukan ditindaklanjuti dalam 24 jam', ...dim, target: '95 %' }],
      },
      {
        kind: 'TAMBAHAN',
        text: 'Menjadi narasumber sosialisasi',
        parentResultId: null,
        indicators: [{ text: 'Jumlah sosialisasi', ...dim, target: '2 kali' }],
      },
    ],
    behaviors: behaviors(true),
    lampiran: {
      resources: ['Anggaran DPA 2026'],
      accountabilityScheme: ['Laporan bulanan ke PPK'],
      consequences: ['Teguran bila target tidak tercapai'],
    },
  };
}

/** Creates, submits and approves an SKP; returns it as approved. */
export async function approvedSkp(t: TestApp, owner: Person, ppk: Person, body: Record<string, unknown>) {
  const c = await t.request('POST', '/api/v1/skp', { token: owner.token, body });
  if (c.status !== 201) throw new Error(`skp create: ${c.status} ${c.text}`);
  const s = await t.request('POST', `/api/v1/skp/${c.body.id}/submit`, { token: owner.token });
  if (s.status !== 200) throw new Error(`skp submit: ${s.status} ${s.text}`);
  const a = await t.request('POST', `/api/v1/skp/${c.body.id}/approve`, { token: ppk.token });
  if (a.status !== 200) throw new Error(`skp approve: ${a.status} ${a.text}`);
  return a.body;
}

export async function createApiKey(t: TestApp): Promise<string> {
  const r = await t.request('POST', '/api/v1/api-keys', {
    token: await t.adminToken(),
    body: { name: `k-${Date.now()}`, scopes: ['payroll:read', 'attendance:write'] },
  });
  if (r.status !== 201) throw new Error(`api key: ${r.status} ${r.text}`);
  return r.body.key;
}

export function currentYear(t: TestApp): number {
  return Number(t.clock.today().slice(0, 4));
}
