import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { S3EvidenceStorage } from '../../src/evaluation/evidence/s3-evidence-storage';

/**
 * The S3 driver's requests on the wire, received by a local HTTP server that records them and answers
 * like S3: path-style URLs, Signature V4 that verifies with the secret (recomputed here from the AWS
 * algorithm, not by the SDK), payload hash and Content-MD5 of the bytes sent. Against a real server
 * (MinIO from docker-compose) the same driver is checked by hand; see README "Evidence files".
 */
interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const SECRET = 'test-secret-key-0123456789';
const ACCESS_KEY = 'TESTACCESSKEY';
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

/** Signature V4 as AWS documents it ("Create a signed AWS API request"), for the request as it arrived. */
function expectedSignature(r: Recorded): { signature: string; given: string } {
  const auth = String(r.headers.authorization);
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) throw new Error(`not a SigV4 Authorization header: ${auth}`);
  const [, , date, region, signedHeaders, given] = m;
  const [path, query = ''] = r.url.split('?');
  const canonicalQuery = query
    .split('&')
    .filter(Boolean)
    .map((kv) => kv.split('=').map((x) => encodeURIComponent(decodeURIComponent(x))) as [string, string?])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v ?? ''}`)
    .join('&');
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((h) => `${h}:${String(r.headers[h]).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [
    r.method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    String(r.headers['x-amz-content-sha256']),
  ].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', String(r.headers['x-amz-date']), scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date), region), 's3'), 'aws4_request');
  return { signature: createHmac('sha256', key).update(toSign).digest('hex'), given };
}

describe('S3 evidence driver: requests as an S3 API receives them', () => {
  let server: Server;
  let endpoint: string;
  const recorded: Recorded[] = [];
  const objects = new Map<string, { body: Buffer; type: string }>();
  let refuse = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r: Recorded = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
        recorded.push(r);
        const path = r.url.split('?')[0];
        if (refuse) {
          res.writeHead(403, { 'content-type': 'application/xml' });
          res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
        } else if (r.method === 'PUT') {
          objects.set(path, { body: r.body, type: String(r.headers['content-type']) });
          res.writeHead(200, { etag: `"${createHash('md5').update(r.body).digest('hex')}"` });
          res.end();
        } else if (r.method === 'GET' && objects.has(path)) {
          const o = objects.get(path)!;
          res.writeHead(200, { 'content-type': o.type, 'content-length': String(o.body.length) });
          res.end(o.body);
        } else if (r.method === 'DELETE') {
          objects.delete(path);
          res.writeHead(204);
          res.end();
        } else {
          res.writeHead(404, { 'content-type': 'application/xml' });
          res.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const driver = () =>
    new S3EvidenceStorage({
      endpoint,
      region: 'ap-southeast-3',
      bucket: 'bukti-dukung',
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
      forcePathStyle: true,
    });

  it('puts, gets and deletes one object with path-style URLs and Signature V4 that verifies', async () => {
    const s3 = driver();
    const key = `${randomUUID()}/2026-Q1/${randomUUID()}`;
    const data = Buffer.from('%PDF-1.4 laporan realisasi');
    recorded.length = 0;
    await s3.put(key, data, 'application/pdf');
    const stream = await s3.get(key);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    await s3.delete(key);
    s3.destroy();

    expect(recorded.map((r) => [r.method, r.url.split('?')[0]])).toEqual([
      ['PUT', `/bukti-dukung/${key}`],
      ['GET', `/bukti-dukung/${key}`],
      ['DELETE', `/bukti-dukung/${key}`],
    ]);
    const [put] = recorded;
    expect(put.body.equals(data)).toBe(true);
    expect(put.headers['content-type']).toBe('application/pdf');
    expect(put.headers['content-length']).toBe(String(data.length));
    expect(put.headers['content-md5']).toBe(createHash('md5').update(data).digest('base64'));
    expect(put.headers['x-amz-content-sha256']).toBe(sha256(data));
    for (const r of recorded) {
      expect(String(r.headers.authorization)).toMatch(
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/ap-southeast-3/s3/aws4_request, `),
      );
      const signed = /SignedHeaders=([^,]+)/.exec(String(r.headers.authorization))![1].split(';');
      expect(signed).toEqual(expect.arrayContaining(['host', 'x-amz-content-sha256', 'x-amz-date']));
      const { signature, given } = expectedSignature(r);
      expect(given).toBe(signature);
    }
  });

  it('fails the put when the server refuses it, and refuses keys it did not make', async () => {
    const s3 = driver();
    refuse = true;
    try {
      await expect(s3.put(`${randomUUID()}/2026/${randomUUID()}`, Buffer.from('x'), 'application/pdf')).rejects.toThrow(
        /Access Denied|AccessDenied/,
      );
    } finally {
      refuse = false;
    }
    await expect(s3.put('../../etc/passwd', Buffer.from('x'), 'application/pdf')).rejects.toThrow(/invalid evidence/);
    s3.destroy();
  });
});
