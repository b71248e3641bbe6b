/**
 * Employee statuses, position kinds, JF jenjang, PNS golongan ruang I/a … IV/e and PPPK grades I … XVII: the
 * rules library's lists (the rules are their source of truth), under the names the org API uses.
 */
import {
  EMPLOYEE_STATUSES,
  GOLONGANS as GOLONGAN_PNS,
  JENJANGS as JENJANG,
  POSITION_KINDS,
  PPPK_GRADES as GOLONGAN_PPPK,
  type EmployeeStatus,
  type Jenjang as JenjangJf,
  type PositionKind,
} from '../rules/common/enums';

export { EMPLOYEE_STATUSES, GOLONGAN_PNS, GOLONGAN_PPPK, JENJANG, POSITION_KINDS };
export type { EmployeeStatus, JenjangJf, PositionKind };

/** Every golongan an employee may hold: PNS golongan ruang, then PPPK grades. */
export const GOLONGAN = [...GOLONGAN_PNS, ...GOLONGAN_PPPK] as const;

/** Pangkat names printed on official documents. */
export const PANGKAT_NAME: Record<string, string> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

/** Employee events of spec 04 §1.2 accepted by PATCH /employees/{nip}. */
export const EMPLOYEE_EVENTS = [
  'MUTASI',
  'PROMOSI',
  'DEMOSI',
  'PPK_CHANGE',
  'PLT_START',
  'PLT_END',
  'PENSIUN',
  'BERHENTI',
  'MENINGGAL',
  'CLTN',
  'TUGAS_BELAJAR',
  'CPNS_START',
  'PNS_START',
] as const;
export type EmployeeEvent = (typeof EMPLOYEE_EVENTS)[number];

/** Levels of formal education (jenjang pendidikan) as recorded for the PAK's "Pendidikan". */
export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
