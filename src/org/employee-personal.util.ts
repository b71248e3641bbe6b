import { fromNip } from '../agency/document-format';
import { isCalendarDate } from '../common/dates';
import { EDUCATION_LEVELS, EducationLevel } from './org.enums';

/**
 * Personal data an official document needs beyond the NIP (PerBKN 3/2023 Lampiran II: KETERANGAN
 * PERORANGAN). Birth date and gender are never stored: they are read from the NIP.
 */
export interface EmployeePersonalFields {
  birthPlace: string | null;
  karpegNumber: string | null;
  tmtPangkat: string | null;
  education: { level: EducationLevel; name: string | null } | null;
  /** Masa kerja golongan as recorded on `asOf` (from the SK pangkat or the last mutation). */
  masaKerjaGolongan: { years: number; months: number; asOf: string } | null;
}

export interface EmployeePersonal extends EmployeePersonalFields {
  /** From the NIP (digits 1–8); null when they are not a calendar date. */
  birthDate: string | null;
  /** From the NIP (digit 15: 1 = laki-laki, 2 = perempuan). */
  gender: 'LAKI_LAKI' | 'PEREMPUAN' | null;
}

export const PERSONAL_KEYS = ['birthPlace', 'karpegNumber', 'tmtPangkat', 'education', 'masaKerjaGolongan'] as const;
export type PersonalKey = (typeof PERSONAL_KEYS)[number];

export const EMPTY_PERSONAL: EmployeePersonalFields = {
  birthPlace: null,
  karpegNumber: null,
  tmtPangkat: null,
  education: null,
  masaKerjaGolongan: null,
};

/** Nomor Seri KARPEG as printed on the card: letters, digits, spaces, dots, slashes, hyphens. */
export const KARPEG = /^[A-Za-z0-9][A-Za-z0-9 ./-]{0,29}$/;

export function withNipFacts(nip: string, f: EmployeePersonalFields): EmployeePersonal {
  const n = fromNip(nip);
  return {
    ...f,
    birthDate: n.birthDate,
    gender: n.gender === 'Laki-laki' ? 'LAKI_LAKI' : n.gender === 'Perempuan' ? 'PEREMPUAN' : null,
  };
}

/** Flat cells (import files) → personal fields; every problem is reported with the flat key. */
export interface FlatPersonal {
  birthPlace?: unknown;
  karpegNumber?: unknown;
  tmtPangkat?: unknown;
  educationLevel?: unknown;
  educationName?: unknown;
  mkgYears?: unknown;
  mkgMonths?: unknown;
  mkgAsOf?: unknown;
}

const text = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'number'
      ? String(v)
      : typeof v === 'string'
        ? v.trim() || null
        : null;

/**
 * Checks the personal cells of one import row and returns the fields the row carries (a column or
 * key that is absent keeps what is stored; a blank cell or null means "not recorded"). A masa kerja
 * golongan needs all three of years, months and the date they hold on.
 */
export function personalFromFlat(
  raw: FlatPersonal,
  bad: (key: keyof FlatPersonal, problem: string) => void,
): Partial<EmployeePersonalFields> {
  const out: Partial<EmployeePersonalFields> = {};
  const given = (...ks: (keyof FlatPersonal)[]) => ks.some((k) => raw[k] !== undefined);
  if (given('birthPlace')) out.birthPlace = null;
  if (given('karpegNumber')) out.karpegNumber = null;
  if (given('tmtPangkat')) out.tmtPangkat = null;
  if (given('educationLevel', 'educationName')) out.education = null;
  if (given('mkgYears', 'mkgMonths', 'mkgAsOf')) out.masaKerjaGolongan = null;
  const keys: (keyof FlatPersonal)[] = [
    'birthPlace',
    'karpegNumber',
    'tmtPangkat',
    'educationLevel',
    'educationName',
    'mkgYears',
    'mkgMonths',
    'mkgAsOf',
  ];
  for (const k of keys) {
    const v = raw[k];
    if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number')
      bad(k, 'must be a string or a number');
  }
  const place = text(raw.birthPlace);
  if (place !== null) {
    if (place.length < 2 || place.length > 100) bad('birthPlace', 'must be 2–100 characters');
    else out.birthPlace = place;
  }
  const karpeg = text(raw.karpegNumber);
  if (karpeg !== null) {
    if (!KARPEG.test(karpeg))
      bad('karpegNumber', 'nomor seri KARPEG: huruf, angka, spasi, . / - (≤ 30) / letters, digits, space . / -');
    else out.karpegNumber = karpeg;
  }
  const tmt = text(raw.tmtPangkat);
  if (tmt !== null) {
    if (!isCalendarDate(tmt)) bad('tmtPangkat', 'must be a date YYYY-MM-DD');
    else out.tmtPangkat = tmt;
  }
  const level = text(raw.educationLevel);
  const eduName = text(raw.educationName);
  if (level !== null && !(EDUCATION_LEVELS as readonly string[]).includes(level))
    bad('educationLevel', `must be one of ${EDUCATION_LEVELS.join(', ')}`);
  else if (level === null && eduName !== null) bad('educationLevel', 'required when educationName is given');
  else if (eduName !== null && (eduName.length < 2 || eduName.length > 200))
    bad('educationName', 'must be 2–200 characters');
  else if (level !== null) out.education = { level: level as EducationLevel, name: eduName };
  const [y, m, asOf] = [text(raw.mkgYears), text(raw.mkgMonths), text(raw.mkgAsOf)];
  if (y !== null || m !== null || asOf !== null) {
    const years = y !== null && /^\d{1,2}$/.test(y) && Number(y) <= 60 ? Number(y) : null;
    const months = m !== null && /^\d{1,2}$/.test(m) && Number(m) <= 11 ? Number(m) : null;
    const date = asOf !== null && isCalendarDate(asOf) ? asOf : null;
    if (years === null) bad('mkgYears', 'masa kerja golongan: whole years 0–60 (with mkgMonths and mkgAsOf)');
    if (months === null) bad('mkgMonths', 'masa kerja golongan: whole months 0–11 (with mkgYears and mkgAsOf)');
    if (date === null)
      bad('mkgAsOf', 'the date the masa kerja golongan holds on, YYYY-MM-DD (with mkgYears and mkgMonths)');
    if (years !== null && months !== null && date !== null) out.masaKerjaGolongan = { years, months, asOf: date };
  }
  return out;
}
