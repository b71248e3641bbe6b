import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { NoRouteFallback } from '../common/http-exception.filter';

/** web/dist next to the repository root (src/bootstrap in tests, dist/bootstrap when built). */
export const DEFAULT_CONSOLE_DIR = resolve(__dirname, '..', '..', 'web', 'dist');

/** The placeholder Vite writes into index.html (`html.cspNonce` in web/vite.config.ts); replaced per response. */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The console's policy: scripts only from this origin, no inline script at all. Mantine writes `<style>`
 * elements at run time (its CSS variables, responsive style props); they carry the per-response nonce
 * (MantineProvider `getStyleNonce`), so `'unsafe-inline'` is not needed for styles either.
 */
export function consoleCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Paths that are never console pages: the API, the queue board, built assets, and anything with a file extension. */
function isConsolePage(path: string): boolean {
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/admin/queues') || path.startsWith('/assets/'))
    return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * Serves the built console: `/` and deep links get index.html (no-cache, per-response CSP nonce),
 * `/assets/*` the content-hashed files (cached for a year, immutable). Returns null when the console
 * has not been built (the API still runs; `/` then answers the JSON 404).
 */
export async function registerConsole(
  fastify: FastifyInstance,
  dir = DEFAULT_CONSOLE_DIR,
): Promise<NoRouteFallback | null> {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const template = readFileSync(indexFile, 'utf8');

  const sendIndex = (reply: FastifyReply): FastifyReply => {
    const nonce = randomBytes(16).toString('base64');
    // No ETag/Last-Modified: a 304 would pair the cached body's nonce with a new header.
    return reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', consoleCsp(nonce))
      .send(template.replaceAll(NONCE_PLACEHOLDER, nonce));
  };

  if (existsSync(join(dir, 'assets')))
    await fastify.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/assets/',
      // One route per file found at start: a missing asset is a plain 404, never index.html.
      wildcard: false,
      index: false,
      decorateReply: false,
      etag: true,
      lastModified: false,
      maxAge: '365d',
      immutable: true,
    });
  fastify.get('/', (_req, reply) => sendIndex(reply));

  // A GET/HEAD that matched no route and names a console page: index.html (SPA deep links).
  return (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (!isConsolePage(req.url.split('?')[0])) return false;
    void sendIndex(reply);
    return true;
  };
}
