import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = { requestBody?: unknown; security?: Record<string, string[]>[]; responses: Record<string, unknown> };

const ERROR_REF = { $ref: '#/components/schemas/ErrorBodyDto' };

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (body, query or path); `details` names each field and its problem',
  401: 'Missing, invalid or expired credentials',
  403: 'Authenticated, but the account role or API key scope does not allow this route',
  404: 'Not found (the resource or a record the body names), or not visible to the caller (the access policy answers 404 rather than 403)',
  409: 'Conflicts with the current state (duplicate, wrong status for this step, window closed)',
  413: 'The body is larger than the server accepts',
  415: 'The body is not of a content type this route reads',
  422: 'Well-formed but breaks a business rule (e.g. distribution violations without justification)',
  429: 'Too many requests; retry after the `retry-after` header',
  503: 'A dependency is down',
};

/**
 * Which error statuses a route can answer, from what the document already says about it: every
 * authenticated route may meet a missing record (404, also for records referenced in the body), a
 * state that forbids the step (409) or a business rule (422); a route with a body may get one too
 * large (413) or of a type it does not read (415).
 */
function statusesFor(op: Operation): number[] {
  const out: number[] = [400];
  const isPublic = Array.isArray(op.security) && op.security.every((r) => Object.keys(r).length === 0);
  if (!isPublic) out.push(401, 403, 404, 409, 422);
  if (op.requestBody) out.push(413, 415);
  // Statuses a route declares itself (e.g. 429 of a throttled route, 401 of the login).
  for (const s of Object.keys(op.responses).map(Number)) if (s >= 400 && !out.includes(s)) out.push(s);
  return out.sort();
}

/**
 * Declares the contract's error responses on every operation, once for the whole API instead of a
 * decorator per route. A route adds a status by declaring it (e.g. `@ApiTooManyRequestsResponse`);
 * its description and schema are then normalised here like the others (so is 503 of the health check,
 * whose body adds the failing checks).
 */
export function declareErrorResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const raw of Object.values(item)) {
      if (!raw || typeof raw !== 'object' || !('responses' in raw)) continue;
      const op = raw as Operation;
      // @Public() routes: an empty requirement list overrides the document-wide bearer / api-key one.
      if (op.security?.every((r) => Object.keys(r).length === 0)) op.security = [];
      for (const status of statusesFor(op)) {
        const existing = op.responses[String(status)] as { description?: string } | undefined;
        op.responses[String(status)] = {
          description:
            existing?.description && existing.description !== '' ? existing.description : DESCRIPTIONS[status],
          content: { 'application/json': { schema: ERROR_REF } },
        };
      }
    }
  }
}
