import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { InvalidInputError } from '../common/domain-errors';
import { Cursor, PageQuery } from '../common/pagination';
import { AdminOnly } from '../identity/auth.decorators';
import { AuditRepository } from './audit.repository';

class AuditTrailQuery extends PageQuery {
  @ApiProperty({
    example: 'Employee',
    description:
      'Entity type as recorded: Employee, Unit, Skp, Evaluation, PpkDelegation, DisciplineCase, allowance_run, attendance_month, …',
  })
  @IsString()
  @Length(1, 40)
  entity: string;

  @ApiProperty({
    example: '198703152010011002',
    description: "The entity's id as recorded (NIP for employees, code for units, the id otherwise)",
  })
  @IsString()
  @Length(1, 80)
  id: string;
}

export class AuditEntryDto {
  @ApiProperty({ example: '1042' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: '198501012010011001', description: 'NIP of the person, or the API key / system name' })
  actor: string;
  @ApiProperty({ example: 'ADMIN', description: 'ADMIN | EMPLOYEE (people), API_KEY, SYSTEM' }) actorKind: string;
  @ApiProperty({ example: 'employee.mutate' }) action: string;
  @ApiProperty() entityType: string;
  @ApiProperty() entityId: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'State before the change',
  })
  before: unknown;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'State after the change',
  })
  after: unknown;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ description: 'Correlation id of the request that made the change' }) correlationId: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'Oldest first' }) items: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** GET /audit: the audit trail of one entity (every write is audited in its own transaction). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditTrailController {
  constructor(private readonly audit: AuditRepository) {}

  @AdminOnly()
  @Get()
  @ApiOperation({
    summary: 'Audit trail of an entity, oldest first (who, when, what before and after, under which request)',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiNotFoundResponse({ description: 'Not an ADMIN' })
  async trail(@Query() q: AuditTrailQuery): Promise<AuditPageDto> {
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after);
    const afterId = after ? String(after[0]) : '0';
    if (!/^\d{1,18}$/.test(afterId))
      throw new InvalidInputError('Cursor tidak valid / invalid cursor', [
        { field: 'after', problem: 'is not a cursor returned by this API' },
      ]);
    const rows: AuditEntryDto[] = await this.audit.trail(q.entity, q.id, afterId, limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? Cursor.encode([items[items.length - 1].id]) : null };
  }
}
