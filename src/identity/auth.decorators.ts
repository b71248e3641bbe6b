import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope } from './principal';

export const IS_PUBLIC = 'skp:public';
export const ROLES = 'skp:roles';
export const KEY_SCOPES = 'skp:key-scopes';

/** No authentication needed. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only people with one of these account roles (API keys are refused unless @KeyScopes allows them). */
export const Roles = (...roles: ('ADMIN' | 'EMPLOYEE')[]) => SetMetadata(ROLES, roles);
/** API keys with one of these scopes may call this route. */
export const KeyScopes = (...scopes: ApiKeyScope[]) => SetMetadata(KEY_SCOPES, scopes);
