import { Dec, pct, show, toDec, toDecOf, type Dec as DecT } from '../common/decimal';
import { ALLOWANCE_PREDICATES, parseEnum, type AllowancePredicate } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { asObject } from '../common/validate';
import { rupiah } from './money';
import { warning, type RawLine } from './deduction-lines';
import type { AllowanceRuleSet, AllowanceWarning } from './types';

const PREDICATE_LABEL: Record<AllowancePredicate, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
  NONE: 'tidak ada predikat/laporan kinerja',
};

export interface KinerjaResult {
  line: RawLine;
  /** Predikat whose factor was applied; null when the part is held or kinMode is not PREDIKAT. */
  applied: AllowancePredicate | null;
  held: boolean;
  warnings: AllowanceWarning[];
}

interface KinerjaArgs {
  rs: AllowanceRuleSet;
  ref: string;
  input: Record<string, unknown>;
  kinBase: DecT;
  kinBaseLabel: string;
  round: (d: DecT) => DecT;
}

/** Deduction of the kinerja step (03 §9 step 3): predikat factor, or capaian (LINEAR / CURVE). */
export function kinerjaLine(a: KinerjaArgs): KinerjaResult {
  return a.rs.kinMode === 'PREDIKAT' ? predikatLine(a) : capaianLine(a);
}

function predikatLine({ rs, ref, input, kinBase, kinBaseLabel, round }: KinerjaArgs): KinerjaResult {
  const warnings: AllowanceWarning[] = [];
  const period = typeof input.predicatePeriod === 'string' ? ` periode ${input.predicatePeriod}` : '';
  let predicate: AllowancePredicate | null =
    input.predicate === undefined || input.predicate === null
      ? null
      : parseEnum(ALLOWANCE_PREDICATES, input.predicate, 'predicate');
  let via = '';
  if (predicate === null) {
    // 04 §5.2: the configured period has no FINAL predikat yet; never cut silently.
    const mode = rs.predikatMissing ?? 'HOLD';
    const missing = `Predikat kinerja FINAL${period} belum ada`;
    const last =
      input.lastKnownPredicate === undefined || input.lastKnownPredicate === null
        ? null
        : asObject(input.lastKnownPredicate, 'lastKnownPredicate');
    if (mode === 'LAST_KNOWN' && last) {
      predicate = parseEnum(ALLOWANCE_PREDICATES, last.predicate, 'lastKnownPredicate.predicate');
      via = ` (predikat terakhir periode ${String(last.period)}, karena predikat${period} belum FINAL)`;
      warnings.push(
        warning(
          'PREDIKAT_MISSING',
          `${missing}: dipakai predikat FINAL terakhir ${PREDICATE_LABEL[predicate]} (periode ${String(last.period)}) sesuai predikatMissing LAST_KNOWN`,
        ),
      );
    } else if (mode === 'NONE_FACTOR') {
      predicate = 'NONE';
      via = ` (predikat${period} belum FINAL; predikatMissing NONE_FACTOR)`;
      warnings.push(
        warning(
          'PREDIKAT_MISSING',
          `${missing}: faktor "tanpa predikat" diterapkan sesuai predikatMissing NONE_FACTOR`,
        ),
      );
    } else {
      const exact = kinBase;
      const fallback =
        mode === 'LAST_KNOWN' ? ' (predikatMissing LAST_KNOWN, tetapi belum pernah ada predikat FINAL)' : '';
      warnings.push(
        warning(
          'PREDIKAT_MISSING',
          `${missing}: ${kinBaseLabel} ${rupiah(round(exact))} ditahan${fallback}, bukan dipotong; dibayar melalui koreksi setelah predikat FINAL`,
        ),
      );
      return {
        line: {
          code: 'PREDIKAT_HELD',
          exact: round(exact),
          reason: `${kinBaseLabel[0].toUpperCase()}${kinBaseLabel.slice(1)} ditahan: predikat kinerja FINAL${period} belum ada (bukan potongan; dibayar melalui koreksi setelah predikat FINAL)`,
          formula: `100% × ${kinBaseLabel} ${rupiah(kinBase)} ditahan (predikatMissing ${mode}${fallback})`,
        },
        applied: null,
        held: true,
        warnings,
      };
    }
  }
  const factorRaw = rs.predikatFactor?.[predicate];
  const dedRaw = rs.predikatDeduction?.[predicate];
  let fraction: DecT;
  let formula: string;
  if (rs.predikatFactor && factorRaw !== undefined) {
    const f = toDecOf(rs.predikatFactor, predicate, 'ruleSet.predikatFactor.');
    fraction = Dec.max(new Dec(0), new Dec(1).minus(f));
    formula = `(100% − ${pct(f)}) × ${rupiah(kinBase)}`;
  } else if (rs.predikatDeduction && dedRaw !== undefined) {
    fraction = toDecOf(rs.predikatDeduction, predicate, 'ruleSet.predikatDeduction.');
    formula = `${pct(fraction)} × ${rupiah(kinBase)}`;
  } else {
    throw new RuleInputError(`rule set ${ref} has no predikatFactor / predikatDeduction for ${predicate}`, 'predicate');
  }
  const exact = kinBase.times(fraction);
  return {
    line: {
      code: 'PREDIKAT',
      exact: round(exact),
      reason: `Predikat kinerja ${PREDICATE_LABEL[predicate]}${period}${via}: dibayar ${pct(new Dec(1).minus(fraction))} dari ${kinBaseLabel}`,
      formula: `${formula} = ${show(exact)}`,
    },
    applied: predicate,
    held: false,
    warnings,
  };
}

function capaianLine({ rs, input, kinBase, kinBaseLabel, round }: KinerjaArgs): KinerjaResult {
  const capaian = toDec(input.capaian, 'capaian'); // percent
  let f: DecT;
  let formula: string;
  if (rs.kinMode === 'LINEAR') {
    const cap = rs.linearCap === undefined ? new Dec(1) : toDec(rs.linearCap, 'ruleSet.linearCap');
    f = Dec.min(capaian.div(100), cap);
    formula = `min(${show(capaian)}%, ${pct(cap)})`;
  } else {
    const c = rs.curve;
    if (!c) throw new RuleInputError('is required for kinMode CURVE', 'ruleSet.curve');
    const etik = input.nilaiKodeEtik === undefined ? new Dec(100) : toDec(input.nilaiKodeEtik, 'nilaiKodeEtik');
    const w = toDec(c.etikWeight, 'ruleSet.curve.etikWeight');
    const capSkp = new Dec(1).minus(w).times(capaian).plus(w.times(etik));
    const skor = capSkp.gte(toDec(c.full, 'curve.full'))
      ? new Dec(100)
      : capSkp.lt(toDec(c.zero, 'curve.zero'))
        ? new Dec(0)
        : toDec(c.base, 'curve.base').plus(
            toDec(c.slope, 'curve.slope').times(capSkp.minus(toDec(c.zero, 'curve.zero'))),
          );
    f = Dec.min(new Dec(1), skor.div(100));
    formula = `skor(${show(capSkp)}) = ${show(skor)}`;
  }
  const fraction = Dec.max(new Dec(0), new Dec(1).minus(f));
  const exact = kinBase.times(fraction);
  return {
    line: {
      code: 'PREDIKAT',
      exact: round(exact),
      reason: `Capaian kinerja ${show(capaian)}%: dibayar ${pct(f)} dari ${kinBaseLabel}`,
      formula: `${formula}; (100% − ${pct(f)}) × ${rupiah(kinBase)} = ${show(exact)}`,
    },
    applied: null,
    held: false,
    warnings: [],
  };
}
