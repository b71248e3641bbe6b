import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
type Doc = {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components?: { schemas?: Record<string, Schema> };
};

const DOC_ID = 'openapi';
/** Answered by the HTTP layer before any route runs; in the contract error shape but not declared per operation. */
export const TRANSPORT_STATUSES = new Set([405, 414]);

/** OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes a null alternative, refs point into the document. */
export function toJsonSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s as Schema)) {
    if (
      k === 'nullable' ||
      k === 'example' ||
      k === 'examples' ||
      k === 'xml' ||
      k === 'externalDocs' ||
      k === 'discriminator'
    )
      continue;
    if (k === '$ref' && typeof v === 'string') out.$ref = `${DOC_ID}${v}`;
    else if (k === 'properties')
      out.properties = Object.fromEntries(Object.entries(v as Schema).map(([p, x]) => [p, toJsonSchema(x)]));
    else out[k] = toJsonSchema(v);
  }
  return (s as Schema).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

export interface ResponseCheck {
  operation: string;
  errors: string[];
}

/**
 * Validates real responses against the API's own OpenAPI document (the one the console's client is
 * generated from): the JSON body of a response must match the schema declared for its operation and
 * status. A response whose status is not declared at all is an error too.
 */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: { method: string; template: string; re: RegExp }[] = [];
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(private readonly doc: Doc) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas: toJsonSchema(doc.components?.schemas ?? {}) } });
    for (const [template, item] of Object.entries(doc.paths)) {
      const re = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const method of Object.keys(item)) this.routes.push({ method, template, re });
    }
    // Literal segments win over parameters (e.g. /discipline/cases/summary before /discipline/cases/{id}).
    this.routes.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  private route(method: string, url: string) {
    const path = url.split('?')[0];
    return this.routes.find((r) => r.method === method.toLowerCase() && r.re.test(path));
  }

  /** The JSON schema the operation declares for this status (or its `default`), if any. */
  declaredSchema(method: string, url: string, status: number): Schema | undefined {
    const route = this.route(method, url);
    if (!route) return undefined;
    const responses = this.doc.paths[route.template][route.method].responses ?? {};
    return (responses[String(status)] ?? responses.default)?.content?.['application/json']?.schema;
  }

  /** null when the request is not an operation of the document (e.g. the docs themselves, the queue board). */
  check(method: string, url: string, status: number, contentType: string | null, body: unknown): ResponseCheck | null {
    const route = this.route(method, url);
    if (!route) return null;
    const operation = `${method.toUpperCase()} ${route.template} → ${status}`;
    // Answered by the HTTP layer before any route runs (method, URI length): not part of an operation.
    if (TRANSPORT_STATUSES.has(status)) return { operation, errors: [] };
    const responses = this.doc.paths[route.template][route.method].responses ?? {};
    const declared = responses[String(status)] ?? responses.default;
    if (!declared)
      return {
        operation,
        errors: [`status ${status} is not declared (declared: ${Object.keys(responses).join(', ')})`],
      };
    if (!(contentType ?? '').includes('json')) return { operation, errors: [] };
    const key = `${route.method} ${route.template} ${status}`;
    if (!this.compiled.has(key)) {
      const schema = declared.content?.['application/json']?.schema;
      this.compiled.set(key, schema ? this.ajv.compile(toJsonSchema(schema) as Schema) : null);
    }
    const validate = this.compiled.get(key);
    // A JSON body the document does not describe is a mismatch: the console's client is generated from it.
    if (!validate)
      return { operation, errors: ['a JSON body was sent but the document declares no JSON schema for it'] };
    if (validate(body)) return { operation, errors: [] };
    return {
      operation,
      errors: (validate.errors ?? []).map(
        (e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`,
      ),
    };
  }
}
