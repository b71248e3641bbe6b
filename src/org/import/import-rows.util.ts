import { unsafeTextProblem } from '../../common/safe-text';
import { EmployeePersonalFields, FlatPersonal, personalFromFlat } from '../employee-personal.util';
import { EMPLOYEE_STATUSES, GOLONGAN_PNS, GOLONGAN_PPPK, JENJANG, POSITION_KINDS } from '../org.enums';

/** One employee of an import, flattened; the same for JSON and CSV input. */
export interface ImportRow {
  row: number;
  nip: string;
  name: string;
  status: 'PNS' | 'PPPK';
  golongan: string;
  unitCode: string;
  supervisorNip: string | null;
  password: string | null;
  title: string;
  kind: string;
  jenjang: string | null;
  kelasJabatan: number;
  isUnitHead: boolean;
  tmt: string;
  effectiveFrom: string;
  /** Personal fields the row carries (absent column/key = keep what is stored). */
  personal: Partial<EmployeePersonalFields>;
}

export interface ImportError {
  row: number;
  field: string;
  problem: string;
}

export type ImportFormat = 'json' | 'csv';
type Key = Exclude<keyof ImportRow, 'row' | 'personal'> | keyof FlatPersonal;

/** CSV column names (flat) = internal keys; JSON uses the POST /employees shape with a nested `position`. */
export const CSV_COLUMNS: Record<string, Key> = {
  nip: 'nip',
  name: 'name',
  status: 'status',
  golongan: 'golongan',
  unitCode: 'unitCode',
  supervisorNip: 'supervisorNip',
  password: 'password',
  positionTitle: 'title',
  positionKind: 'kind',
  jenjang: 'jenjang',
  kelasJabatan: 'kelasJabatan',
  isUnitHead: 'isUnitHead',
  tmt: 'tmt',
  effectiveFrom: 'effectiveFrom',
  birthPlace: 'birthPlace',
  karpegNumber: 'karpegNumber',
  tmtPangkat: 'tmtPangkat',
  educationLevel: 'educationLevel',
  educationName: 'educationName',
  mkgYears: 'mkgYears',
  mkgMonths: 'mkgMonths',
  mkgAsOf: 'mkgAsOf',
};
const JSON_FIELD: Record<Key, string> = {
  nip: 'nip',
  name: 'name',
  status: 'status',
  golongan: 'golongan',
  unitCode: 'unitCode',
  supervisorNip: 'supervisorNip',
  password: 'password',
  title: 'position.title',
  kind: 'position.kind',
  jenjang: 'position.jenjang',
  kelasJabatan: 'position.kelasJabatan',
  isUnitHead: 'position.isUnitHead',
  tmt: 'position.tmt',
  effectiveFrom: 'effectiveFrom',
  birthPlace: 'birthPlace',
  karpegNumber: 'karpegNumber',
  tmtPangkat: 'tmtPangkat',
  educationLevel: 'education.level',
  educationName: 'education.name',
  mkgYears: 'masaKerjaGolongan.years',
  mkgMonths: 'masaKerjaGolongan.months',
  mkgAsOf: 'masaKerjaGolongan.asOf',
};
/** Nested JSON objects of a row and the flat keys of their members. */
const NESTED: Record<string, Record<string, Key>> = {
  position: {
    title: 'title',
    kind: 'kind',
    jenjang: 'jenjang',
    kelasJabatan: 'kelasJabatan',
    isUnitHead: 'isUnitHead',
    tmt: 'tmt',
  },
  education: { level: 'educationLevel', name: 'educationName' },
  masaKerjaGolongan: { years: 'mkgYears', months: 'mkgMonths', asOf: 'mkgAsOf' },
};
const CSV_FIELD = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([col, key]) => [key, col])) as Record<
  Key,
  string
>;

export function fieldName(key: Key, format: ImportFormat): string {
  return format === 'json' ? JSON_FIELD[key] : CSV_FIELD[key];
}

