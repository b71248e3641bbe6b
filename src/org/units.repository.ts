import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../database/transaction';
import { UnitEntity } from './entities/unit.entity';

export interface UnitView {
  code: string;
  name: string;
  parentCode: string | null;
  children: string[];
}

/** The `units` table (the tree itself is walked by UnitTreeRepository). */
@Injectable()
export class UnitsRepository extends BaseRepository {
  private get repo() {
    return this.db().getRepository(UnitEntity);
  }

  existsByCode(code: string): Promise<boolean> {
    return this.repo.existsBy({ code });
  }

  findByCode(code: string): Promise<UnitEntity | null> {
    return this.repo.findOneBy({ code });
  }

  insert(unit: { code: string; name: string; parentId: string | null }): Promise<UnitEntity> {
    return this.repo.save(unit);
  }

  /** A unit with its parent's code and its children's codes; null when no unit has the code. */
  async view(code: string): Promise<UnitView | null> {
    const rows: { code: string; name: string; parent_code: string | null; children: string[] }[] =
      await this.db().query(
        `SELECT u.code, u.name, p.code AS parent_code,
              COALESCE((SELECT array_agg(c.code ORDER BY c.code) FROM units c WHERE c.parent_id = u.id), '{}') AS children
         FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.code = $1`,
        [code],
      );
    const r = rows.at(0);
    return r ? { code: r.code, name: r.name, parentCode: r.parent_code, children: r.children } : null;
  }
}
