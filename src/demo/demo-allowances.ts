import type { DataSource } from 'typeorm';
import { RuleSetsService } from '../allowance/rule-sets.service';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { TransactionHost } from '../database/transaction';

/**
 * Demo allowances: the reference rule set R-TPP-DEMO (spec 03 §11.3) as the agency default.
 * Idempotent: nothing happens when R-TPP-DEMO already has a version.
 */
export async function seedDemoAllowances(dataSource: DataSource): Promise<{ ruleSetCreated: boolean }> {
  const ruleSets = new RuleSetsService(
    dataSource,
    new AuditService(new AuditRepository(TransactionHost.getInstance())),
  );
  const { created } = await ruleSets.ensureTemplateDefault('R-TPP-DEMO', '2025-01-01');
  return { ruleSetCreated: created };
}
