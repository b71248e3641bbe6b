import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';
import { declareErrorResponses } from './error-responses';
import responseSchemas from './response-schemas.json';

/**
 * The API's OpenAPI document: routes and request DTOs from the Swagger decorators, response schemas
 * generated from the TypeScript types the services return (`response-schemas.json`), and the
 * contract's error responses on every operation. Served at /api/docs-json and checked in as
 * `openapi.json` (`npm run openapi:export`).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('skp-engine API')
    .setDescription(
      'SKP planning, evaluation and predikat, angka kredit, TPP/tukin for payroll, discipline and netralitas outcomes.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBodyDto] });
  const schemas = ((document.components ??= {}).schemas ??= {});
  for (const [name, schema] of Object.entries(responseSchemas as Record<string, object>)) {
    if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) {
      throw new Error(
        `OpenAPI: schema ${name} is both a request DTO and a response type with different shapes; rename one`,
      );
    }
    schemas[name] = schema;
  }
  declareErrorResponses(document);
  assertRefsResolve(document);
  return document;
}

/** A `$ref` to a missing schema (e.g. a typo in @ApiResult) stops the build of the document. */
function assertRefsResolve(document: OpenAPIObject): void {
  const names = new Set(Object.keys(document.components?.schemas ?? {}));
  const walk = (v: unknown, at: string): void => {
    if (Array.isArray(v))
      v.forEach((x: unknown, i) => {
        walk(x, `${at}[${i}]`);
      });
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string') {
          const name = x.replace('#/components/schemas/', '');
          if (!names.has(name)) throw new Error(`OpenAPI: ${at} refers to a missing schema ${x}`);
        } else walk(x, `${at}.${k}`);
      }
    }
  };
  walk(document, '#');
}
