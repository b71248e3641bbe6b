import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HTTPS_URL } from '../../common/dto-rules.util';
import { ORG_PREDICATES, RATINGS } from '../../rules';
import { CORE_VALUES } from '../../skp/skp.enums';
import { CADENCES } from '../periods';

export class RealizationItemDto {
  @ApiProperty({ description: 'an indicator (IKI) of this SKP' })
  @IsUUID('all')
  indicatorId: string;

  @ApiProperty({ example: '97 % rujukan ditindaklanjuti dalam 24 jam' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  realization: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['https://drive.example.go.id/bukti/rujukan-q1.pdf'],
    description: 'bukti dukung: https URLs only',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl(HTTPS_URL, { each: true, message: 'each evidence URL must be a valid https:// URL' })
  @MaxLength(2000, { each: true })
  evidenceUrls: string[] = [];
}

export class RealizationsDto {
  @ApiProperty({ type: [RealizationItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RealizationItemDto)
  items: RealizationItemDto[];
}

export class FeedbackDto {
  @ApiPropertyOptional({ description: 'a result (RHK) of this SKP; give either resultId or coreValue' })
  @ValidateIf((o: FeedbackDto) => o.coreValue === undefined || o.resultId !== undefined)
  @IsUUID('all')
  resultId?: string;

  @ApiPropertyOptional({ enum: CORE_VALUES })
  @ValidateIf((o: FeedbackDto) => o.resultId === undefined || o.coreValue !== undefined)
  @IsIn(CORE_VALUES)
  coreValue?: (typeof CORE_VALUES)[number];

  @ApiProperty({ example: 'Tindak lanjut rujukan sudah konsisten; pertahankan.' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text: string;
}

export class RatingDto {
  @ApiPropertyOptional({
    enum: RATINGS,
    description: 'required, except for a unit head (taken from the organisation predicate; a different value → 422)',
  })
  @IsOptional()
  @IsIn(RATINGS)
  resultRating?: (typeof RATINGS)[number];

  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  behaviorRating: (typeof RATINGS)[number];

  @ApiPropertyOptional({ type: [FeedbackDto], description: 'umpan balik per result and per core value' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FeedbackDto)
  feedback: FeedbackDto[] | null = [];

  @ApiPropertyOptional({ description: 'catatan/rekomendasi (DEKP item 5)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({
    description:
      'required when the employee has a decided discipline/netralitas sanction in the period and behaviorRating is above DI_BAWAH_EKSPEKTASI (422 otherwise); recorded',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  behaviorJustification?: string;
}

export class FinalizeDto {
  @ApiPropertyOptional({
    description: 'required when the unit distribution check finds violations; recorded in the audit trail',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  justification?: string;
}

export class ObjectionDto {
  @ApiProperty({ example: 'Realisasi rujukan melebihi target namun tidak dipertimbangkan.' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  reason: string;
}

export class ObjectionExplanationDto {
  @ApiProperty({ description: 'penjelasan Pejabat Penilai Kinerja atas keberatan (DEKP item 7)' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  text: string;
}

export class ObjectionDecisionDto {
  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  resultRating: (typeof RATINGS)[number];

  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  behaviorRating: (typeof RATINGS)[number];

  @ApiProperty({ description: 'keputusan atasan PPK atas keberatan (DEKP item 8); final' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  decisionNote: string;
}

export class CorrectionDto {
  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  resultRating: (typeof RATINGS)[number];

  @ApiProperty({ enum: RATINGS })
  @IsIn(RATINGS)
  behaviorRating: (typeof RATINGS)[number];

  @ApiProperty({ description: 'why the FINAL evaluation is corrected (e.g. the decree that orders it)' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  reason: string;
}

export class UnitPerformanceDto {
  @ApiProperty({ enum: ORG_PREDICATES })
  @IsIn(ORG_PREDICATES)
  predicate: (typeof ORG_PREDICATES)[number];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'e.g. capaian Perjanjian Kinerja and ekspektasi kinerja satuan organisasi',
  })
  @IsOptional()
  @ValidateIf((o: UnitPerformanceDto) => o.note !== null)
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}

export class CadenceDto {
  @ApiProperty({
    enum: CADENCES,
    description: 'periodic cadence of the year; the ANNUAL evaluation always exists besides it',
  })
  @IsIn(CADENCES)
  cadence: (typeof CADENCES)[number];
}
