import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError } from '../common/domain-errors';
import { TransactionHost, type TxHost } from '../database/transaction';
import { actorLabel, Principal } from '../identity/principal';
import type { OpeningTablesView } from './credit.views';
import type { OpeningTableVersionDto } from './dto/opening-table.dto';
import { OpeningTablesRepository, type OpeningTableName } from './opening-tables.repository';

/** The OPEN annex tables of ak.opening (04 §9): every version, and adding one (audited). */
@Injectable()
export class OpeningTablesService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly tables: OpeningTablesRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<OpeningTablesView> {
    return this.tables.tables();
  }

  /** Adds a version from its date; a version from that date or with that id is a conflict. */
  async add(p: Principal, name: OpeningTableName, dto: OpeningTableVersionDto): Promise<OpeningTablesView> {
    await this.txHost.withTransaction(async () => {
      const rows = dto.rows.map((r) => ({ ...r, education: r.education ?? undefined }));
      const added = await this.tables.insert(name, {
        versionId: dto.id,
        effectiveFrom: dto.effectiveFrom,
        legalBasis: dto.legalBasis,
        rows,
        createdBy: actorLabel(p).actor,
      });
      if (!added)
        throw new ConflictError(
          `Versi tabel ${name} dengan id atau tanggal berlaku ini sudah ada / a version with this id or date exists`,
        );
      await this.audit.record({
        action: 'credit.opening-table',
        entityType: 'AkOpeningTable',
        entityId: `${name}:${dto.id}`,
        after: dto,
      });
    });
    return this.tables.tables();
  }
}
