import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { InvalidInputError } from './domain-errors';

export class PageQuery {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from nextCursor' })
  @IsOptional()
  @IsString()
  after?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const invalidCursor = () =>
  new InvalidInputError('Cursor tidak valid / invalid cursor', [
    { field: 'after', problem: 'is not a cursor returned by this API' },
  ]);

/** Opaque cursors carry the last sort key (base64url JSON). */
export const Cursor = {
  encode(key: unknown[]): string {
    return Buffer.from(JSON.stringify(key)).toString('base64url');
  },
  decode(cursor: string | undefined): unknown[] | null {
    if (!cursor) return null;
    try {
      const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(v)) return v as unknown[];
    } catch {
      /* fall through */
    }
    throw invalidCursor();
  },
  /** A cursor whose sort key is two strings (e.g. [created_at as PostgreSQL text, id]); 400 for anything else. */
  decodePair(cursor: string | undefined): [string, string] | null {
    const key = Cursor.decode(cursor);
    if (key === null) return null;
    const [first, second] = key;
    if (key.length !== 2 || typeof first !== 'string' || typeof second !== 'string') throw invalidCursor();
    return [first, second];
  },
};
