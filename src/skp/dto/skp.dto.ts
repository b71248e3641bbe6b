import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsDateOnly } from '../../common/dates';
import {
  ASPECTS,
  CORE_VALUES,
  PERSPECTIVES,
  RESULT_KINDS,
  SKP_APPROACHES,
  SKP_KINDS,
  SKP_STATUSES,
} from '../skp.enums';

export class IndicatorDto {
  @ApiPropertyOptional({
    description: 'keep the id of an existing indicator of this SKP when editing (PATCH); omit for a new one',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ example: 'Persentase rujukan pasien yang ditindaklanjuti dalam 24 jam' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ enum: ASPECTS, nullable: true, description: 'JA/JF forms; required for KUANTITATIF' })
  @IsOptional()
  @ValidateIf((o: IndicatorDto) => o.aspect !== null)
  @IsIn(ASPECTS)
  aspect: (typeof ASPECTS)[number] | null = null;

  @ApiPropertyOptional({
    enum: PERSPECTIVES,
    nullable: true,
    description: 'JPT forms, instead of aspect; required for KUANTITATIF',
  })
  @IsOptional()
  @ValidateIf((o: IndicatorDto) => o.perspective !== null)
  @IsIn(PERSPECTIVES)
  perspective: (typeof PERSPECTIVES)[number] | null = null;

  @ApiPropertyOptional({
    type: String,
    example: '95 %',
    nullable: true,
    description: 'required for KUANTITATIF before submit; in KUALITATIF the target is part of the narrative',
  })
  @IsOptional()
  @ValidateIf((o: IndicatorDto) => o.target !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  target: string | null = null;
}

export class ResultDto {
  @ApiPropertyOptional({
    description: 'keep the id of an existing result of this SKP when editing (PATCH); omit for a new one',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ enum: RESULT_KINDS })
  @IsIn(RESULT_KINDS)
  kind: (typeof RESULT_KINDS)[number];

  @ApiProperty({ example: 'Meningkatnya mutu layanan rujukan' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "the PPK's RHK (in the PPK's APPROVED SKP of the same year) this result intervenes",
  })
  @IsOptional()
  @ValidateIf((o: ResultDto) => o.parentResultId !== null)
  @IsUUID('all')
  parentResultId: string | null = null;

  @ApiProperty({ type: [IndicatorDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators: IndicatorDto[];
}

export class BehaviorDto {
  @ApiProperty({ enum: CORE_VALUES })
  @IsIn(CORE_VALUES)
  coreValue: (typeof CORE_VALUES)[number];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ekspektasi khusus pimpinan for this core value' })
  @IsOptional()
  @ValidateIf((o: BehaviorDto) => o.specialExpectation !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  specialExpectation: string | null = null;
}

/** Lampiran SKP (§4.7): free-text items per kind. */
export class LampiranDto {
  @ApiPropertyOptional({ type: [String], description: 'Dukungan Sumber Daya' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  resources: string[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Skema Pertanggungjawaban' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  accountabilityScheme: string[] = [];

  @ApiPropertyOptional({ type: [String], description: 'Konsekuensi' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  consequences: string[] = [];
}

export class CreateSkpDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: SKP_APPROACHES })
  @IsIn(SKP_APPROACHES)
  approach: (typeof SKP_APPROACHES)[number];

  @ApiPropertyOptional({
    example: '2026-07-01',
    description:
      'first day (TMT of the new post, SPMT of a CPNS); default 1 January, for ACTING the delegation start. The SKP runs to 31 December (ACTING: the delegation end) unless an event closes it',
  })
  @IsOptional()
  @IsDateOnly()
  periodStart?: string;

  @ApiPropertyOptional({ enum: SKP_KINDS, description: 'ACTING = a parallel SKP for a Plt, with `delegationId`' })
  @IsOptional()
  @IsIn(SKP_KINDS)
  kind?: (typeof SKP_KINDS)[number];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'ACTING only: the Plt delegation (GET /delegations) naming the caller as the acting official',
  })
  @IsOptional()
  @IsUUID('all')
  delegationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'copy the RHK and indicators of the caller\'s previous SKP ("Ambil SKP Lama"; `skp.split.copyRhk` OFFER): used when `results` is empty; links to the old leader\'s RHK are dropped',
  })
  @IsOptional()
  @IsUUID('all')
  copyFromSkpId?: string;

  @ApiPropertyOptional({ type: [ResultDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ResultDto)
  results: ResultDto[] = [];

  @ApiPropertyOptional({ type: [BehaviorDto], description: 'the 7 BerAKHLAK core values (all 7 needed to submit)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => BehaviorDto)
  behaviors: BehaviorDto[] = [];

  @ApiPropertyOptional({ type: LampiranDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LampiranDto)
  lampiran?: LampiranDto;
}

/** Edit a DRAFT: each section given replaces that section (approach and year are fixed at creation). */
export class UpdateSkpDto {
  @ApiPropertyOptional({ type: [ResultDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ResultDto)
  results?: ResultDto[];

  @ApiPropertyOptional({ type: [BehaviorDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => BehaviorDto)
  behaviors?: BehaviorDto[];

  @ApiPropertyOptional({ type: LampiranDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LampiranDto)
  lampiran?: LampiranDto;
}

export class RejectSkpDto {
  @ApiProperty({ example: 'Target IKI 2 belum terukur; sesuaikan dengan Perjanjian Kinerja' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class SkpListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: '199203012015031001' })
  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'NIP harus 18 digit / must be 18 digits' })
  nip?: string;

  @ApiPropertyOptional({ enum: SKP_STATUSES })
  @IsOptional()
  @IsIn(SKP_STATUSES)
  status?: (typeof SKP_STATUSES)[number];
}
