import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { EMPLOYEE_STATUSES, JENJANG, POSITION_KINDS } from '../org.enums';
import { IsDateOnly } from '../../common/dates';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class EmployeeListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Name (case-insensitive, any part) or the start of a NIP (digits only)',
    example: 'siti',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'Unit code; includes its sub-units', example: 'DINKES' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unitCode?: string;

  @ApiPropertyOptional({ enum: EMPLOYEE_STATUSES })
  @IsOptional()
  @IsIn(EMPLOYEE_STATUSES)
  status?: (typeof EMPLOYEE_STATUSES)[number];

  @ApiPropertyOptional({ enum: POSITION_KINDS, description: 'Position kind' })
  @IsOptional()
  @IsIn(POSITION_KINDS)
  kind?: (typeof POSITION_KINDS)[number];

  @ApiPropertyOptional({ enum: JENJANG, description: 'Jenjang of a functional position' })
  @IsOptional()
  @IsIn(JENJANG)
  jenjang?: (typeof JENJANG)[number];

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Organisation as of this date (default today)' })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}

export class EmployeeListItemDto {
  @ApiProperty({ example: '198703152010011002' }) nip: string;
  @ApiProperty({ example: 'Siti Rahmawati, S.Kep.' }) name: string;
  @ApiProperty({ enum: EMPLOYEE_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the employee holds no position on the date' })
  unitCode: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Perawat Ahli Pertama' }) positionTitle: string | null;
  @ApiProperty({ enum: POSITION_KINDS, nullable: true }) positionKind: string | null;
  @ApiProperty({ enum: JENJANG, nullable: true }) jenjang: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'III/a' }) golongan: string | null;
  @ApiProperty({ type: Number, nullable: true }) kelasJabatan: number | null;
  @ApiProperty() isUnitHead: boolean;
}

export class EmployeePageDto {
  @ApiProperty({ type: [EmployeeListItemDto] }) items: EmployeeListItemDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?after= for the next page; null on the last page',
  })
  nextCursor: string | null;
}
