import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, Principal } from './principal';

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  // Routes that take the principal are behind the auth guard, which set it before any handler runs.
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal as Principal;
});
