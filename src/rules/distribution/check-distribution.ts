import { ORG_PREDICATES, PREDICATES, parseEnum, type OrgPredicate, type Predicate } from '../common/enums';
import { Dec, show, type Dec as DecT } from '../common/decimal';
import { explanation, type Explanation, type ExplanationStep } from '../common/explanation';
import { selectVersion } from '../common/versioning';
import { asInt, asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { distributionDefaults, type DistributionConfig, type RoundingRule } from '../config/defaults';
import type { DistributionConstraint, DistributionViolationCode, DistributionWarningCode } from './tables';

export type PredicateCounts = Record<Predicate, number>;

export interface DistributionInput {
  orgPredicate: OrgPredicate;
  /** Employees per predicate; missing keys count as 0. */
  counts: Partial<PredicateCounts>;
  onDate?: string;
}

export interface DistributionFinding {
  code: DistributionViolationCode | DistributionWarningCode;
  severity: 'ERROR' | 'WARNING';
  /** Bahasa Indonesia message. */
  message: string;
  messageEn: string;
  /** Actual count of the predicates concerned, and the limit it was compared with. */
  actual: number;
  limit: number | null;
  /** True when a percentage rule was downgraded to a warning by the small-unit policy. */
  advisory?: boolean;
}

export interface DistributionResult {
  orgPredicate: OrgPredicate;
  population: number;
  counts: PredicateCounts;
  ok: boolean;
  /** Codes of violated rules (errors only). */
  violations: DistributionViolationCode[];
  /** Codes of warnings ("sebagian besar", small-unit advisories). */
  warnings: string[];
  details: DistributionFinding[];
  explanation: Explanation;
}

function roundCount(x: DecT, rule: RoundingRule): number {
  const r = rule === 'FLOOR' ? x.floor() : rule === 'CEIL' ? x.ceil() : x.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return r.toNumber();
}

const LABEL: Record<Predicate, string> = {
  SANGAT_BAIK: 'SB',
  BAIK: 'B',
  BUTUH_PERBAIKAN: 'BP',
  KURANG: 'K',
  SANGAT_KURANG: 'SK',
};

/**
 * Checks the employee-predicate distribution of a unit against the SE MenPANRB 3/2023 pattern
 * for its organisation predicate (01 §10.2–§10.3). N = 0 is ok.
 */
export function checkDistribution(
  input: DistributionInput,
  config?: DeepPartial<DistributionConfig>,
): DistributionResult {
  const cfg = mergeConfig(distributionDefaults, config);
  const obj = asObject(input, 'input');
  const orgPredicate = parseEnum(ORG_PREDICATES, obj.orgPredicate, 'orgPredicate');
  const rawCounts = asObject(obj.counts, 'counts');
  for (const k of Object.keys(rawCounts)) parseEnum(PREDICATES, k, `counts.${k}`);
  const counts = {} as PredicateCounts;
  for (const p of PREDICATES) counts[p] = rawCounts[p] === undefined ? 0 : asInt(rawCounts[p], `counts.${p}`, 0);
  const n = PREDICATES.reduce((a, p) => a + counts[p], 0);
  const version = selectVersion(cfg.patterns, input.onDate);
  const pattern = version.data[orgPredicate];

  const details: DistributionFinding[] = [];
  const steps: ExplanationStep[] = [];
  const small = n > 0 && n < cfg.smallUnit.minN;

  if (n > 0) {
    for (const c of pattern.constraints) {
      const actual = c.predicates.reduce((a, p) => a + counts[p], 0);
      const { violated, limit, formula } = evaluate(c, actual, n, cfg);
      steps.push({ label: c.code, formula, value: violated ? 'LANGGAR' : 'OK' });
      if (!violated) continue;
      const isPercentRule = c.kind === 'MAX' || c.kind === 'MIN';
      const advisory = small && isPercentRule;
      details.push({
        code: c.code,
        severity: advisory ? 'WARNING' : 'ERROR',
        message: `${c.messageId} (${formula})`,
        messageEn: `${c.messageEn} (${formula})`,
        actual,
        limit,
        ...(advisory ? { advisory: true } : {}),
      });
    }
    if (pattern.plurality && cfg.sebagianBesar !== 'OFF') {
      const pl = pattern.plurality;
      const actual = counts[pl.predicate];
      const max = Math.max(...PREDICATES.map((p) => counts[p]));
      const ok = cfg.sebagianBesar === 'PLURALITY' ? actual === max : new Dec(actual).gt(new Dec(n).div(2));
      const formula =
        cfg.sebagianBesar === 'PLURALITY'
          ? `${LABEL[pl.predicate]} = ${actual}, terbanyak = ${max}`
          : `${LABEL[pl.predicate]} = ${actual} > 50% × ${n}`;
      steps.push({ label: pl.code, formula, value: ok ? 'OK' : 'PERINGATAN' });
      if (!ok) {
        details.push({
          code: pl.code,
          severity: 'WARNING',
          message: `${pl.messageId} (${formula})`,
          messageEn: `${pl.messageEn} (${formula})`,
          actual,
          limit: max,
        });
      }
    }
  }

  const violations = details.filter((d) => d.severity === 'ERROR').map((d) => d.code as DistributionViolationCode);
  const warnings = details.filter((d) => d.severity === 'WARNING').map((d) => d.code);
  return {
    orgPredicate,
    population: n,
    counts,
    ok: violations.length === 0,
    violations,
    warnings,
    details,
    explanation: explanation({
      ruleId: `distribution.${orgPredicate}@${version.id}`,
      legalBasis: version.legalBasis,
      status: version.status,
      inputs: { orgPredicate, counts, onDate: input.onDate },
      formula:
        n === 0
          ? 'N = 0: tidak ada pegawai, pola distribusi terpenuhi'
          : `N = ${n}; batas maksimum = ${cfg.rounding.max}(p × N), batas minimum = ${cfg.rounding.min}(p × N)${small ? `; N < ${cfg.smallUnit.minN}: aturan persentase hanya peringatan` : ''}; pelanggaran: ${violations.length === 0 ? 'tidak ada' : violations.join(', ')}`,
      steps,
    }),
  };
}

function evaluate(
  c: DistributionConstraint,
  actual: number,
  n: number,
  cfg: DistributionConfig,
): { violated: boolean; limit: number | null; formula: string } {
  const who = c.predicates.map((p) => LABEL[p]).join('+');
  switch (c.kind) {
    case 'MAX': {
      const share = new Dec(c.share ?? '0');
      const limit = roundCount(share.times(n), cfg.rounding.max);
      return {
        violated: actual > limit,
        limit,
        formula: `${who} = ${actual} ≤ ${cfg.rounding.max.toLowerCase()}(${show(share)} × ${n}) = ${limit}`,
      };
    }
    case 'MIN': {
      const share = new Dec(c.share ?? '0');
      const limit = roundCount(share.times(n), cfg.rounding.min);
      return {
        violated: actual < limit,
        limit,
        formula: `${who} = ${actual} ≥ ${cfg.rounding.min.toLowerCase()}(${show(share)} × ${n}) = ${limit}`,
      };
    }
    case 'ZERO':
      return { violated: actual > 0, limit: 0, formula: `${who} = ${actual} = 0` };
    case 'AT_LEAST_ONE':
      return { violated: actual < 1, limit: 1, formula: `${who} = ${actual} ≥ 1` };
  }
}
