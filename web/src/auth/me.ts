import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useSession } from './useSession';
import type { components } from '../api/schema';

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
  /** Plt delegations naming this person as the acting official this year (an ACTING SKP each). */
  plt: PltDelegation[];
}

export interface PltDelegation {
  delegationId: string;
  nip: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

type MeView = components['schemas']['MeView'];

/** GET /me: the relations on today's date (Asia/Jakarta) come from the API's access policy. */
async function loadMe(): Promise<Me> {
  const { data } = await api.GET('/api/v1/me', { params: { query: {} } });
  const v = data as MeView;
  const emp = v.employee;
  return {
    nip: v.account.nip,
    name: emp?.name ?? null,
    role: v.account.role,
    isEmployee: v.roles.includes('EMPLOYEE'),
    isAdmin: v.roles.includes('ADMIN'),
    isPpk: v.roles.includes('PPK'),
    isAtasanPpk: v.roles.includes('ATASAN_PPK'),
    unitCode: emp?.unitCode ?? null,
    unitName: emp?.unitName ?? null,
    positionTitle: emp?.position.title ?? null,
    ppkNip: v.ppk?.nip ?? null,
    atasanPpkNip: v.atasanPpk?.nip ?? null,
    plt: v.plt ?? [],
  };
}

export function useMe() {
  const { token } = useSession();
  return useQuery({ queryKey: ['me', token], queryFn: loadMe, enabled: !!token, staleTime: 5 * 60_000 });
}
