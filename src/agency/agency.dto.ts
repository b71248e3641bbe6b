import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const OFFICIAL_ROLES = ['PIMPINAN_INSTANSI', 'KEPALA_BKPSDM', 'PENETAP_ANGKA_KREDIT'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

/** A number template: `{seq}` (the per-year sequence, or `{seq:3}` zero-padded) and `{year}` are filled in; `{nip}` may be used. */
const NUMBER_FORMAT = /^(?=.*\{seq(?::\d)?\})[^{}]*(\{(seq(:\d)?|year|nip)\}[^{}]*)*$/;

export class OfficialDto {
  @ApiProperty({ example: 'Dr. H. Ahmad Fauzi, S.H., M.Si.' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ example: '197003151995031002' })
  @Matches(/^\d{18}$/, { message: 'must be an 18-digit NIP' })
  nip: string;
  @ApiProperty({ example: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  positionTitle: string;
  @ApiPropertyOptional({ example: 'Pembina Utama Muda (IV/c)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  pangkat?: string;
}

export class OfficialsDto {
  @ApiPropertyOptional({ type: OfficialDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficialDto)
  PIMPINAN_INSTANSI?: OfficialDto;
  @ApiPropertyOptional({ type: OfficialDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficialDto)
  KEPALA_BKPSDM?: OfficialDto;
  @ApiPropertyOptional({
    type: OfficialDto,
    description: 'signs the PAK when set; otherwise the Pejabat Penilai Kinerja signs',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficialDto)
  PENETAP_ANGKA_KREDIT?: OfficialDto;
}

export class AgencyProfileDto {
  @ApiProperty({ example: 'Pemerintah Kabupaten Contoh' }) @IsString() @MinLength(3) @MaxLength(200) name: string;
  @ApiProperty({
    example: 'Contoh',
    description: 'town written before the date ("Contoh, 6 Desember 2026") and after "Ditetapkan di"',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  town: string;
  @ApiProperty({
    example: [
      'PEMERINTAH KABUPATEN CONTOH',
      'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA',
      'Jalan Merdeka No. 1, Contoh 12345',
    ],
    description: 'letterhead lines, top to bottom (≤ 5)',
  })
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(160, { each: true })
  letterhead: string[];
  @ApiPropertyOptional({
    type: String,
    description: 'PNG logo for the letterhead, base64 (≤ 200 kB); null removes it',
    nullable: true,
  })
  @IsOptional()
  @IsBase64()
  @MaxLength(280_000)
  logoPngBase64?: string | null;
  @ApiProperty({
    example: '800/{seq}/BKPSDM/{year}',
    description: 'PAK number: {seq} (per year; {seq:3} zero-padded), {year}, {nip}',
  })
  @Matches(NUMBER_FORMAT, { message: 'must contain {seq}; only {seq}, {seq:N}, {year}, {nip} are filled in' })
  @MaxLength(120)
  pakNumberFormat: string;
  @ApiProperty({ example: '800/{seq}/DEKP/{year}' })
  @Matches(NUMBER_FORMAT, { message: 'must contain {seq}; only {seq}, {seq:N}, {year}, {nip} are filled in' })
  @MaxLength(120)
  dekpNumberFormat: string;
  @ApiProperty({ type: OfficialsDto }) @IsObject() @ValidateNested() @Type(() => OfficialsDto) officials: OfficialsDto;
  @ApiProperty({
    example: [
      'Kepala Badan Kepegawaian Negara',
      'Pimpinan Instansi Pengusul',
      'Pejabat Penilai Kinerja',
      'Pejabat fungsional yang bersangkutan',
    ],
    description: 'tembusan list, printed numbered',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(200, { each: true })
  tembusan: string[];
}
