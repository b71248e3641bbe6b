import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { DISCIPLINE_LEVELS, NETRALITAS_STAGES, SANCTIONS } from '../../rules';
import { CASE_KINDS, CASE_STATUSES, RECOMMENDATION_LEVELS } from '../discipline-policy.util';
import { IsDateOnly } from '../../common/dates';

export class AttendanceFactsDto {
  @ApiProperty({ example: 12, description: 'unexcused working days of the calendar year so far' })
  @IsInt()
  @Min(0)
  @Max(366)
  cumulativeDays: number;

  @ApiPropertyOptional({ example: 0, description: 'longest run of consecutive unexcused days' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  consecutiveDays?: number;

  @ApiPropertyOptional({ example: 0, description: 'late + early-leave minutes of the year (450 = 1 day)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  lateEarlyMinutes?: number;
}

export class CreateCaseDto {
  @ApiProperty({ example: '198703152010011002' })
  @Matches(/^\d{18}$/, { message: 'must be an 18-digit NIP' })
  nip: string;

  @ApiProperty({ enum: CASE_KINDS })
  @IsIn(CASE_KINDS)
  kind: (typeof CASE_KINDS)[number];

  @ApiPropertyOptional({
    example: 'N05',
    description: 'NETRALITAS: N01…N11, N99 (03 §13.2); ATTENDANCE: TK (default); OTHER: a short code',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9_.-]{1,20}$/, { message: 'must be a short code (A–Z, 0–9, _ . -)' })
  act?: string;

  @ApiPropertyOptional({
    enum: NETRALITAS_STAGES,
    nullable: true,
    description:
      'NETRALITAS: derived from the election covering occurredOn (CALON from its penetapan date); when given it must agree (422); required only when no election covers the date',
  })
  @IsOptional()
  @IsIn(NETRALITAS_STAGES)
  stage?: (typeof NETRALITAS_STAGES)[number] | null;

  @ApiPropertyOptional({
    example: 'PILKADA_2024',
    description:
      'NETRALITAS: code of the election (GET /discipline/elections); needed only when the act date falls in two elections',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{3,40}$/, { message: 'must be an election code' })
  election?: string;

  @ApiPropertyOptional({
    description:
      'NETRALITAS N05: present at a campaign only to listen, with no partisan gesture or attribute (04 §7). Recorded for the examiner; the classification is unchanged',
  })
  @IsOptional()
  @IsBoolean()
  listeningOnly?: boolean;

  @ApiProperty({ example: '2026-02-10' })
  @IsDateOnly()
  occurredOn: string;

  @ApiProperty({ example: 'Bawaslu Kabupaten (temuan pengawasan)' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  reportedBy: string;

  @ApiPropertyOptional({ example: '2026-02-12', description: 'default today' })
  @IsOptional()
  @IsDateOnly()
  reportedOn?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_tld: true, require_host: true },
    { each: true, message: 'each evidence URL must be a valid https:// URL' },
  )
  @MaxLength(2000, { each: true })
  evidenceUrls: string[] | null = [];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({
    enum: DISCIPLINE_LEVELS,
    description: 'OTHER: the level proposed by the reporter (classification), if known',
  })
  @IsOptional()
  @IsIn(DISCIPLINE_LEVELS)
  level?: (typeof DISCIPLINE_LEVELS)[number];

  @ApiPropertyOptional({
    type: AttendanceFactsDto,
    description: 'ATTENDANCE: the counts checked against the PP 94 ladder',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendanceFactsDto)
  attendance?: AttendanceFactsDto;
}

export class VerifyDto {
  @ApiPropertyOptional({ example: '2026-02-14', description: 'default today' })
  @IsOptional()
  @IsDateOnly()
  verifiedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class RecommendationDto {
  @ApiProperty({ enum: RECOMMENDATION_LEVELS })
  @IsIn(RECOMMENDATION_LEVELS)
  level: (typeof RECOMMENDATION_LEVELS)[number];

  @ApiProperty({ enum: SANCTIONS })
  @IsIn(SANCTIONS)
  sanction: (typeof SANCTIONS)[number];

  @ApiPropertyOptional({ description: 'default today' })
  @IsOptional()
  @IsDateOnly()
  recommendedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: SANCTIONS })
  @IsIn(SANCTIONS)
  sanction: (typeof SANCTIONS)[number];

  @ApiProperty({ example: '2026-03-02' })
  @IsDateOnly()
  decidedOn: string;

  @ApiPropertyOptional({ example: '800/123/BKPSDM/2026', description: 'number of the decision letter (SK)' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  decisionRef?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class DeliveryDto {
  @ApiProperty({ example: '2026-03-04' })
  @IsDateOnly()
  deliveredOn: string;
}

export class DismissDto {
  @ApiProperty({ example: 'Tidak terbukti setelah klarifikasi' })
  @IsString()
  @MinLength(5)
  @MaxLength(4000)
  reason: string;
}

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @ApiPropertyOptional({ description: 'unit and the units below it (the unit when the act occurred)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  unitCode?: string;
  @ApiPropertyOptional({ description: 'occurredOn ≥ from' }) @IsOptional() @IsDateOnly() from?: string;
  @ApiPropertyOptional({ description: 'occurredOn ≤ to' }) @IsOptional() @IsDateOnly() to?: string;
  @ApiPropertyOptional({ description: 'only the cases of this employee' })
  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'must be an 18-digit NIP' })
  nip?: string;
}

export class CaseExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx', 'json'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx', 'json'])
  format?: 'csv' | 'xlsx' | 'json';
  @ApiPropertyOptional({ enum: ['comma', 'semicolon'], default: 'comma', description: 'CSV field separator' })
  @IsOptional()
  @IsIn(['comma', 'semicolon'])
  sep?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'CSV: UTF-8 byte-order mark first' })
  @IsOptional()
  @IsIn(['true', 'false'])
  bom?: string;
  @ApiPropertyOptional({
    enum: ['text', 'plain'],
    default: 'text',
    description: 'CSV: NIP as ="…" so spreadsheets keep it as text, or bare digits',
  })
  @IsOptional()
  @IsIn(['text', 'plain'])
  codes?: string;
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) unitCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOnly() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateOnly() to?: string;
}

export class CaseSummaryQuery {
  @ApiProperty({ example: '2026-01-01', description: 'start of the election period (occurredOn ≥ from)' })
  @IsDateOnly()
  from: string;
  @ApiProperty({ example: '2026-12-31', description: 'end of the election period (occurredOn ≤ to)' })
  @IsDateOnly()
  to: string;
  @ApiPropertyOptional({ enum: CASE_KINDS, default: 'NETRALITAS' }) @IsOptional() @IsIn(CASE_KINDS) kind?: string;
  @ApiPropertyOptional({ description: 'restrict to this unit and the units below it' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  unitCode?: string;
}

export class HolidayItemDto {
  @ApiProperty({ example: '2026-03-20' }) @IsDateOnly() date: string;
  @ApiProperty({ example: 'Hari Raya Idul Fitri' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
}

export class HolidaysDto {
  @ApiProperty({ type: [HolidayItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => HolidayItemDto)
  holidays: HolidayItemDto[];
}
