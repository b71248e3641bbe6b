import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';
import { IsDateOnly } from '../../common/dates';

export class CreditOpeningDto {
  @ApiProperty({ enum: ['INTEGRASI', 'AK_DASAR'] })
  @IsIn(['INTEGRASI', 'AK_DASAR'])
  kind: 'INTEGRASI' | 'AK_DASAR';

  @ApiPropertyOptional({ example: '550.630', description: 'conventional AK total (INTEGRASI only), decimal string' })
  @ValidateIf((o) => o.kind === 'INTEGRASI')
  @Matches(/^\d{1,6}(\.\d{1,3})?$/, {
    message: 'harus angka desimal dalam string, mis. "550.630" / must be a decimal string',
  })
  conventionalTotal?: string;
}

export class CreditEducationDto {
  @ApiProperty({ enum: ['D3', 'D4', 'S1', 'S2', 'S3'] })
  @IsIn(['D3', 'D4', 'S1', 'S2', 'S3'])
  degree: string;

  @ApiProperty({ example: '2026-05-02' })
  @IsDateOnly()
  awardedOn: string;
}
