import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsDateOnly } from '../../common/dates';

export class GapsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026, description: 'SKP year checked (default: the year of `on`)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'organisation as of this date (default today)' })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}
