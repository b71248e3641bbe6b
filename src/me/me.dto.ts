import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class MeQuery {
  @ApiPropertyOptional({
    example: '2026-06-30',
    description: 'date the relations hold on; default today (Asia/Jakarta)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  on?: string;
}

export class TeamQuery extends MeQuery {
  @ApiPropertyOptional({ example: 2026, description: 'SKP year; default the year of `on`' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    enum: ['PPK', 'ATASAN_PPK'],
    enumName: 'TeamRelation',
    description: 'only direct reports (PPK) or only their reports (ATASAN_PPK); default both',
  })
  @IsOptional()
  @IsIn(['PPK', 'ATASAN_PPK'])
  relation?: 'PPK' | 'ATASAN_PPK';
}
