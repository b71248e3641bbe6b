import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineOpenApiDocument, serialiseDocument } from '../../src/openapi/offline-document';

const ROOT = join(__dirname, '..', '..');

/** The checked-in openapi.json is what the app serves; the console's typed client is generated from it. */
describe('OpenAPI document', () => {
  let doc: Awaited<ReturnType<typeof offlineOpenApiDocument>>;
  beforeAll(async () => {
    doc = await offlineOpenApiDocument();
  }, 60_000);

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(
        item as Record<
          string,
          {
            responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
            security?: unknown[];
          }
        >,
      ).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, method, path, op })),
    );

  it('openapi.json at the repository root is up to date (run `npm run openapi:export`)', () => {
    const checkedIn = readFileSync(join(ROOT, 'openapi.json'), 'utf8');
    expect(serialiseDocument(doc) === checkedIn ? 'up to date' : 'stale: run npm run openapi:export').toBe(
      'up to date',
    );
  });

  it('every operation declares the contract error shape for 400, and 401/403 unless public', () => {
    for (const { id, op } of operations()) {
      const errors = Object.entries(op.responses).filter(([s]) => Number(s) >= 400);
      expect({ id, has400: '400' in op.responses }).toEqual({ id, has400: true });
      for (const [status, r] of errors)
        expect({ id, status, ref: r.content?.['application/json']?.schema?.$ref }).toEqual({
          id,
          status,
          ref: '#/components/schemas/ErrorBodyDto',
        });
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) expect({ id, auth: ['401', '403'].every((s) => s in op.responses) }).toEqual({ id, auth: true });
    }
    const login = operations().find((o) => o.id === 'POST /api/v1/auth/login')!;
    expect(login.op.security).toEqual([]);
    expect(Object.keys(login.op.responses)).toEqual(expect.arrayContaining(['200', '400', '429']));
  });

  it('every 2xx response but 204 declares its body: a JSON schema (named, or the health check’s own), or a typed file download', () => {
    const undescribed: string[] = [];
    for (const { id, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        if (!status.startsWith('2') || status === '204') continue;
        const content = (r.content ?? {}) as Record<string, { schema?: { $ref?: string; type?: string } }>;
        const json = content['application/json'];
        const files = Object.entries(content).filter(([type]) => type !== 'application/json');
        if (
          json
            ? !(json.schema?.$ref ?? json.schema?.type)
            : files.length === 0 || files.some(([, c]) => c.schema?.type !== 'string')
        )
          undescribed.push(`${id} ${status}`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('request fields typed as strings are strings (no bare "object" for string | null)', () => {
    const loose: string[] = [];
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      for (const [prop, p] of Object.entries(
        (
          schema as {
            properties?: Record<
              string,
              { type?: string; properties?: unknown; additionalProperties?: unknown; allOf?: unknown }
            >;
          }
        ).properties ?? {},
      )) {
        if (p.type === 'object' && !p.properties && !p.additionalProperties && !p.allOf) loose.push(`${name}.${prop}`);
      }
    }
    expect(loose).toEqual([]);
  });

  it('the /me operations answer with their named schemas', () => {
    const me = operations().find((o) => o.id === 'GET /api/v1/me')!;
    expect(me.op.responses['200'].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/MeView');
    const team = operations().find((o) => o.id === 'GET /api/v1/me/team')!;
    expect(team.op.responses['200'].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/TeamView');
    expect((doc.components?.schemas?.TeamView as { required?: string[] }).required).toEqual(
      expect.arrayContaining(['on', 'year', 'items']),
    );
  });
});
