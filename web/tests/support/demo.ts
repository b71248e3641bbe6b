import { createRequire } from 'node:module';

/** The demo agency the browser tier runs on (seeded by ./scripts/test with `cli seed-demo`). */
const require = createRequire(import.meta.url);
const agency = require('../../../dist/demo/demo-agency.util.js') as {
  DEMO_EMPLOYEES: { key: string; nip: string; name: string }[];
  DEMO_EMPLOYEE_PASSWORD: string;
};

export const PASSWORD = agency.DEMO_EMPLOYEE_PASSWORD;
export function demo(key: string): { nip: string; name: string } {
  const e = agency.DEMO_EMPLOYEES.find((x) => x.key === key);
  if (!e) throw new Error(`no demo employee ${key}`);
  return e;
}

/** Who plays the journey: the desktop and phone runs use different teams so they do not meet. */
export interface Cast {
  employee: string;
  ppk: string;
  atasanPpk: string;
}
export const CASTS: Record<string, Cast> = {
  desktop: { employee: 'perawat-pertama', ppk: 'kasi-rujukan', atasanPpk: 'kabid-yankes' },
  phone: { employee: 'guru-pertama-2', ppk: 'kasi-ptk', atasanPpk: 'kabid-sd' },
};
