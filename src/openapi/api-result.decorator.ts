import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { ResponseTypeName } from './response-types';

/** `$ref` of a response type generated from `response-types.ts` (see `npm run openapi:export`). */
export const schemaRef = (name: ResponseTypeName) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The success response of a route, typed by the TypeScript type the service returns: the schema is
 * generated from that type, so the document cannot drift from the code.
 */
export function ApiResult(name: ResponseTypeName, status: number = HttpStatus.OK, description = 'OK') {
  return ApiResponse({ status, description, schema: schemaRef(name) });
}

/** A binary or text download (PDF, CSV). */
export function ApiFile(contentType: string, description: string) {
  return applyDecorators(
    ApiProduces(contentType),
    ApiResponse({
      status: HttpStatus.OK,
      description,
      content: { [contentType]: { schema: { type: 'string', format: 'binary' } } },
    }),
  );
}

/** 204: done, no body. */
export const ApiNoContent = (description = 'Done; no body') =>
  ApiResponse({ status: HttpStatus.NO_CONTENT, description });
