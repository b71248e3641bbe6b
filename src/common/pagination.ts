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
    throw new InvalidInputError('Cursor tidak valid / invalid cursor', [
      { field: 'after', problem: 'is not a cursor returned by this API' },
    ]);
  },
};
