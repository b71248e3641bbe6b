import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly } from '../../common/dates';
import { APPOINTMENT_ROUTES, PREDICATES } from '../../rules';

export const OPENING_KINDS = ['INTEGRASI', 'AK_DASAR', ...APPOINTMENT_ROUTES] as const;
export type OpeningKind = (typeof OPENING_KINDS)[number];

const DECIMAL = /^\d{1,6}(\.\d{1,3})?$/;
const DECIMAL_MESSAGE = 'harus angka desimal dalam string, mis. "550.630" / must be a decimal string';

/** A run of months with one predikat (≤ 12 months, within one year; 02 PR-2). */
export class OpeningPredicateRunDto {
  @ApiProperty({ minimum: 1, maximum: 12, example: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  months: number;

  @ApiPropertyOptional({
    enum: PREDICATES,
    example: 'BAIK',
    description:
      'Typed only for a year the engine holds no FINAL annual predikat of; for a year it holds, leave it out (read from the evaluation) or give the same value (a different one is a 400)',
  })
  @ValidateIf((o: OpeningPredicateRunDto) => o.year === undefined || o.predicate !== undefined)
  @IsIn(PREDICATES)
  predicate?: string;

  @ApiPropertyOptional({
    example: 2024,
    description:
      'Year of the run; required once the engine holds any FINAL annual predikat of the employee, so a stored year is never replaced by a typed value',
  })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  year?: number;
}

export class CreditOpeningDto {
  @ApiProperty({
    enum: OPENING_KINDS,
    description:
      'INTEGRASI / AK_DASAR, or the route of an entry into the JF (04 §4): the amount is computed by ak.opening from the inputs, never typed in',
  })
  @IsIn(OPENING_KINDS)
  kind: OpeningKind;

  @ApiPropertyOptional({ example: '550.630', description: 'conventional AK total (INTEGRASI only), decimal string' })
  @ValidateIf((o: CreditOpeningDto) => o.kind === 'INTEGRASI')
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  conventionalTotal?: string;

  @ApiPropertyOptional({
    type: [OpeningPredicateRunDto],
    description:
      'Predikat runs, most recent first: PERPINDAHAN (in the last golongan), PENGANGKATAN_PERTAMA (as CPNS; required), PENGANGKATAN_KEMBALI (while out of the JF)',
  })
  @ValidateIf((o: CreditOpeningDto) => o.kind === 'PENGANGKATAN_PERTAMA' || o.predicates !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => OpeningPredicateRunDto)
  predicates?: OpeningPredicateRunDto[];

  @ApiPropertyOptional({
    example: 48,
    description:
      'PERPINDAHAN into a jenjang whose range holds the golongan: months in the last golongan ruang (required; 400 naming it when missing). Not used when the golongan does not match the jenjang (Lampiran II angka 3 value)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  monthsInLastGolongan?: number;

  @ApiPropertyOptional({ description: 'PERPINDAHAN: held the top pangkat of the JA (only the last 36 months count)' })
  @IsOptional()
  @IsBoolean()
  topPangkatOfJa?: boolean;

  @ApiPropertyOptional({ example: 'S2', description: 'Ijazah, for the annex tables (Lampiran II angka 3 and 5)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  education?: string;

  @ApiPropertyOptional({ example: 4, description: 'Years of relevant experience, for the annex tables' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  relevantExperienceYears?: number;

  @ApiPropertyOptional({ example: '212.500', description: 'PENGANGKATAN_KEMBALI: AK of the last PAK (required)' })
  @ValidateIf((o: CreditOpeningDto) => o.kind === 'PENGANGKATAN_KEMBALI' || o.lastBalance !== undefined)
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  lastBalance?: string;

  @ApiPropertyOptional({
    example: '150.000',
    description:
      'Annex value read by a person when no table row applies (PENYESUAIAN, PERPINDAHAN with a golongan that does not match the jenjang); needs documentRef',
  })
  @IsOptional()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  tableAmount?: string;

  @ApiPropertyOptional({ example: 'SK 800/12/BKPSDM/2026', description: 'Document the annex value comes from' })
  @ValidateIf((o: CreditOpeningDto) => o.tableAmount !== undefined)
  @IsString()
  @MaxLength(120)
  documentRef?: string;
}

export class CreditEducationDto {
  @ApiProperty({ enum: ['D3', 'D4', 'S1', 'S2', 'S3'] })
  @IsIn(['D3', 'D4', 'S1', 'S2', 'S3'])
  degree: string;

  @ApiProperty({ example: '2026-05-02' })
  @IsDateOnly()
  awardedOn: string;
}
