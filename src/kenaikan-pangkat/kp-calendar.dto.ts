import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class KpCalendarQuery extends PageQuery {
  @ApiProperty({ example: 2027, description: 'Year of the KP TMTs listed' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 'DINKES', description: 'Unit with its sub-units; default: the whole agency' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unitCode?: string;
}
