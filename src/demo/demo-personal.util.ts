import type { EmployeePersonalFields } from '../org/employee-personal.util';
import type { EducationLevel } from '../org/org.enums';
import type { DemoEmployee } from './demo-agency.util';

const TOWNS = ['Contoh', 'Bandung', 'Semarang', 'Yogyakarta', 'Surabaya', 'Makassar', 'Padang', 'Medan'];
const STUDIES = ['Administrasi Publik', 'Kesehatan Masyarakat', 'Manajemen', 'Hukum', 'Ilmu Komputer', 'Akuntansi'];

/** The education a golongan usually starts from (PP 99/2000 entry levels): IV → S2, III → S1, II → D3, I → SMA. */
function education(e: DemoEmployee, i: number): EmployeePersonalFields['education'] {
  const g = e.golongan;
  const level: EducationLevel =
    e.status === 'PPPK'
      ? 'S1'
      : g.startsWith('IV')
        ? 'S2'
        : g.startsWith('III')
          ? 'S1'
          : g.startsWith('II')
            ? 'D3'
            : 'SMA';
  return { level, name: level === 'SMA' ? null : `${level} ${STUDIES[i % STUDIES.length]}` };
}

/**
 * Personal data of a demo employee for the PAK (tempat lahir, KARPEG, TMT pangkat, pendidikan,
 * masa kerja golongan), deterministic from its place in the list and its NIP (TMT CPNS = digits 9–14).
 */
export function demoPersonal(e: DemoEmployee, i: number, asOf: string): EmployeePersonalFields {
  const pns = e.status === 'PNS';
  const cpnsYear = Number(e.nip.slice(8, 12));
  const cpnsMonth = Number(e.nip.slice(12, 14));
  const served = (Number(asOf.slice(0, 4)) - cpnsYear) * 12 + (Number(asOf.slice(5, 7)) - cpnsMonth);
  return {
    birthPlace: TOWNS[i % TOWNS.length],
    karpegNumber: pns ? `N ${String(100000 + i * 7919).slice(0, 6)}` : null,
    tmtPangkat: pns ? `${Number(asOf.slice(0, 4)) - 1 - (i % 3)}-04-01` : null,
    education: education(e, i),
    masaKerjaGolongan: pns && served >= 0 ? { years: Math.floor(served / 12), months: served % 12, asOf } : null,
  };
}
