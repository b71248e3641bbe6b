import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { FakeKind, FakeSiasnStore } from './siasn-fake-store';

/**
 * One scripted answer: an HTTP status, SIASN's business error, an expired token (401 once), no answer,
 * or no answer after doing the work (`SAVE_AND_HANG`: the row is stored, the caller never hears it).
 */
export type FakeFault = { status: number } | { businessError: string } | 'EXPIRED_TOKEN' | 'HANG' | 'SAVE_AND_HANG';

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** One document the fake received (spec 04 §8.3 uploads). */
export interface FakeUpload {
  endpoint: '/upload-dok' | '/upload-dok-rw' | string;
  idRefDokumen: string;
  idRiwayat: string | null;
  fileName: string;
  contentType: string;
  sha256: string;
  size: number;
  data: Buffer;
  /** The path object answered. */
  path: Record<string, unknown>;
}

export const FAKE_CREDENTIALS = {
  consumerKey: 'fake-consumer-key',
  consumerSecret: 'fake-consumer-secret',
  ssoClientId: 'fake-sso-client',
  ssoUsername: 'operator-bkpsdm',
  ssoPassword: 'fake-sso-password',
};

const API = '/apisiasn/1.0';

/** Environment for the engine pointing at a fake SIASN on `url` (e.g. `http://127.0.0.1:8243`). */
export function fakeSiasnEnv(url: string): Record<string, string> {
  return {
    SIASN_BASE_URL: `${url}${API}`,
    SIASN_WSO2_TOKEN_URL: `${url}/oauth2/token`,
    SIASN_SSO_TOKEN_URL: `${url}/sso/token`,
    SIASN_CONSUMER_KEY: FAKE_CREDENTIALS.consumerKey,
    SIASN_CONSUMER_SECRET: FAKE_CREDENTIALS.consumerSecret,
    SIASN_SSO_CLIENT_ID: FAKE_CREDENTIALS.ssoClientId,
    SIASN_SSO_USERNAME: FAKE_CREDENTIALS.ssoUsername,
    SIASN_SSO_PASSWORD: FAKE_CREDENTIALS.ssoPassword,
  };
}
const SAVE: Record<string, [FakeKind, string]> = {
  '/skp22/save': ['skp22', 'rwSkpId'],
  '/kinerjaperiodik/save': ['kinerjaperiodik', 'rwKinerjaPeriodikId'],
  '/angkakredit/save': ['angkakredit', 'rwAngkaKreditId'],
};

/**
 * A fake SIASN for tests and demos (spec 04 §8): the WSO2 and SSO token handshake, the save, read,
 * delete and upload endpoints, steerable faults per path prefix, and a record of every request.
 */
