import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class UpdateAccountDto {
  @ApiPropertyOptional({ description: 'true disables the account and revokes its tokens at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ enum: ['ADMIN', 'EMPLOYEE'], description: 'a change revokes the account’s tokens' })
  @IsOptional()
  @IsIn(['ADMIN', 'EMPLOYEE'])
  role?: 'ADMIN' | 'EMPLOYEE';
}

export class SetPasswordDto {
  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class ChangeOwnPasswordDto extends SetPasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;
}

export class AccountViewDto {
  @ApiProperty() nip: string;
  @ApiProperty({ enum: ['ADMIN', 'EMPLOYEE'] }) role: string;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) employeeId: string | null;
}
