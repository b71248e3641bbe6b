import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsDateOnly } from '../../common/dates';

const NIP = /^\d{18}$/;
const NIP_MSG = { message: 'NIP harus 18 digit / must be 18 digits' };
export const DELEGATION_KINDS = ['PLT', 'PLH', 'DELEGASI'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

/**
 * A Plt/Plh or explicit delegation: `ppkNip` acts as PPK from `validFrom` to `validTo` (inclusive),
 * either for one employee (`employeeNip`) or for everyone who reports to an absent official on
 * `validFrom` (`forReportsOfNip`, e.g. a Plt for a vacant Kepala Seksi).
 */
export class CreateDelegationDto {
  @ApiPropertyOptional({
    example: '199203012015031001',
    description: 'the employee rated; give this or forReportsOfNip',
  })
  @IsOptional()
  @Matches(NIP, NIP_MSG)
  employeeNip?: string;

  @ApiPropertyOptional({
    description: 'delegate for all direct reports of this official on validFrom; give this or employeeNip',
  })
  @IsOptional()
  @Matches(NIP, NIP_MSG)
  forReportsOfNip?: string;

  @ApiProperty({ description: 'the acting official / delegate who rates' })
  @Matches(NIP, NIP_MSG)
  ppkNip: string;

  @ApiProperty({ enum: DELEGATION_KINDS })
  @IsIn(DELEGATION_KINDS)
  kind: DelegationKind;

  @ApiProperty({ example: '2026-03-01' })
  @IsDateOnly()
  validFrom: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-06-30',
    nullable: true,
    description: 'last day (inclusive); null = open-ended',
  })
  @IsOptional()
  @ValidateIf((o: CreateDelegationDto) => o.validTo !== null)
  @IsDateOnly()
  validTo: string | null = null;

  @ApiPropertyOptional({ example: 'Sprint Plt Kepala Seksi No. 800/123/2026' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 17,
    example: 10,
    description:
      'PLT: kelas jabatan of the acting post, for the TPP Plt add-on (spec 04 §5.3 step 2); without it the Plt month carries ACTING_POST_MISSING',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(17)
  actingKelasJabatan?: number;

  @ApiPropertyOptional({
    enum: ['SAME', 'HIGHER'],
    description:
      "PLT: level of the acting post against the Plt's own post (SAME → acting.addonPct of the Plt post's TPP; HIGHER → the Plt post's TPP under acting.higherLevelMode ACTING_POST); default: HIGHER when actingKelasJabatan is above the own kelas, else SAME",
  })
  @IsOptional()
  @IsIn(['SAME', 'HIGHER'])
  actingLevel?: 'SAME' | 'HIGHER';
}

export class EndDelegationDto {
  @ApiProperty({ example: '2026-04-30', description: 'new last day (inclusive), not after the current end' })
  @IsDateOnly()
  validTo: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class DelegationListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(NIP, NIP_MSG)
  employeeNip?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(NIP, NIP_MSG)
  ppkNip?: string;

  @ApiPropertyOptional({ description: 'only delegations in force on this date' })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}
