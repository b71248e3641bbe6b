import type { RuleSetsService } from '../allowance/rule-sets.service';

/**
 * Demo allowances: the reference rule set R-TPP-DEMO (spec 03 §11.3) as the agency default.
 * Idempotent: nothing happens when R-TPP-DEMO already has a version.
 */
export async function seedDemoAllowances(ruleSets: RuleSetsService): Promise<{ ruleSetCreated: boolean }> {
  const { created } = await ruleSets.ensureTemplateDefault('R-TPP-DEMO', '2025-01-01');
  return { ruleSetCreated: created };
}
