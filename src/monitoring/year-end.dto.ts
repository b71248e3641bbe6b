import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class YearEndQuery {
  @ApiProperty({ example: 2026, description: 'SKP year; the year-end evaluation is the ANNUAL period of that year' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({
    example: 'DINKES',
    description: 'The unit to look into (its figures roll up its sub-units); default: the whole agency',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unitCode?: string;
}

/** How far a person has come toward the year-end close; "behind" a stage = not there yet. */
export const YEAR_END_STAGES = ['SKP_APPROVED', 'RATED', 'ISSUED', 'FINAL', 'OBJECTION_OPEN'] as const;
export type YearEndStage = (typeof YEAR_END_STAGES)[number];

export class YearEndBehindQuery extends PageQuery {
  @ApiProperty({ example: 2026 })
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

  @ApiProperty({
    enum: YEAR_END_STAGES,
    description:
      'SKP_APPROVED: no approved SKP for the year; RATED / ISSUED / FINAL: the annual evaluation has not reached that status; OBJECTION_OPEN: a keberatan awaits decision',
  })
  @IsIn(YEAR_END_STAGES)
  stage: YearEndStage;
}

export const DISTRIBUTION_STATUSES = ['OK', 'VIOLATED', 'ORG_PREDICATE_MISSING', 'EMPTY'] as const;
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];

export class YearEndSharesDto {
  @ApiProperty({ example: 95.5, description: 'percent of employees, one decimal' }) skpApproved: number;
  @ApiProperty() rated: number;
  @ApiProperty() issued: number;
  @ApiProperty() final: number;
}

export class DistributionUnitsDto {
  @ApiProperty({
    description:
      'Distribution units (units with their own organisation predicate, or with none above them) whose predicate distribution is within the pattern',
  })
  ok: number;
  @ApiProperty({ description: '… that break the pattern (SE MenPANRB 3/2023)' }) violated: number;
  @ApiProperty({ description: '… whose organisation performance for the year is not set' }) orgPredicateMissing: number;
}

export class YearEndDistributionDto {
  @ApiProperty({
    enum: DISTRIBUTION_STATUSES,
    nullable: true,
    description: "This unit's own distribution check; null when its evaluations count in an ancestor's distribution",
  })
  own: DistributionStatus | null;
  @ApiProperty({ type: DistributionUnitsDto, description: 'Distribution units in this subtree by outcome' })
  units: DistributionUnitsDto;
}

export class YearEndUnitProgressDto {
  @ApiProperty({ type: String, nullable: true, description: 'null for the whole agency' }) unitCode: string | null;
  @ApiProperty({ example: 'Dinas Kesehatan' }) unitName: string;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty() childCount: number;
  @ApiProperty({ description: 'Employees placed in the subtree on the reference date' }) employees: number;
  @ApiProperty({ description: 'with an APPROVED SKP for the year' }) skpApproved: number;
  @ApiProperty({ description: 'annual evaluation RATED or later' }) rated: number;
  @ApiProperty({ description: 'annual evaluation ISSUED or later (incl. under keberatan)' }) issued: number;
  @ApiProperty({ description: 'annual evaluation FINAL' }) final: number;
  @ApiProperty({ description: 'keberatan open (OBJECTED)' }) objectionsOpen: number;
  @ApiProperty({ type: YearEndSharesDto }) shares: YearEndSharesDto;
  @ApiProperty({ type: YearEndDistributionDto }) distribution: YearEndDistributionDto;
}

export class YearEndProgressDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: '2026', description: 'The annual evaluation period' }) period: string;
  @ApiProperty({ example: '2026-12-05', description: 'Organisation as of this date (today, kept inside the year)' })
  asOf: string;
  @ApiProperty({
    example: '2026-12-05T07:30:00.000Z',
    description:
      'When the figures were counted: a pre-aggregated snapshot of the agency, re-read when anything it counts changed (at most 30 s old otherwise)',
  })
  computedAt: string;
  @ApiProperty({ type: YearEndUnitProgressDto, description: 'The requested unit (or the whole agency), rolled up' })
  scope: YearEndUnitProgressDto;
  @ApiProperty({
    type: [YearEndUnitProgressDto],
    description: 'Its direct sub-units (the root units for the whole agency), each rolled up',
  })
  items: YearEndUnitProgressDto[];
}

export class YearEndBehindItemDto {
  @ApiProperty() nip: string;
  @ApiProperty() name: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ example: 'Perawat Ahli Pertama' }) positionTitle: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['DRAFT', 'SUBMITTED', 'APPROVED'],
    description: 'null: no SKP for the year',
  })
  skpStatus: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['DRAFT', 'SUBMITTED', 'RATED', 'ISSUED', 'OBJECTED', 'FINAL'],
    description: 'Annual evaluation; null: none yet',
  })
  evaluationStatus: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who must act: the PPK on the reference date' }) ppkNip:
    string | null;
  @ApiProperty({ type: String, nullable: true }) ppkName: string | null;
}

export class YearEndBehindPageDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: YEAR_END_STAGES }) stage: YearEndStage;
  @ApiProperty({ example: '2026-12-05' }) asOf: string;
  @ApiProperty({ type: [YearEndBehindItemDto] }) items: YearEndBehindItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
