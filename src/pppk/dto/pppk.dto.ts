import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsDateOnly } from '../../common/dates';

export class PutContractDto {
  @ApiPropertyOptional({
    type: String,
    example: '2024-03-01',
    nullable: true,
    description: 'first day of the perjanjian kerja',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsDateOnly()
  startsOn?: string | null;

  @ApiProperty({
    type: String,
    example: '2027-02-28',
    nullable: true,
    description:
      'last day of the perjanjian kerja; null = not known yet (the review cannot be scheduled: listed as a problem)',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsDateOnly()
  endsOn: string | null;

  @ApiPropertyOptional({ example: '800/12/PPPK/2024', description: 'number of the perjanjian kerja' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  reference?: string;
}

export class ContractReviewQuery {
  @ApiPropertyOptional({ enum: ['PROPOSED', 'DECIDED'] })
  @IsOptional()
  @IsIn(['PROPOSED', 'DECIDED'])
  status?: 'PROPOSED' | 'DECIDED';

  @ApiPropertyOptional({ description: 'only this employee' })
  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'must be an 18-digit NIP' })
  nip?: string;
}

export class ContractDecisionDto {
  @ApiProperty({ enum: ['EXTEND', 'NOT_EXTENDED'], description: 'the person decides; the proposal is advice' })
  @IsIn(['EXTEND', 'NOT_EXTENDED'])
  decision: 'EXTEND' | 'NOT_EXTENDED';

  @ApiPropertyOptional({ example: '2029-02-28', description: 'EXTEND: last day of the extended contract (required)' })
  @IsOptional()
  @IsDateOnly()
  newEndDate?: string;

  @ApiPropertyOptional({ description: 'default today' })
  @IsOptional()
  @IsDateOnly()
  decidedOn?: string;

  @ApiPropertyOptional({
    example: 'Kebutuhan instansi: formasi tetap diperlukan',
    description: 'required when the decision departs from the proposal',
  })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason?: string;
}
