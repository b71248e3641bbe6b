import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { CreateUnitDto } from './dto/employee.dto';
import { UnitsRepository, type UnitView } from './units.repository';

export type { UnitView };

@Injectable()
export class UnitsService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateUnitDto): Promise<UnitView> {
    await this.txHost.withTransaction(async () => {
      if (await this.units.existsByCode(dto.code))
        throw new ConflictError(`Unit ${dto.code} sudah ada / unit already exists`);
      let parentId: string | null = null;
      if (dto.parentCode) {
        const parent = await this.units.findByCode(dto.parentCode);
        if (!parent)
          throw new InvalidInputError(`Unit induk ${dto.parentCode} tidak ada / unknown parent unit`, [
            { field: 'parentCode', problem: 'no unit with this code' },
          ]);
        parentId = parent.id;
      }
      const unit = await this.units.insert({ code: dto.code, name: dto.name, parentId });
      await this.audit.record({ action: 'unit.create', entityType: 'Unit', entityId: unit.code, after: dto });
    });
    return this.get(dto.code);
  }

  async get(code: string): Promise<UnitView> {
    const view = await this.units.view(code);
    if (!view) throw new NotFoundError('Unit');
    return view;
  }
}
