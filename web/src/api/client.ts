import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { toApiError } from './errors';
import { session } from '../auth/session-store';

/**
 * The typed client generated from the API's OpenAPI document (src/api/schema.d.ts, `npm run openapi:types`).
 * Same origin as the API; the bearer token comes from the session; a 401 on an authenticated call ends
 * the session (expired token) so the router sends the person to Masuk and back.
 */
const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) return response;
    if (response.status === 401 && request.headers.has('authorization')) session.expire();
    const body = await response
      .clone()
      .json()
      .catch(() => ({}));
    throw toApiError(response.status, body, response.headers.get('x-correlation-id'));
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** Downloads a file the API serves behind the bearer token (DEKP, PAK) and opens the browser's save. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => ({})), res.headers.get('x-correlation-id'));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