const NIP = /^\d{18}$/;
const UNIT = /^[A-Z0-9_-]{1,40}$/;
const PNS = new Set<string>(GOLONGAN_PNS);
const PPPK = new Set<string>(GOLONGAN_PPPK);

export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const str = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null;
const blankToNull = (v: string | null): string | null => (v === null || v === '' ? null : v);

/** Raw values by internal key, from either format. Unknown fields are reported, not ignored. */
export type RawRow = Partial<Record<Key, unknown>>;

export function rawFromJson(item: unknown, row: number, errors: ImportError[]): RawRow | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    errors.push({ row, field: 'row', problem: 'must be an object with the fields of POST /employees' });
    return null;
  }
  const o = item as Record<string, unknown>;
  const out: RawRow = {};
  for (const [k, v] of Object.entries(o)) {
    if (k in NESTED) continue;
    if (k in JSON_FIELD && !JSON_FIELD[k as Key].includes('.')) out[k as Key] = v;
    else errors.push({ row, field: k, problem: 'unknown field' });
  }
  for (const [name, members] of Object.entries(NESTED)) {
    const p = o[name];
    if (name !== 'position' && (p === undefined || p === null)) {
      // education / masaKerjaGolongan: absent keeps what is stored, null clears it.
      if (p === null) for (const key of Object.values(members)) out[key] = null;
      continue;
    }
    if (p === undefined || p === null || typeof p !== 'object' || Array.isArray(p)) {
      errors.push({ row, field: name, problem: `must be an object { ${Object.keys(members).join(', ')} }` });
      continue;
    }
    for (const [k, v] of Object.entries(p as Record<string, unknown>)) {
      if (k in members) out[members[k]] = v;
      else errors.push({ row, field: `${name}.${k}`, problem: 'unknown field' });
    }
    // A given object states every member: a missing one is "not recorded".
    for (const key of Object.values(members)) if (out[key] === undefined && name !== 'position') out[key] = null;
  }
  return out;
}

