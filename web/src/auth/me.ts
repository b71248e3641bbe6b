import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useSession } from './useSession';
import type { EmployeeView } from '../api/types';

/** Who is signed in and what they are on today's date: what the navigation and the pages need. */
export interface Me {
  nip: string;
  name: string | null;
  role: 'ADMIN' | 'EMPLOYEE';
  /** Has an employee record (the BOOTSTRAP_ADMIN account may not). */
  isEmployee: boolean;
  isAdmin: boolean;
  /** Pejabat Penilai Kinerja of someone today. */
  isPpk: boolean;
  /** Atasan Pejabat Penilai Kinerja of someone today. */
  isAtasanPpk: boolean;
  unitCode: string | null;
  unitName: string | null;
  positionTitle: string | null;
  /** The person's own PPK and atasan PPK today. */
  ppkNip: string | null;
  atasanPpkNip: string | null;
}

interface Principal {
  kind: 'user';
  nip: string;
  role: 'ADMIN' | 'EMPLOYEE';
  employeeId: string | null;
}

async function loadMe(): Promise<Me> {
  const { data } = await api.GET('/api/v1/auth/me');
  const p = data as unknown as Principal;
  let emp: EmployeeView | null = null;
  if (p.employeeId) {
    const r = await api.GET('/api/v1/employees/{nip}', { params: { path: { nip: p.nip }, query: {} } });
    emp = r.data as unknown as EmployeeView;
  }
  // Until GET /me reports the relations, supervisors' positions stand for them (PPK of their reports).
  const kind = emp?.position.kind ?? '';
  const leads = kind.startsWith('JPT') || kind === 'ADMINISTRATOR' || kind === 'PENGAWAS' || !!emp?.position.isUnitHead;
  return {
    nip: p.nip,
    name: emp?.name ?? null,
    role: p.role,
    isEmployee: !!p.employeeId,
    isAdmin: p.role === 'ADMIN',
    isPpk: leads,
    isAtasanPpk: kind.startsWith('JPT') || kind === 'ADMINISTRATOR',
    unitCode: emp?.unitCode ?? null,
    unitName: emp?.unitName ?? null,
    positionTitle: emp?.position.title ?? null,
    ppkNip: emp?.ppkNip ?? null,
    atasanPpkNip: emp?.atasanPpkNip ?? null,
  };
}

export function useMe() {
  const { token } = useSession();
  return useQuery({ queryKey: ['me', token], queryFn: loadMe, enabled: !!token, staleTime: 5 * 60_000 });
}
