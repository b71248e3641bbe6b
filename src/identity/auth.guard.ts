import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../common/domain-errors';
import { RequestContext } from '../common/request-context';
import { AccountStateCache } from './account-state';
import { ApiKeyService } from './api-key.service';
import { HIDDEN_FROM_OTHERS, IS_PUBLIC, KEY_SCOPES, ROLES } from './auth.decorators';
import { ApiKeyScope, AuthenticatedRequest, Principal } from './principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unauthorized = () => new UnauthenticatedError('Perlu autentikasi / authentication required');

export interface JwtClaims {
  sub: string;
  nip: string;
  role: 'ADMIN' | 'EMPLOYEE';
  emp: string | null;
  /** The account's token version when the token was issued. */
  ver: number;
  exp?: number;
}

/** Tokens are HS256 only (an attacker must not pick the algorithm) and must expire. */
export const JWT_ALGORITHM = 'HS256' as const;

/**
 * The single authentication + coarse authorisation gate (global). Fine-grained "who may see
 * which employee" lives in AccessPolicy, called by services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly apiKeys: ApiKeyService,
    private readonly accounts: AccountStateCache,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(req.headers as Record<string, string | undefined>);
    if (!principal) throw unauthorized();
    req.principal = principal;
    const store = RequestContext.current();
    if (store) store.principal = principal;

    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, targets);
    const scopes = this.reflector.getAllAndOverride<ApiKeyScope[] | undefined>(KEY_SCOPES, targets);
    if (principal.kind === 'apiKey') {
      if (!scopes || !scopes.some((s) => principal.scopes.includes(s)))
        throw new ForbiddenError('Kunci API tidak memiliki izin untuk ini / API key scope does not allow this');
      return true;
    }
    if (roles && !roles.includes(principal.role))
      throw this.reflector.getAllAndOverride<boolean>(HIDDEN_FROM_OTHERS, targets)
        ? new NotFoundError()
        : new ForbiddenError();
    return true;
  }

  async authenticate(headers: Record<string, string | undefined>): Promise<Principal | null> {
    const key = headers['x-api-key'];
    if (key) return this.apiKeys.authenticate(key);
    const auth = headers['authorization'];
    if (!auth?.startsWith('Bearer ')) return null;
    let claims: JwtClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims>(auth.slice(7), { algorithms: [JWT_ALGORITHM] });
    } catch {
      return null;
    }
    if (
      typeof claims.exp !== 'number' ||
      typeof claims.sub !== 'string' ||
      !UUID.test(claims.sub) ||
      typeof claims.ver !== 'number'
    )
      return null;
    // The token must still describe the account as it is now: existing, enabled, same role, not revoked.
    const account = await this.accounts.get(claims.sub);
    if (!account || account.disabled || account.role !== claims.role || account.tokenVersion !== claims.ver)
      return null;
    return {
      kind: 'user',
      accountId: account.id,
      nip: account.nip,
      role: account.role,
      employeeId: account.employeeId,
    };
  }
}
