import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONSOLE_DIR } from '../../src/bootstrap/console-static';
import { createTestApp, HttpResult, TestApp } from '../support/test-app';

/** The API process serves the built console (web/dist, built by ./scripts/test) at `/` beside the API. */
describe('console served by the API: static files, SPA fallback, cache headers, CSP', () => {
  let t: TestApp;

  function expectJsonError(r: HttpResult, status: number) {
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(r.body).toEqual(
      expect.objectContaining({ statusCode: status, message: expect.any(String), correlationId: expect.any(String) }),
    );
  }
  function expectIndex(r: HttpResult) {
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.text).toContain('<div id="root"></div>');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('etag')).toBeNull();
  }

  beforeAll(async () => {
    expect(existsSync(join(DEFAULT_CONSOLE_DIR, 'index.html'))).toBe(true);
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers / with index.html under a CSP without inline script, its style nonce fresh per response', async () => {
    const first = await t.request('GET', '/');
    expectIndex(first);
    const csp = first.headers.get('content-security-policy')!;
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(directives['style-src'].join(' '))![1];
    expect(first.text).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
    expect(first.text).not.toContain('__CSP_NONCE__');
    // No inline <script> in the page itself: every script has a src on this origin.
    for (const tag of first.text.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/src="\/assets\//);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-frame-options')).toBe('SAMEORIGIN');

    const second = await t.request('GET', '/');
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
  });

  it('answers a deep link (and HEAD) with index.html, but never an API path, an asset or a non-GET', async () => {
    expectIndex(await t.request('GET', '/evaluasi'));
    expectIndex(await t.request('GET', '/tim-saya/198901012015031001?tahun=2026'));
    const head = await t.request('HEAD', '/angka-kredit');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toContain("script-src 'self'");

    expectJsonError(await t.request('GET', '/api/v1/nope'), 404);
    expectJsonError(await t.request('GET', '/api'), 404);
    expectJsonError(await t.request('GET', '/assets/index-missing.js'), 404);
    expectJsonError(await t.request('GET', '/favicon.ico'), 404);
    expectJsonError(await t.request('POST', '/evaluasi', { body: {} }), 404);
  });

  it('serves a hashed asset with a year-long immutable cache', async () => {
    const index = await t.request('GET', '/');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)![1];
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(index.text)![1];
    const js = await t.request('GET', script);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const style = await t.request('GET', css);
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toMatch(/text\/css/);
    expect(style.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps 405 with Allow for known paths, the JSON 404, the API docs and the queue board', async () => {
    const del = await t.request('DELETE', '/api/v1/auth/login');
    expectJsonError(del, 405);
    expect(del.headers.get('allow')).toBe('POST');
    const getLogin = await t.request('GET', '/api/v1/auth/login');
    expectJsonError(getLogin, 405);
    expect(getLogin.headers.get('allow')).toBe('POST');
    const postRoot = await t.request('POST', '/', { body: {} });
    expectJsonError(postRoot, 405);
    expect(postRoot.headers.get('allow')).toBe('GET, HEAD');

    const docs = await t.request('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
    expect(docs.text).not.toContain('id="root"');
    expect((await t.request('GET', '/api/docs-json')).body.openapi).toMatch(/^3\./);
    const board = await t.request('GET', '/admin/queues');
    expectJsonError(board, 401);
  });
});
