import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly } from '../../common/dates';
import { GOLONGANS, JENJANGS, type Golongan, type Jenjang } from '../../rules';

/** One row: applies when jenjang and golongan match, the education matches (absent = any), experience ≥ minYears. */
export class OpeningTableRowDto {
  @ApiProperty({ enum: JENJANGS })
  @IsIn(JENJANGS)
  jenjang: Jenjang;

  @ApiProperty({ enum: GOLONGANS })
  @IsIn(GOLONGANS)
  golongan: Golongan;

  @ApiPropertyOptional({ example: 'S2' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  education?: string;

  @ApiProperty({ example: 4 })
  @IsInt()
  @Min(0)
  @Max(50)
  minYears: number;

  @ApiProperty({ example: '100', description: 'AK, decimal string' })
  @Matches(/^\d{1,6}(\.\d{1,3})?$/, { message: 'harus angka desimal dalam string / must be a decimal string' })
  amount: string;

  @ApiProperty({ example: 'PerBKN 3/2023 Lampiran II angka 3, baris 2' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  source: string;
}

export class OpeningTableVersionDto {
  @ApiProperty({ example: 'PERBKN_3_2023_L2_A3_2027', description: 'Version id (letters, digits, _ and -)' })
  @Matches(/^[A-Za-z0-9_-]{3,40}$/, { message: 'huruf, angka, _ atau -, 3–40 karakter / 3–40 of A-Z a-z 0-9 _ -' })
  id: string;

  @ApiProperty({ example: '2027-01-01' })
  @IsDateOnly()
  effectiveFrom: string;

  @ApiProperty({ example: 'Peraturan BKN 3/2023 Lampiran II angka 3' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  legalBasis: string;

  @ApiProperty({
    type: [OpeningTableRowDto],
    description: 'Every row of the version (it replaces the earlier rows from its date)',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OpeningTableRowDto)
  rows: OpeningTableRowDto[];
}
