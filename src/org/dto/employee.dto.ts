import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
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
import { EMPLOYEE_EVENTS, EMPLOYEE_STATUSES, EmployeeEvent, GOLONGAN, JENJANG, POSITION_KINDS } from '../org.enums';
import { IsDateOnly } from '../../common/dates';
import { EmployeePersonalDto } from './employee-personal.dto';

const NIP = /^\d{18}$/;

export class PositionDto {
  @ApiProperty({ example: 'Analis Kebijakan Ahli Muda' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: POSITION_KINDS })
  @IsIn(POSITION_KINDS)
  kind: (typeof POSITION_KINDS)[number];

  @ApiPropertyOptional({ enum: JENJANG, nullable: true, description: 'required for FUNGSIONAL, null otherwise' })
  @ValidateIf((o: PositionDto) => o.kind === 'FUNGSIONAL' || o.jenjang !== null)
  @IsIn(JENJANG, { message: 'jenjang wajib untuk FUNGSIONAL / required for FUNGSIONAL and must be a JF jenjang' })
  jenjang: (typeof JENJANG)[number] | null = null;

  @ApiProperty({ minimum: 1, maximum: 17 })
  @IsInt()
  @Min(1)
  @Max(17)
  kelasJabatan: number;

  // @IsOptional lets an explicit null through: it means false, like an absent field.
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @IsBoolean()
  isUnitHead: boolean | null = false;

  @ApiProperty({ example: '2024-01-01' })
  @IsDateOnly()
  tmt: string;
}

export class CreateEmployeeDto extends EmployeePersonalDto {
  @ApiProperty({ example: '198703152010011002' })
  @Matches(NIP, { message: 'NIP harus 18 digit / must be 18 digits' })
  nip: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: EMPLOYEE_STATUSES })
  @IsIn(EMPLOYEE_STATUSES)
  status: (typeof EMPLOYEE_STATUSES)[number];

  @ApiProperty({ example: 'III/c' })
  @IsIn(GOLONGAN, { message: 'golongan tidak dikenal / unknown golongan (e.g. III/c, or PPPK I…XVII)' })
  golongan: string;

  @ApiProperty()
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,40}$/, { message: 'kode unit: huruf besar, angka, _ atau - / unit code: A-Z 0-9 _ -' })
  unitCode: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '198001012005011001' })
  @IsOptional()
  @ValidateIf((o: CreateEmployeeDto) => o.supervisorNip !== null)
  @Matches(NIP, { message: 'NIP harus 18 digit / must be 18 digits' })
  supervisorNip: string | null = null;

  @ApiPropertyOptional({ description: 'initial password; without it the employee cannot log in yet' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiProperty({ type: PositionDto })
  @ValidateNested()
  @Type(() => PositionDto)
  position: PositionDto;

  @ApiPropertyOptional({ description: 'start of this assignment; defaults to position.tmt' })
  @IsOptional()
  @IsDateOnly()
  effectiveFrom?: string;
}

/**
 * A mutation from a date: any of position, golongan, unit or supervisor (history is kept); and/or
 * the personal data of the PAK, which has no history and needs no date.
 */
export class MutateEmployeeDto extends EmployeePersonalDto {
  @ApiPropertyOptional({
    example: '2026-07-01',
    description: 'required with name, golongan, unitCode, supervisorNip, position or event',
  })
  @ValidateIf(
    (o: MutateEmployeeDto) =>
      o.effectiveFrom !== undefined ||
      o.event !== undefined ||
      o.name !== undefined ||
      o.golongan !== undefined ||
      o.unitCode !== undefined ||
      o.supervisorNip !== undefined ||
      o.position !== undefined,
  )
  @IsDateOnly()
  effectiveFrom?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(GOLONGAN, { message: 'golongan tidak dikenal / unknown golongan' })
  golongan?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,40}$/)
  unitCode?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '198001012005011001' })
  @IsOptional()
  @ValidateIf((o: MutateEmployeeDto) => o.supervisorNip !== null)
  @Matches(NIP, { message: 'NIP harus 18 digit / must be 18 digits' })
  supervisorNip?: string | null;

  @ApiPropertyOptional({ type: PositionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PositionDto)
  position?: PositionDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({
    enum: EMPLOYEE_EVENTS,
    description:
      'what the change means for the SKP (spec 04 §1.2): MUTASI/PROMOSI/DEMOSI/PENSIUN/BERHENTI/CLTN/TUGAS_BELAJAR close the approved SKP in force on effectiveFrom − 1 day (MENINGGAL: on the date), PLT_END the Plt SKP on the date; PPK_CHANGE continues it. Absent: inferred (higher kelas or JPT → PROMOSI, lower → DEMOSI, other unit or post → MUTASI, only the supervisor → PPK_CHANGE, golongan/name only → none). An event alone (no other field) records it without a new assignment row. For TPP (spec 04 §5.3): PENSIUN/BERHENTI end service on effectiveFrom (paid to the day before, no later month paid), MENINGGAL on the date of death; CPNS_START (TMT SPMT) opens the CPNS status (statusRules.CPNS) that PNS_START ends',
  })
  @IsOptional()
  @IsIn(EMPLOYEE_EVENTS)
  event?: EmployeeEvent;

  @ApiPropertyOptional({ format: 'uuid', description: 'PLT_START / PLT_END: the Plt delegation' })
  @IsOptional()
  @IsUUID('all')
  delegationId?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'DINKES' })
  @Matches(/^[A-Z0-9_-]{1,40}$/, { message: 'kode unit: huruf besar, angka, _ atau - / unit code: A-Z 0-9 _ -' })
  code: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'DINKES' })
  @IsOptional()
  @ValidateIf((o: CreateUnitDto) => o.parentCode !== null)
  @Matches(/^[A-Z0-9_-]{1,40}$/)
  parentCode: string | null = null;
}

export class OnDateQuery {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'answer as of this date (default today)' })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}
