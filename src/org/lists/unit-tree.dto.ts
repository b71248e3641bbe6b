import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsDateOnly } from '../../common/dates';

export class UnitTreeQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'Code or name (case-insensitive, any part); matching units come with their ancestors so the tree stays whole',
    example: 'kesehatan',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Heads and head counts as of this date (default today)' })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}

export class UnitHeadDto {
  @ApiProperty({ example: '196908081993082008' }) nip: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Kepala Dinas Kesehatan' }) positionTitle: string;
}

export class UnitTreeItemDto {
  @ApiProperty({ example: 'DINKES' }) code: string;
  @ApiProperty({ example: 'Dinas Kesehatan' }) name: string;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty({ description: '0 for a root unit' }) depth: number;
  @ApiProperty({ type: [String], description: 'Codes from the root down to this unit' }) path: string[];
  @ApiProperty({ type: UnitHeadDto, nullable: true, description: 'The unit head in office on the date (null: vacant)' })
  head: UnitHeadDto | null;
  @ApiProperty({ description: 'Employees placed in this unit itself on the date' }) employeeCount: number;
  @ApiProperty({ description: 'Employees in this unit and all its sub-units on the date' })
  subtreeEmployeeCount: number;
  @ApiProperty({ description: 'Number of direct sub-units' }) childCount: number;
  @ApiProperty({ description: 'With ?q=: whether this unit matched (false: an ancestor kept for the tree)' })
  match: boolean;
}

export class UnitTreePageDto {
  @ApiProperty({
    type: [UnitTreeItemDto],
    description: 'Depth-first (parents before their children, siblings by code)',
  })
  items: UnitTreeItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
