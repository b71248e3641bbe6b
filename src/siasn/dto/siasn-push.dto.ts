import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
} from 'class-validator';
import { SIASN_KINDS, type SiasnKind } from '../../rules';

export class SiasnPushDto {
  @ApiProperty({ enum: SIASN_KINDS })
  @IsIn(SIASN_KINDS)
  kind: SiasnKind;

  @ApiPropertyOptional({ example: 2026, description: 'SKP22 and ANGKA_KREDIT' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    example: '2026-Q2',
    description: 'KINERJA_PERIODIK: a month (2026-03) or a quarter (2026-Q2)',
  })
  @IsOptional()
  @Matches(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, { message: 'must be a month (2026-03) or a quarter (2026-Q2)' })
  period?: string;

  @ApiPropertyOptional({ description: 'the unit and its sub-units' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unitCode?: string;

  @ApiPropertyOptional({ type: [String], example: ['198807192012071019'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^\d{18}$/, { each: true, message: 'each must be an 18-digit NIP' })
  nips?: string[];
}

export class SiasnOutboxQuery {
  @ApiPropertyOptional({ enum: ['PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD', 'SUPERSEDED'] })
  @IsOptional()
  @IsIn(['PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD', 'SUPERSEDED'])
  state?: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'DEAD' | 'SUPERSEDED';

  @ApiPropertyOptional({ enum: SIASN_KINDS })
  @IsOptional()
  @IsIn(SIASN_KINDS)
  kind?: SiasnKind;

  @ApiPropertyOptional({ description: 'default 100, max 500' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'must be 1–500' })
  limit?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'is not a cursor returned by this API' })
  after?: string;
}
