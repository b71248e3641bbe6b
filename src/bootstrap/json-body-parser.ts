import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

export const MAX_JSON_DEPTH = 64;

/** Deepest nesting of arrays/objects in JSON text, found without recursion (strings skipped); stops counting past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * application/json with a nesting limit checked on the raw text before any parsing: a body nested
 * 10,000 deep would otherwise overflow the stack of the recursive steps after JSON.parse
 * (prototype-poisoning scan, class-transformer, class-validator). Then Fastify's own parser.
 * Registered through Nest so that Nest does not add its default JSON parser on top.
 */
export function registerJsonBodyParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser(
    'application/json',
    { bodyLimit: fastify.initialConfig.bodyLimit },
    (req: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) => {
      const text = body.toString('utf8');
      if (jsonDepth(text) > MAX_JSON_DEPTH) {
        done(
          Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH}`), {
            statusCode: 400,
            code: 'SKP_JSON_TOO_DEEP',
          }),
        );
        return;
      }
      void parseJson(req, text, done);
    },
  );
}