/** Checks one row on its own (no database); adds errors and returns the row when it is valid. */
export function validateRow(raw: RawRow, row: number, format: ImportFormat, errors: ImportError[]): ImportRow | null {
  const before = errors.length;
  const bad = (key: Key, problem: string) => errors.push({ row, field: fieldName(key, format), problem });
  // Every cell is an identifier or a name: no control, bidi-override or zero-width characters (they would be stored verbatim).
  for (const [key, v] of Object.entries(raw)) {
    const problem = typeof v === 'string' ? unsafeTextProblem(v, key === 'password' ? 'text' : 'identifier') : null;
    if (problem) bad(key as Key, problem);
  }

  const nip = str(raw.nip);
  if (!nip || !NIP.test(nip)) bad('nip', 'NIP harus 18 digit / must be 18 digits');
  const name = str(raw.name);
  if (!name || name.length < 2 || name.length > 200) bad('name', 'must be 2–200 characters');
  const status = str(raw.status);
  if (!status || !(EMPLOYEE_STATUSES as readonly string[]).includes(status))
    bad('status', `must be one of ${EMPLOYEE_STATUSES.join(', ')}`);
  const golongan = str(raw.golongan);
  if (!golongan || (!PNS.has(golongan) && !PPPK.has(golongan)))
    bad('golongan', 'golongan tidak dikenal / unknown golongan (e.g. III/c, or PPPK I…XVII)');
  else if (status === 'PNS' && !PNS.has(golongan))
    bad('golongan', 'PNS memakai golongan ruang I/a…IV/e / PNS use I/a…IV/e');
  else if (status === 'PPPK' && !PPPK.has(golongan)) bad('golongan', 'PPPK memakai golongan I…XVII / PPPK use I…XVII');
  const unitCode = str(raw.unitCode);
  if (!unitCode || !UNIT.test(unitCode))
    bad('unitCode', 'kode unit: huruf besar, angka, _ atau - / unit code: A-Z 0-9 _ -');
  const supervisorNip = blankToNull(str(raw.supervisorNip));
  if (raw.supervisorNip !== undefined && raw.supervisorNip !== null && typeof raw.supervisorNip !== 'string')
    bad('supervisorNip', 'must be a string or null');
  else if (supervisorNip !== null && !NIP.test(supervisorNip))
    bad('supervisorNip', 'NIP harus 18 digit / must be 18 digits');
  else if (supervisorNip !== null && supervisorNip === nip)
    bad('supervisorNip', 'atasan tidak boleh diri sendiri / must differ from nip');
  let password: string | null = null;
  if (raw.password !== undefined && raw.password !== null && raw.password !== '') {
    if (typeof raw.password !== 'string' || raw.password.length < 8 || raw.password.length > 200)
      bad('password', 'must be a string of 8–200 characters');
    else password = raw.password;
  }
  const title = str(raw.title);
  if (!title || title.length < 2 || title.length > 200) bad('title', 'must be 2–200 characters');
  const kind = str(raw.kind);
  if (!kind || !(POSITION_KINDS as readonly string[]).includes(kind))
    bad('kind', `must be one of ${POSITION_KINDS.join(', ')}`);
  const jenjang = blankToNull(str(raw.jenjang));
  if (kind === 'FUNGSIONAL' && jenjang === null)
    bad('jenjang', 'jenjang wajib untuk FUNGSIONAL / required for FUNGSIONAL');
  else if (jenjang !== null && !(JENJANG as readonly string[]).includes(jenjang))
    bad('jenjang', `must be one of ${JENJANG.join(', ')}`);
  const kelasText = str(raw.kelasJabatan);
  const kelas = kelasText !== null && /^\d{1,2}$/.test(kelasText) ? Number(kelasText) : NaN;
  if (typeof raw.kelasJabatan === 'number' && !Number.isInteger(raw.kelasJabatan))
    bad('kelasJabatan', 'must be an integer 1–17');
  else if (!(kelas >= 1 && kelas <= 17)) bad('kelasJabatan', 'must be an integer 1–17');
  let isUnitHead = false;
  if (typeof raw.isUnitHead === 'boolean') isUnitHead = raw.isUnitHead;
  else if (raw.isUnitHead !== undefined && raw.isUnitHead !== null) {
    // Text or a number from a spreadsheet cell; anything else (an object, a list) is not a yes/no.
    const v = raw.isUnitHead;
    const t = typeof v === 'string' || typeof v === 'number' ? String(v).trim().toLowerCase() : null;
    if (t !== null && ['true', '1', 'ya', 'yes'].includes(t)) isUnitHead = true;
    else if (t === null || !['false', '0', 'tidak', 'no', ''].includes(t)) bad('isUnitHead', 'must be true or false');
  }
  const tmt = str(raw.tmt);
  if (!tmt || !isIsoDate(tmt)) bad('tmt', 'must be a date YYYY-MM-DD');
  const givenFrom = blankToNull(str(raw.effectiveFrom));
  if (givenFrom !== null && !isIsoDate(givenFrom)) bad('effectiveFrom', 'must be a date YYYY-MM-DD');
  const personal = personalFromFlat(raw, (key, problem) => bad(key, problem));

  // A missing value was reported above; the null checks only narrow the types.
  if (errors.length > before) return null;
  if (nip === null || name === null || golongan === null || unitCode === null || title === null) return null;
  if (kind === null || tmt === null) return null;
  return {
    row,
    nip,
    name,
    status: status as 'PNS' | 'PPPK',
    golongan,
    unitCode,
    supervisorNip,
    password,
    title,
    kind,
    jenjang,
    kelasJabatan: kelas,
    isUnitHead,
    tmt,
    effectiveFrom: givenFrom ?? tmt,
    personal,
  };
}
