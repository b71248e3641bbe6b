/**
 * Generates the OpenAPI response schemas from the TypeScript types the services return
 * (`src/openapi/response-types.ts`), in OpenAPI 3.0 form, into `src/openapi/response-schemas.json`.
 * Run by `npm run openapi:export`; a unit test fails when the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { RESPONSE_TYPE_NAMES } from '../../src/openapi/response-types';

type Schema = Record<string, unknown>;

const ROOT = join(__dirname, '..', '..');
export const SCHEMAS_FILE = join(ROOT, 'src', 'openapi', 'response-schemas.json');

/** JSON Schema draft-07 (what the generator emits) → OpenAPI 3.0 schema objects. */
function toOpenApi30(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toOpenApi30);
  if (!s || typeof s !== 'object') return s;
  const src = s as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/definitions/', '#/components/schemas/');
    else if (k === 'const') out.enum = [v];
    else if (k === 'properties' || (k === 'additionalProperties' && typeof v === 'object')) {
      out[k] =
        k === 'properties'
          ? Object.fromEntries(Object.entries(v as Schema).map(([p, x]) => [p, toOpenApi30(x)]))
          : toOpenApi30(v);
    } else out[k] = toOpenApi30(v);
  }
  // type: [T, 'null'] → type: T, nullable
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== 'null');
    if (types.length < (out.type as string[]).length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      out.anyOf = types.map((t) => ({ type: t }));
    }
  }
  // anyOf: [A, {type:null}] → A (inline) or allOf:[A] with nullable
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = out[key] as Schema[] | undefined;
    if (!list || !list.some((x) => x.type === 'null')) continue;
    const rest = list.filter((x) => x.type !== 'null');
    delete out[key];
    if (rest.length === 1 && !('$ref' in rest[0])) Object.assign(out, rest[0], { nullable: true });
    else if (rest.length === 1) Object.assign(out, { allOf: rest, nullable: true });
    else Object.assign(out, { [key]: rest, nullable: true });
  }
  return out;
}

export function generateResponseSchemas(): Record<string, unknown> {
  const generator = createGenerator({
    path: join(ROOT, 'src', 'openapi', 'response-types.ts'),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type: '*',
    expose: 'export',
    skipTypeCheck: true,
    topRef: true,
    jsDoc: 'basic',
    sortProps: true,
  });
  const definitions: Record<string, unknown> = {};
  for (const name of RESPONSE_TYPE_NAMES) Object.assign(definitions, generator.createSchema(name).definitions ?? {});
  const missing = RESPONSE_TYPE_NAMES.filter((n) => !(n in definitions));
  if (missing.length) throw new Error(`response types not generated: ${missing.join(', ')}`);
  const bad = Object.keys(definitions).filter((n) => !/^[A-Za-z0-9_.-]+$/.test(n));
  if (bad.length)
    throw new Error(`response type names must be plain identifiers (name generic instances): ${bad.join(', ')}`);
  return Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((n) => [n, toOpenApi30(definitions[n])]),
  );
}

export function main(): void {
  writeFileSync(SCHEMAS_FILE, JSON.stringify(generateResponseSchemas(), null, 2) + '\n');
  process.stdout.write(`wrote ${SCHEMAS_FILE}\n`);
}
