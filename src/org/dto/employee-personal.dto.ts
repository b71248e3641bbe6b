import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly } from '../../common/dates';
import { KARPEG } from '../employee-personal.util';
import { EDUCATION_LEVELS, EducationLevel } from '../org.enums';

export class EducationDto {
  @ApiProperty({ enum: EDUCATION_LEVELS, description: 'jenjang pendidikan terakhir yang diakui' })
  @IsIn(EDUCATION_LEVELS)
  level: EducationLevel;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'S1 Kesehatan Masyarakat' })
  @IsOptional()
  @ValidateIf((o: EducationDto) => o.name !== null)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string | null = null;
}

export class MasaKerjaGolonganDto {
  @ApiProperty({ minimum: 0, maximum: 60 })
  @IsInt()
  @Min(0)
  @Max(60)
  years: number;

  @ApiProperty({ minimum: 0, maximum: 11 })
  @IsInt()
  @Min(0)
  @Max(11)
  months: number;

  @ApiProperty({
    example: '2026-01-01',
    description: 'the date on which years/months hold (SK pangkat or last record)',
  })
  @IsDateOnly()
  asOf: string;
}

/**
 * Personal data printed on the PAK (PerBKN 3/2023 Lampiran II, KETERANGAN PERORANGAN). Absent = keep,
 * null = not recorded. Birth date and gender are read from the NIP, never given.
 */
export class EmployeePersonalDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bandung', description: 'tempat lahir' })
  @IsOptional()
  @ValidateIf((o: EmployeePersonalDto) => o.birthPlace !== null)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  birthPlace?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'N 123456', description: 'Nomor Seri KARPEG' })
  @IsOptional()
  @ValidateIf((o: EmployeePersonalDto) => o.karpegNumber !== null)
  @IsString()
  @Matches(KARPEG, { message: 'nomor seri KARPEG: huruf, angka, spasi, . / - (≤ 30) / letters, digits, space . / -' })
  karpegNumber?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2022-04-01',
    description: 'TMT pangkat/golongan ruang',
  })
  @IsOptional()
  @ValidateIf((o: EmployeePersonalDto) => o.tmtPangkat !== null)
  @IsDateOnly()
  tmtPangkat?: string | null;

  @ApiPropertyOptional({ type: EducationDto, nullable: true })
  @IsOptional()
  @ValidateIf((o: EmployeePersonalDto) => o.education !== null)
  @ValidateNested()
  @Type(() => EducationDto)
  education?: EducationDto | null;

  @ApiPropertyOptional({ type: MasaKerjaGolonganDto, nullable: true, description: 'masa kerja golongan on a date' })
  @IsOptional()
  @ValidateIf((o: EmployeePersonalDto) => o.masaKerjaGolongan !== null)
  @ValidateNested()
  @Type(() => MasaKerjaGolonganDto)
  masaKerjaGolongan?: MasaKerjaGolonganDto | null;
}
