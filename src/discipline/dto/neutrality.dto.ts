import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsDateOnly } from '../../common/dates';
import { ELECTION_KINDS, type ElectionKind } from '../neutrality-elections.repository';

/** An election's data (04 §7): the window of acts attributed to it and its penetapan pasangan calon date. */
export class UpdateElectionDto {
  @ApiProperty({ enum: ELECTION_KINDS })
  @IsIn(ELECTION_KINDS)
  kind: ElectionKind;

  @ApiProperty({ example: 'Pemilihan Kepala Daerah Serentak 2024' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2024-01-01', description: 'first day of acts attributed to this election' })
  @IsDateOnly()
  from: string;

  @ApiProperty({ example: '2024-12-31', description: 'last day of acts attributed to this election' })
  @IsDateOnly()
  to: string;

  @ApiProperty({
    example: '2024-09-22',
    description:
      'penetapan pasangan calon: acts on or after it are CALON stage, before it BAKAL_CALON (within from..to)',
  })
  @IsDateOnly()
  penetapan: string;

  @ApiProperty({ example: 'PKPU 2/2024 (penetapan pasangan calon 22 September 2024)' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  legalBasis: string;
}

export class CreateElectionDto extends UpdateElectionDto {
  @ApiProperty({ example: 'PILKADA_2024', description: 'A–Z, 0–9 and _, 3–40 characters' })
  @Matches(/^[A-Z0-9_]{3,40}$/, { message: 'must be 3–40 characters A–Z, 0–9 or _' })
  code: string;
}
