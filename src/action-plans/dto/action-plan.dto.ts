import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly } from '../../common/dates';
import { HTTPS_URL, PERIOD_ID, PERIOD_ID_MESSAGE } from '../../common/dto-rules.util';
import { CORE_VALUES } from '../../skp/skp.enums';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class ActionPlanItemDto {
  @ApiProperty({ format: 'uuid', description: 'an RHK of this SKP' })
  @IsUUID('all')
  resultId: string;

  @ApiProperty({ example: 'Menyusun jadwal kunjungan rujukan balik ke 12 puskesmas' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 12, description: 'numeric target of the period' })
  @IsOptional()
  @ValidateIf((o: ActionPlanItemDto) => o.target !== null)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999999999)
  target: number | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'kunjungan' })
  @IsOptional()
  @ValidateIf((o: ActionPlanItemDto) => o.unit !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  unit: string | null = null;
}

/** Rencana aksi of one period; replaces the period's whole set while it is not yet agreed. */
export class ActionPlansDto {
  @ApiProperty({ type: [ActionPlanItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActionPlanItemDto)
  items: ActionPlanItemDto[];
}

/** Progres harian (e-Kinerja importer template): date, times, activity, realisasi, satuan, bukti dukung. */
export class ProgressDto {
  @ApiProperty({ example: '2026-04-14' })
  @IsDateOnly()
  date: string;

  @ApiPropertyOptional({ example: '08:00' })
  @IsOptional()
  @Matches(TIME, { message: 'start must be HH:MM' })
  start?: string;

  @ApiPropertyOptional({ example: '11:30' })
  @IsOptional()
  @Matches(TIME, { message: 'end must be HH:MM' })
  end?: string;

  @ApiProperty({ example: 'Kunjungan rujukan balik ke Puskesmas Sukamaju' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  activity: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(0)
  @Max(1000000)
  realisasi: number;

  @ApiProperty({ example: 'kunjungan' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  unit: string;

  @ApiPropertyOptional({ example: 'https://drive.example.go.id/bukti/kunjungan-14-april.jpg' })
  @IsOptional()
  @IsUrl(HTTPS_URL, { message: 'evidenceUrl must be a valid https:// URL' })
  @MaxLength(2000)
  evidenceUrl?: string;
}

/** The employee's own figure instead of Σ progress (audited, with a reason), bukti dukung and narrative. */
export class ActionPlanUpdateDto {
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null = back to Σ progress' })
  @IsOptional()
  @ValidateIf((o: ActionPlanUpdateDto) => o.realisasi !== null)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999999999)
  realisasi?: number | null;

  @ApiPropertyOptional({ description: 'required with a realisasi override' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ type: [String], example: ['https://drive.example.go.id/bukti/rekap-q2.pdf'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl(HTTPS_URL, { each: true, message: 'each evidence URL must be a valid https:// URL' })
  @MaxLength(2000, { each: true })
  evidenceUrls?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  narrative?: string;
}

export class FeedbackEntryDto {
  @ApiProperty({ example: '2026-Q2', description: 'evaluation period of the SKP (YYYY, YYYY-Qn, YYYY-MM)' })
  @Matches(PERIOD_ID, { message: PERIOD_ID_MESSAGE })
  period: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'an RHK; give exactly one of resultId, actionPlanId, coreValue' })
  @IsOptional()
  @IsUUID('all')
  resultId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a rencana aksi of this SKP' })
  @IsOptional()
  @IsUUID('all')
  actionPlanId?: string;

  @ApiPropertyOptional({ enum: CORE_VALUES })
  @IsOptional()
  @IsIn(CORE_VALUES)
  coreValue?: (typeof CORE_VALUES)[number];

  @ApiProperty({ example: 'Jadwal kunjungan sudah baik; lengkapi foto bukti kunjungan' })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  text: string;
}

export class FeedbackQuery {
  @ApiPropertyOptional({ example: '2026-Q2' })
  @IsOptional()
  @Matches(PERIOD_ID, { message: PERIOD_ID_MESSAGE })
  period?: string;
}

export class ActionPlanQuery extends FeedbackQuery {}
