import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, notFound } from '../common/api-error';
import { CreateUnitDto } from './dto/employee.dto';
import { UnitEntity } from './entities/unit.entity';

export interface UnitView {
  code: string;
  name: string;
  parentCode: string | null;
  children: string[];
}

@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateUnitDto): Promise<UnitView> {
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(UnitEntity);
      if (await repo.existsBy({ code: dto.code })) throw conflict(`Unit ${dto.code} sudah ada / unit already exists`);
      let parentId: string | null = null;
      if (dto.parentCode) {
        const parent = await repo.findOneBy({ code: dto.parentCode });
        if (!parent)
          throw badRequest(`Unit induk ${dto.parentCode} tidak ada / unknown parent unit`, [
            { field: 'parentCode', problem: 'no unit with this code' },
          ]);
        parentId = parent.id;
      }
      const unit = await repo.save({ code: dto.code, name: dto.name, parentId });
      await this.audit.record(m, { action: 'unit.create', entityType: 'Unit', entityId: unit.code, after: dto });
    });
    return this.get(dto.code);
  }

  async get(code: string): Promise<UnitView> {
    const rows: { code: string; name: string; parent_code: string | null; children: string[] }[] =
      await this.dataSource.query(
        `SELECT u.code, u.name, p.code AS parent_code,
              COALESCE((SELECT array_agg(c.code ORDER BY c.code) FROM units c WHERE c.parent_id = u.id), '{}') AS children
         FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.code = $1`,
        [code],
      );
    if (!rows[0]) throw notFound('Unit');
    return { code: rows[0].code, name: rows[0].name, parentCode: rows[0].parent_code, children: rows[0].children };
  }
}
