export type ApiKeyScope = 'payroll:read' | 'attendance:write' | 'siasn:read';
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['payroll:read', 'attendance:write', 'siasn:read'];

/** Who is calling: a person (by account) or a machine (by API key). */
export type Principal =
  | { kind: 'user'; accountId: string; nip: string; role: 'ADMIN' | 'EMPLOYEE'; employeeId: string | null }
  | { kind: 'apiKey'; keyId: string; name: string; scopes: ApiKeyScope[] };

export function actorLabel(p: Principal | undefined): { actor: string; actorKind: string } {
  if (!p) return { actor: 'system', actorKind: 'SYSTEM' };
  if (p.kind === 'user') return { actor: p.nip, actorKind: p.role };
  return { actor: `key:${p.keyId}`, actorKind: 'API_KEY' };
}

/** The HTTP request as the auth guard leaves it: the principal it authenticated. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

export const isAdmin = (p: Principal | undefined): boolean => p?.kind === 'user' && p.role === 'ADMIN';
