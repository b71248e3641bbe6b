import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { requestTarget, TargetRefused, targetRules, type TargetRules } from '../webhooks/webhook-targets';
import { SiasnSettings } from './siasn-settings';

/** One answer of SIASN: HTTP status, parsed JSON (null when not JSON), raw text and how long it took. */
export interface SiasnAnswer {
  status: number;
  json: unknown;
  text: string;
  durationMs: number;
}

/**
 * SIASN could not be reached or would not authenticate: `NETWORK` (no answer, timeout, refused
 * connection: worth retrying), `REFUSED` (the target is an internal address not allowed: not retried),
 * `AUTH` (the token endpoints refused the credentials or answered nonsense: retried, then an operator
 * looks at the configuration).
 */
export class SiasnTransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'NETWORK' | 'REFUSED' | 'AUTH',
  ) {
    super(message);
  }
}

export interface SiasnRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under SIASN_BASE_URL, e.g. `/skp22/save`. */
  path: string;
  json?: unknown;
  /** A multipart body (documents): text fields and one file. */
  multipart?: { fields: Record<string, string>; file: { name: string; contentType: string; data: Buffer } };
}

interface Tokens {
  wso2: string;
  sso: string;
  expiresAt: number;
}

/** SHA-256 of a request (method, path, body; a multipart body's fields and file bytes) as logged with each attempt. */
export function requestHash(r: SiasnRequest): string {
  const file = r.multipart ? createHash('sha256').update(r.multipart.file.data).digest('hex') : '';
  const body =
    r.json !== undefined ? JSON.stringify(r.json) : r.multipart ? `${JSON.stringify(r.multipart.fields)}\n${file}` : '';
  return createHash('sha256').update(`${r.method} ${r.path}\n${body}`).digest('hex');
}

/**
 * The HTTP client for SIASN (spec 04 §8.1): the WSO2 gateway token (client credentials) and the SSO
 * token (password grant), sent as `Authorization: Bearer <wso2>` and `Auth: bearer <sso>`; tokens kept
 * until shortly before they expire; a 401 refreshes both tokens once and repeats the call. Every call
 * (tokens too) has a timeout (`SIASN_TIMEOUT_MS`) and goes through the outbound guard: loopback,
 * private, link-local and reserved addresses are refused unless the host is in `SIASN_ALLOWED_HOSTS`
 * (checked at connect time as well, against DNS rebinding); redirects are not followed.
 */
@Injectable()
export class SiasnClient {
  private tokens: Tokens | null = null;
  private fetching: Promise<Tokens> | null = null;
  private readonly rules: TargetRules;

  constructor(
    private readonly settings: SiasnSettings,
    config: AppConfig,
  ) {
    this.rules = targetRules(config.get('NODE_ENV'), settings.transport.allowedHosts.join(','));
  }

  /** Calls SIASN; answers whatever status SIASN gave (after at most one token refresh on 401). */
  async call(r: SiasnRequest): Promise<SiasnAnswer> {
    const started = Date.now();
    let tokens = await this.currentTokens();
    let answer = await this.send(r, tokens);
    if (answer.status === 401) {
      tokens = await this.refresh(tokens);
      answer = await this.send(r, tokens);
    }
    return { ...answer, durationMs: Date.now() - started };
  }

  /** Forgets the tokens (the next call fetches new ones). */
  reset(): void {
    this.tokens = null;
  }

  private async send(r: SiasnRequest, t: Tokens): Promise<Omit<SiasnAnswer, 'durationMs'>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${t.wso2}`,
      auth: `bearer ${t.sso}`,
      accept: 'application/json',
    };
    let body: string | Buffer | undefined;
    if (r.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(r.json);
    } else if (r.multipart) {
      const boundary = `----skp${randomUUID().replace(/-/g, '')}`;
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      body = multipartBody(boundary, r.multipart);
    }
    const { status, text } = await this.request(`${this.settings.transport.baseUrl}${r.path}`, r.method, headers, body);
    return { status, text, json: parseJson(text) };
  }

  private async currentTokens(): Promise<Tokens> {
    if (this.tokens && this.tokens.expiresAt > Date.now()) return this.tokens;
    return this.refresh(this.tokens);
  }

  /** New tokens, unless another call already replaced the stale ones (one handshake at a time). */
  private async refresh(stale: Tokens | null): Promise<Tokens> {
    if (this.tokens && this.tokens !== stale && this.tokens.expiresAt > Date.now()) return this.tokens;
    if (!this.fetching)
      this.fetching = this.handshake().finally(() => {
        this.fetching = null;
      });
    this.tokens = await this.fetching;
    return this.tokens;
  }

  private async handshake(): Promise<Tokens> {
    const t = this.settings.transport;
    const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const wso2 = await this.request(
      t.wso2TokenUrl,
      'POST',
      { ...form, authorization: `Basic ${Buffer.from(`${t.consumerKey}:${t.consumerSecret}`).toString('base64')}` },
      new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    );
    const sso = await this.request(
      t.ssoTokenUrl,
      'POST',
      form,
      new URLSearchParams({
        grant_type: 'password',
        client_id: t.ssoClientId,
        username: t.ssoUsername,
        password: t.ssoPassword,
      }).toString(),
    );
    const a = tokenOf(wso2, 'WSO2');
    const b = tokenOf(sso, 'SSO');
    // Refresh a minute early; never keep a token longer than its shorter lifetime.
    const seconds = Math.min(a.expiresIn, b.expiresIn);
    return { wso2: a.token, sso: b.token, expiresAt: Date.now() + Math.max(0, seconds - 60) * 1000 };
  }

  private async request(
    url: string,
    method: string,
    headers: Record<string, string>,
    body?: string | Buffer,
  ): Promise<{ status: number; text: string }> {
    const ms = this.settings.transport.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    // A deadline on the whole call (name resolution and connecting included), beside the socket timeout.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`no answer from ${new URL(url).host} within ${ms} ms`));
      }, ms + 500);
    });
    try {
      return await Promise.race([requestTarget(url, { method, headers, body }, this.rules, ms), deadline]);
    } catch (err) {
      const message = (err as Error).message;
      if (err instanceof TargetRefused || /loopback, private, link-local/.test(message))
        throw new SiasnTransportError(`SIASN target refused: ${message}`, 'REFUSED');
      throw new SiasnTransportError(`SIASN not reachable: ${message}`, 'NETWORK');
    } finally {
      clearTimeout(timer);
    }
  }
}

function tokenOf(answer: { status: number; text: string }, which: string): { token: string; expiresIn: number } {
  const json = parseJson(answer.text) as { access_token?: unknown; expires_in?: unknown } | null;
  if (answer.status !== 200 || !json || typeof json.access_token !== 'string')
    throw new SiasnTransportError(
      `${which} token refused (HTTP ${answer.status}): ${answer.text.slice(0, 200)}`,
      'AUTH',
    );
  const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 300;
  return { token: json.access_token, expiresIn };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function multipartBody(boundary: string, m: NonNullable<SiasnRequest['multipart']>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(m.fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${m.file.name}"\r\nContent-Type: ${m.file.contentType}\r\n\r\n`,
    ),
    m.file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}