export class FakeSiasn {
  readonly store = new FakeSiasnStore();
  readonly requests: FakeRequest[] = [];
  /** Documents received by `upload-dok` and `upload-dok-rw`, in order (failed or refused calls not included). */
  readonly uploads: FakeUpload[] = [];
  private readonly faults: { prefix: string; fault: FakeFault }[] = [];
  private readonly hung: ServerResponse[] = [];
  private wso2Tokens = new Set<string>();
  private ssoTokens = new Set<string>();
  private server: Server | null = null;
  url = '';

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(port, host, r));
    const a = this.server.address() as { port: number };
    this.url = `http://${host}:${a.port}`;
    return this;
  }

  /** Environment for the engine pointing at this fake. */
  env(): Record<string, string> {
    return fakeSiasnEnv(this.url);
  }

  /** The next requests whose path (under the API base, e.g. `/skp22/save`) starts with `prefix` get these answers, in order. */
  failNext(prefix: string, ...faults: FakeFault[]): void {
    for (const fault of faults) this.faults.push({ prefix, fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
    for (const r of this.hung.splice(0)) r.destroy();
  }

  /** Requests to an API path (under the base), e.g. saves('/skp22/save'). */
  calls(method: string, prefix: string): FakeRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(`${API}${prefix}`));
  }

  async close(): Promise<void> {
    this.clearFaults();
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
    this.server?.closeAllConnections();
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const body = raw.toString('latin1');
    const contentType = String(req.headers['content-type'] ?? '');
    const path = (req.url ?? '/').split('?')[0];
    this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body, at: Date.now() });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    };
    if (path === '/oauth2/token') return this.wso2Token(req, body, send);
    if (path === '/sso/token') return this.ssoToken(body, send);
    if (!path.startsWith(API)) return send(404, { message: 'not found' });
    const sub = path.slice(API.length);
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const sso = String(req.headers.auth ?? '').replace(/^bearer /i, '');
    if (!this.wso2Tokens.has(bearer) || !this.ssoTokens.has(sso)) return send(401, { message: 'Invalid Credentials' });
    const i = this.faults.findIndex((f) => sub.startsWith(f.prefix));
    if (i >= 0) {
      const [{ fault }] = this.faults.splice(i, 1);
      if (fault === 'HANG') return void this.hung.push(res);
      if (fault === 'SAVE_AND_HANG') {
        this.api(req.method ?? 'GET', sub, body, () => undefined, raw, contentType);
        return void this.hung.push(res);
      }
      if (fault === 'EXPIRED_TOKEN') {
        this.wso2Tokens.clear();
        this.ssoTokens.clear();
        return send(401, { message: 'token expired' });
      }
      if ('status' in fault) return send(fault.status, { message: `fake fault ${fault.status}` });
      return send(200, { success: false, message: fault.businessError, mapData: null });
    }
    return this.api(req.method ?? 'GET', sub, body, send, raw, contentType);
  }

  private wso2Token(req: IncomingMessage, body: string, send: (s: number, j: unknown) => void) {
    const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
    const form = new URLSearchParams(body);
    const ok =
      form.get('grant_type') === 'client_credentials' &&
      basic === `${FAKE_CREDENTIALS.consumerKey}:${FAKE_CREDENTIALS.consumerSecret}`;
    if (!ok) return send(401, { error: 'invalid_client' });
    const token = `wso2-${randomUUID()}`;
    this.wso2Tokens.add(token);
    return send(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
  }

  private ssoToken(body: string, send: (s: number, j: unknown) => void) {
    const f = new URLSearchParams(body);
    const ok =
      f.get('grant_type') === 'password' &&
      f.get('client_id') === FAKE_CREDENTIALS.ssoClientId &&
      f.get('username') === FAKE_CREDENTIALS.ssoUsername &&
      f.get('password') === FAKE_CREDENTIALS.ssoPassword;
    if (!ok) return send(401, { error: 'invalid_grant' });
    const token = `sso-${randomUUID()}`;
    this.ssoTokens.add(token);
    return send(200, { access_token: token, token_type: 'bearer', expires_in: 3600 });
  }

  private api(
    method: string,
    sub: string,
    body: string,
    send: (s: number, j: unknown) => void,
    raw: Buffer = Buffer.alloc(0),
    contentType = '',
  ) {
    const s = this.store;
    if (method === 'POST' && SAVE[sub]) {
      const [kind, idKey] = SAVE[sub];
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return send(400, { success: false, message: 'invalid JSON' });
      }
      const row = s.save(kind, parsed);
      if (!row) return send(200, { success: false, message: 'PNS tidak ditemukan', mapData: null });
      return send(200, { success: true, message: 'Data berhasil disimpan', mapData: { [idKey]: row.id } });
    }
    let m = /^\/pns\/data-utama\/(\d{18})$/.exec(sub);
    if (method === 'GET' && m) {
      const d = s.dataUtama(m[1]);
      return d ? send(200, { code: 1, data: d }) : send(200, { code: 0, data: 'Data tidak ditemukan' });
    }
    m = /^\/pns\/rw-jabatan\/(\d{18})$/.exec(sub);
    if (method === 'GET' && m) {
      const d = s.rwJabatanView(m[1]);
      return d ? send(200, { code: 1, data: d }) : send(200, { code: 0, data: 'Data tidak ditemukan' });
    }
    m = /^\/pns\/rw-(skp22|kinerjaperiodik|angkakredit)\/(\d{18})$/.exec(sub);
    if (method === 'GET' && m)
      return send(200, { code: 1, data: s.list(m[1] as FakeKind, m[2]).map((r) => s.readView(r)) });
    m = /^\/(skp22|angkakredit)\/id\/([\w-]+)$/.exec(sub);
    if (method === 'GET' && m) {
      const r = s.rows.get(m[2]);
      return r ? send(200, { code: 1, data: s.readView(r) }) : send(200, { code: 0, data: null });
    }
    m = /^\/(kinerjaperiodik|angkakredit)\/delete\/([\w-]+)$/.exec(sub);
    if (method === 'DELETE' && m) {
      const ok = s.rows.delete(m[2]);
      return send(200, { success: ok, message: ok ? 'Data berhasil dihapus' : 'Data tidak ditemukan' });
    }
    if (method === 'POST' && (sub === '/upload-dok' || sub === '/upload-dok-rw'))
      return void this.upload(sub, raw, contentType, send);
    return send(404, { message: `fake SIASN has no ${method} ${sub}` });
  }

  /**
   * `upload-dok` `{file, id_ref_dokumen}` → a path object; `upload-dok-rw` `{file, id_riwayat,
   * id_ref_dokumen}` attaches the file to a held row (spec 04 §8.3). The multipart body is parsed by
   * the platform's own form-data parser; what arrived is kept in `uploads`.
   */
  private async upload(sub: string, raw: Buffer, contentType: string, send: (s: number, j: unknown) => void) {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    } catch {
      return send(400, { success: false, message: 'multipart/form-data wajib' });
    }
    const file = form.get('file');
    const ref = form.get('id_ref_dokumen');
    const riwayat = form.get('id_riwayat');
    if (!(file instanceof Blob) || typeof ref !== 'string' || !ref)
      return send(400, { success: false, message: 'file dan id_ref_dokumen wajib' });
    const data = Buffer.from(await file.arrayBuffer());
    const row = sub === '/upload-dok-rw' ? this.store.rows.get(typeof riwayat === 'string' ? riwayat : '') : undefined;
    if (sub === '/upload-dok-rw' && !row) return send(200, { success: false, message: 'Riwayat tidak ditemukan' });
    const dokId = randomUUID();
    const received: FakeUpload = {
      endpoint: sub,
      idRefDokumen: ref,
      idRiwayat: typeof riwayat === 'string' ? riwayat : null,
      fileName: file instanceof File ? file.name : '',
      contentType: file.type,
      sha256: createHash('sha256').update(data).digest('hex'),
      size: data.length,
      data,
      path: {
        dok_id: dokId,
        dok_nama: `dok-${ref}.pdf`,
        dok_uri: `peremajaan/${dokId}.pdf`,
        object: `${dokId}.pdf`,
        slug: ref,
      },
    };
    this.uploads.push(received);
    row?.documents.push({ idRefDokumen: ref, size: data.length, sha256: received.sha256 });
    return send(200, { success: true, message: 'Dokumen berhasil diunggah', data: received.path });
  }
}

export async function startFakeSiasn(port = 0, host = '127.0.0.1'): Promise<FakeSiasn> {
  return new FakeSiasn().start(port, host);
}
