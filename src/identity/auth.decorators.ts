import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { ApiKeyScope } from './principal';

export const IS_PUBLIC = 'skp:public';
export const ROLES = 'skp:roles';
export const KEY_SCOPES = 'skp:key-scopes';
export const HIDDEN_FROM_OTHERS = 'skp:hidden-from-others';

/** No authentication needed (the OpenAPI document shows the route without a security requirement). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));
/** Only people with one of these account roles (API keys are refused unless @KeyScopes allows them). */
export const Roles = (...roles: ('ADMIN' | 'EMPLOYEE')[]) => SetMetadata(ROLES, roles);
/** API keys with one of these scopes may call this route. */
export const KeyScopes = (...scopes: ApiKeyScope[]) => SetMetadata(KEY_SCOPES, scopes);
/**
 * ADMIN only, and invisible to everyone else: other people get 404 (as for records they may not
 * see), not 403 — the office's lists and reports do not reveal that they exist.
 */
export const AdminOnly = () => applyDecorators(SetMetadata(ROLES, ['ADMIN']), SetMetadata(HIDDEN_FROM_OTHERS, true));
