import { describe } from '../common/decimal';
import type { Predicate } from '../common/enums';
import { RuleInputError } from '../common/errors';
import type { AkConfig } from '../config/defaults';

/**
 * Normalises a predicate label or alias (02 §4): trimmed, case-insensitive, spaces → "_";
 * "Cukup" → BUTUH_PERBAIKAN, "Kurang/Misconduct" → KURANG.
 */
export function normalizePredicate(value: unknown, cfg: AkConfig, field = 'predicate'): Predicate {
  if (typeof value !== 'string') throw new RuleInputError(`must be a predicate, got ${describe(value)}`, field);
  const key = value
    .trim()
    .toUpperCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/[\s-]+/g, '_');
  const hit = cfg.aliases[key];
  if (!hit)
    throw new RuleInputError(
      `unknown predicate "${value}" (expected SANGAT_BAIK | BAIK | BUTUH_PERBAIKAN | KURANG | SANGAT_KURANG or an alias such as CUKUP)`,
      field,
    );
  return hit;
}
