import { Dec, pct, show, sum, toDec, toInt, type Dec as DecT } from '../common/decimal';
import type { DeductionCode } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { explanation, type ExplanationStep } from '../common/explanation';
import { parseMonth } from '../common/dates';
import { asArray, asInt, asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { allowanceDefaults, type AllowanceConfig } from '../config/defaults';
import { resolveRuleSet } from './resolve-rule-set';
import { hukdisForMonth } from './sanctions-in-force';
import { roundDeduction, roundNearest, roundPayable, rupiah } from './money';
import { bandFor, capLines, parseMinutes, warning, type RawLine } from './deduction-lines';
import { kinerjaLine } from './kinerja';
import type {
  AllowanceMonthInput,
  AllowanceMonthResult,
  AllowanceRuleSet,
  AllowanceWarning,
  Band,
  DeductionLine,
  InfoLine,
} from './types';

const STATUS_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
/** Codes that are not attendance/discipline deductions (kept out of deductionsByCode and of the discipline cap). */
const NOT_DISCIPLINE: DeductionCode[] = ['PREDIKAT', 'PREDIKAT_HELD', 'STATUS', 'HUKDIS', 'PEMBULATAN'];

/**
 * Monthly TPP / tukin of one employee (spec 03 §9): split, predicate factor, attendance deductions
 * with cap, status factor, hukuman disiplin, rounding; every reduction is an explained line.
 * Invariants: basicAmount = performancePart + disciplinePart; netAmount = basicAmount − Σ deductions ≥ 0.
 */
export function computeAllowanceMonth(
  input: AllowanceMonthInput,
  config?: DeepPartial<AllowanceConfig>,
): AllowanceMonthResult {
  const cfg = mergeConfig(allowanceDefaults, config);
  const obj = asObject(input, 'input');
  const monthIndex = parseMonth(obj.month, 'month');
  const resolved = resolveRuleSet(obj.ruleSet ?? cfg.defaultRuleSet, monthIndex, cfg);
  const rs: AllowanceRuleSet = resolved.ruleSet;
  const workingDays = asInt(obj.workingDays, 'workingDays', 1, 31);
  const warnings: AllowanceWarning[] = [];
  let status = 'PNS';
  if (obj.status !== undefined && obj.status !== null) {
    if (typeof obj.status !== 'string' || !STATUS_CODE.test(obj.status))
      throw new RuleInputError(`must be a status code (A–Z, 0–9, _), got ${JSON.stringify(obj.status)}`, 'status');
    status = obj.status;
  }
  const attendanceMissing = obj.attendance === undefined || obj.attendance === null;
  // No record for the month: paid as if present every day, which a person must see (ATTENDANCE_MISSING).
  if (attendanceMissing)
    warnings.push(
      warning(
        'ATTENDANCE_MISSING',
        `Belum ada data presensi bulan ${String(obj.month)}: tidak ada potongan presensi (dihitung seolah hadir penuh)`,
      ),
    );
  const att = attendanceMissing ? {} : asObject(obj.attendance, 'attendance');
  const late = parseMinutes(att.lateMinutes, 'attendance.lateMinutes');
  const early = parseMinutes(att.earlyLeaveMinutes, 'attendance.earlyLeaveMinutes');
  const absentDays = att.absentDays === undefined ? 0 : asInt(att.absentDays, 'attendance.absentDays', 0, workingDays);
  const missedApel = att.missedApel === undefined ? 0 : asInt(att.missedApel, 'attendance.missedApel', 0);
  const consecutiveAbsent =
    att.consecutiveAbsentDays === undefined
      ? null
      : asInt(att.consecutiveAbsentDays, 'attendance.consecutiveAbsentDays', 0, absentDays);
  const leaveDays = att.leaveDays === undefined ? {} : asObject(att.leaveDays, 'attendance.leaveDays');
  const sanctions = (
    obj.sanctions === undefined || obj.sanctions === null ? [] : asArray(obj.sanctions, 'sanctions')
  ).map((s, i) => {
    const o = asObject(s, `sanctions[${i}]`);
    return {
      type: String(o.type),
      effectiveFrom: String(o.effectiveFrom),
      id: o.id === undefined ? undefined : String(o.id),
    };
  });
  const steps: ExplanationStep[] = [];

  // 1. Entitlement B
  let B: DecT;
  let kelas: number | null = null;
  if (obj.basicAmount !== undefined && obj.basicAmount !== null) {
    B = new Dec(asInt(obj.basicAmount, 'basicAmount', 0));
  } else if (obj.kelasJabatan !== undefined && obj.kelasJabatan !== null) {
    kelas = asInt(obj.kelasJabatan, 'kelasJabatan', 1, 17);
    const amount = rs.baseTable[String(kelas)];
    if (amount === undefined)
      throw new RuleInputError(`rule set ${resolved.ref} has no baseTable amount for kelas ${kelas}`, 'kelasJabatan');
    B = new Dec(asInt(amount, `ruleSet.baseTable.${kelas}`, 0));
    const ceiling = rs.ceilingTable?.[String(kelas)];
    if (ceiling !== undefined && B.gt(ceiling))
      warnings.push(
        warning(
          'CEILING_EXCEEDED',
          `Besaran TPP kelas ${kelas} (${rupiah(B)}) melebihi Basic TPP ${rupiah(new Dec(ceiling))}`,
        ),
      );
  } else {
    throw new RuleInputError('either basicAmount or kelasJabatan is required', 'basicAmount');
  }
  steps.push({
    label: 'besaran TPP (B)',
    formula: kelas === null ? 'input' : `baseTable[kelas ${kelas}]`,
    value: toInt(B),
  });

  // 2. Split
  const kin = toDec(rs.split.kin, 'ruleSet.split.kin');
  // The performance part is rounded to the unit but never above B: rounding half-up could otherwise give
  // Bkin > B (e.g. kin 100 %, B not a multiple of the unit) and a negative discipline part, whose
  // deductions (disBase DIS_PART) would then be negative lines.
  const BkinRounded = roundNearest(B.times(kin), rs);
  const Bkin = Dec.min(B, Dec.max(new Dec(0), BkinRounded));
  const Bdis = B.minus(Bkin);
  const splitClamp = Bkin.eq(BkinRounded) ? '' : ` (dibulatkan ${rupiah(BkinRounded)}, dibatasi besaran TPP)`;
  steps.push({
    label: 'bagian kinerja / disiplin',
    formula: `${show(kin.times(100))}% × ${rupiah(B)} = ${rupiah(Bkin)}${splitClamp}; ${rupiah(B)} − ${rupiah(Bkin)} = ${rupiah(Bdis)}`,
    value: `${toInt(Bkin)} / ${toInt(Bdis)}`,
  });

  const perLine = rs.rounding.stage === 'PER_LINE';
  const r = (d: DecT): DecT => (perLine ? roundDeduction(d, rs) : d);
  const unit = new Dec(rs.rounding.unit);
  const floorFn = (d: DecT): DecT => (perLine ? d.div(unit).floor().times(unit) : d);
  const lines: RawLine[] = [];
  const statusRow = rs.statusRules?.[status];
  if (statusRow === undefined) {
    warnings.push(
      warning(
        'STATUS_UNKNOWN',
        `Status kepegawaian ${status} tidak diatur dalam statusRules rule set ${resolved.ref}: dihitung 100% tanpa faktor status; lengkapi rule set`,
      ),
    );
  }
  const statusFactor = statusRow === undefined ? new Dec(1) : toDec(statusRow, `ruleSet.statusRules.${status}`);
  let applied: string | null = null;
  let held = false;

  if (statusFactor.isZero()) {
    // 0. Status gate (03 §9 step 0): nothing is paid.
    lines.push({
      code: 'STATUS',
      exact: B,
      reason: `Status ${status}: TPP tidak dibayarkan`,
      formula: `faktor status 0 × ${rupiah(B)} → potongan ${rupiah(B)}`,
    });
    steps.push({ label: 'status', formula: `faktor status ${status} = 0: TPP tidak dibayarkan`, value: 0 });
  } else {
    // 3. Kinerja
    const kinBase = rs.predikatFactorBase === 'WHOLE' ? B : Bkin;
    const kinBaseLabel = rs.predikatFactorBase === 'WHOLE' ? 'seluruh TPP' : 'bagian kinerja';
    const k = kinerjaLine({ rs, ref: resolved.ref, input: obj, kinBase, kinBaseLabel, round: r });
    lines.push(k.line);
    warnings.push(...k.warnings);
    applied = k.applied;
    held = k.held;

    // 4. Disiplin
    const disBase = rs.disBase === 'WHOLE' ? B : Bdis;
    const disBaseLabel = rs.disBase === 'WHOLE' ? 'seluruh TPP' : 'bagian disiplin';
    const bandLine = (code: 'TL' | 'PSW', minutes: (number | null)[], bands: Band[], label: string): void => {
      const pcts = minutes.map((m) => bandFor(m, bands));
      const total = sum(pcts);
      if (total.isZero()) return;
      const exact = disBase.times(total);
      lines.push({
        code,
        exact: r(exact),
        reason: `${label} ${minutes.length} kali (${minutes.map((m) => (m === null ? 'tanpa presensi' : `${m} menit`)).join(', ')})`,
        formula: `(${pcts.map((p) => pct(p)).join(' + ')}) × ${disBaseLabel} ${rupiah(disBase)} = ${show(exact)}`,
      });
    };
    bandLine('TL', late, rs.lateBands, 'Terlambat masuk kerja');
    bandLine('PSW', early, rs.earlyBands, 'Pulang sebelum waktunya');
    if (missedApel > 0) {
      const ap = toDec(rs.apelPct, 'ruleSet.apelPct');
      const exact = disBase.times(ap).times(missedApel);
      lines.push({
        code: 'APEL',
        exact: r(exact),
        reason: `Tidak mengikuti apel/upacara ${missedApel} kali`,
        formula: `${missedApel} × ${pct(ap)} × ${disBaseLabel} ${rupiah(disBase)} = ${show(exact)}`,
      });
    }
    for (const [code, daysRaw] of Object.entries(leaveDays)) {
      const days = asInt(daysRaw, `attendance.leaveDays.${code}`, 0);
      const rule = rs.leaveRules[code];
      if (!rule || rule.pctPerDay === undefined || days === 0) {
        if (!rule && days > 0)
          warnings.push(warning('LEAVE_RULE_MISSING', `Cuti ${code} tidak diatur dalam rule set: tidak ada potongan`));
        continue;
      }
      const p = toDec(rule.pctPerDay, `ruleSet.leaveRules.${code}.pctPerDay`);
      if (p.isZero()) continue;
      const base = rule.base === 'WHOLE' ? B : Bdis;
      const exact = base.times(p).times(days);
      lines.push({
        code: 'CUTI',
        exact: r(exact),
        reason: `${code} ${days} hari`,
        formula: `${days} × ${pct(p)} × ${rupiah(base)} = ${show(exact)}`,
      });
    }
    if (absentDays > 0) {
      let exact: DecT;
      let formula: string;
      if (
        rs.consecutiveAbsenceFullCutDays !== undefined &&
        consecutiveAbsent !== null &&
        consecutiveAbsent >= rs.consecutiveAbsenceFullCutDays
      ) {
        exact = disBase;
        formula = `${consecutiveAbsent} hari berturut-turut ≥ ${rs.consecutiveAbsenceFullCutDays}: 100% × ${rupiah(disBase)}`;
      } else if (rs.tkMode === 'PCT_PER_DAY') {
        const p = toDec(rs.tkPct, 'ruleSet.tkPct');
        exact = disBase.times(p).times(absentDays);
        formula = `${absentDays} × ${pct(p)} × ${disBaseLabel} ${rupiah(disBase)} = ${show(exact)}`;
      } else {
        exact = disBase.times(absentDays).div(workingDays);
        formula = `${absentDays} × ${disBaseLabel} ${rupiah(disBase)} / ${workingDays} hari kerja = ${show(exact)}`;
      }
      lines.push({
        code: 'TK',
        exact: r(exact),
        reason: `Tidak masuk kerja tanpa keterangan ${absentDays} hari`,
        formula,
      });
    }
    // Cap (03 §6.4)
    const capFrac = toDec(rs.deductionCap, 'ruleSet.deductionCap');
    const disLines = lines.filter((l) => !NOT_DISCIPLINE.includes(l.code));
    if (rs.capScope === 'PER_PART') {
      capLines(disLines, capFrac.times(disBase), cfg.capOrder, `batas ${pct(capFrac)} ${disBaseLabel}`, floorFn);
    }
    // Never more than the entitlement in total (or deductionCap × B with capScope WHOLE).
    const wholeCap = rs.capScope === 'WHOLE' ? capFrac.times(B) : B;
    capLines(
      lines,
      wholeCap,
      ['PREDIKAT_HELD', 'PREDIKAT', ...cfg.capOrder],
      `batas ${rs.capScope === 'WHOLE' ? pct(capFrac) : '100%'} TPP`,
      floorFn,
    );
  }

  // Amounts of paid parts from the lines
  const computeParts = (ls: RawLine[]) => {
    const get = (code: DeductionCode) => sum(ls.filter((l) => l.code === code).map((l) => l.exact));
    if (ls.some((l) => l.code === 'STATUS') && statusFactor.isZero())
      return { perf: new Dec(0), dis: new Dec(0), before: new Dec(0) };
    const pred = get('PREDIKAT').plus(get('PREDIKAT_HELD'));
    const dis = sum(ls.filter((l) => !NOT_DISCIPLINE.includes(l.code)).map((l) => l.exact));
    let perf = Bkin.minus(pred);
    let disPaid = Bdis.minus(dis);
    if (disPaid.isNeg()) {
      perf = perf.plus(disPaid);
      disPaid = new Dec(0);
    }
    if (perf.isNeg()) {
      disPaid = disPaid.plus(perf);
      perf = new Dec(0);
    }
    return { perf, dis: disPaid, before: perf.plus(disPaid) };
  };

  if (!statusFactor.isZero()) {
    // 5. Subtotal with status factor
    const before = computeParts(lines).before;
    if (!statusFactor.eq(1)) {
      const after = perLine
        ? Dec.min(before, roundNearest(before.times(statusFactor), rs))
        : before.times(statusFactor);
      lines.push({
        code: 'STATUS',
        exact: before.minus(after),
        reason: `Status ${status}: dibayar ${pct(statusFactor)}`,
        formula: `(100% − ${pct(statusFactor)}) × ${rupiah(before)} = ${show(before.minus(after))}`,
      });
    }
    const subtotalExact = before.minus(sum(lines.filter((l) => l.code === 'STATUS').map((l) => l.exact)));
    // 6. Hukuman disiplin
    const hk = hukdisForMonth(sanctions, monthIndex, rs);
    for (const n of hk.notes) warnings.push(warning('HUKDIS_NOT_APPLIED', n));
    if (hk.cuts.length > 0) {
      const chosen =
        rs.hukdisStacking === 'REPLACE' ? [hk.cuts.reduce((a, b) => (b.fraction.gt(a.fraction) ? b : a))] : hk.cuts;
      const fraction = sum(chosen.map((c) => c.fraction));
      const base = rs.hukdisBase === 'ENTITLEMENT' ? B : subtotalExact;
      let exact = r(base.times(fraction));
      let capped = '';
      if (exact.gt(subtotalExact)) {
        exact = subtotalExact;
        capped = ' (dibatasi sisa TPP)';
      }
      lines.push({
        code: 'HUKDIS',
        exact,
        reason: `Hukuman disiplin: ${chosen.map((c) => `${c.sanction} (${c.note}; berlaku ${c.fromMonth} s.d. ${c.toMonth})`).join('; ')}${capped}`,
        formula: `${pct(fraction)} × ${rs.hukdisBase === 'ENTITLEMENT' ? 'besaran TPP' : 'subtotal'} ${rupiah(base)} = ${show(base.times(fraction))}${capped}`,
      });
    }
  }

  // 7. Rounding: PER_LINE already rounded; FINAL = cumulative rounding so Σ lines = round(Σ exact).
  // In FINAL mode the payable after each line is rounded (so net = round(B − Σ exact)) and each line is
  // the drop of the rounded payable; in PER_LINE mode lines are already rounded.
  const rounded: { line: RawLine; amount: DecT }[] = [];
  let cumExact = new Dec(0);
  let paidPrev = B;
  for (const l of lines) {
    cumExact = cumExact.plus(l.exact);
    const paid = perLine
      ? B.minus(cumExact)
      : l.exact.isZero()
        ? paidPrev
        : Dec.min(paidPrev, Dec.max(new Dec(0), roundPayable(B.minus(cumExact), rs)));
    rounded.push({ line: l, amount: paidPrev.minus(paid) });
    paidPrev = paid;
  }
  const finalLines = rounded.map(({ line, amount }) => ({ ...line, exact: amount }));
  // The payable itself is a multiple of the unit (03 §11.2 rounding): with Rp100 the rest of an
  // entitlement that is not a multiple of 100 is never paid out as odd rupiah, nor rounded above it.
  const residue = paidPrev.mod(unit);
  if (!residue.isZero()) {
    finalLines.push({
      code: 'PEMBULATAN',
      exact: residue,
      reason: `Pembulatan TPP dibayar ke kelipatan ${rupiah(unit)} (ke bawah)`,
      formula: `${rupiah(paidPrev)} − ${rupiah(paidPrev.minus(residue))} = ${show(residue)}`,
    });
  }
  const parts = computeParts(finalLines);
  const totalDeductions = sum(finalLines.map((l) => l.exact));
  const net = B.minus(totalDeductions);
  if (net.isNeg()) throw new Error('internal: negative net allowance');
  const statusAmt = sum(finalLines.filter((l) => l.code === 'STATUS').map((l) => l.exact));
  const subtotal = statusFactor.isZero() ? new Dec(0) : parts.before.minus(statusAmt);

  const deductions: DeductionLine[] = finalLines
    .filter((l) => !l.exact.isZero())
    .map((l) => ({ code: l.code, amount: toInt(l.exact), reason: l.reason, formula: l.formula }));
  const deductionsByCode: Partial<Record<DeductionCode, number>> = {};
  for (const d of deductions) {
    if (d.code === 'PREDIKAT' || d.code === 'STATUS' || d.code === 'PREDIKAT_HELD' || d.code === 'PEMBULATAN') continue;
    deductionsByCode[d.code] = (deductionsByCode[d.code] ?? 0) + d.amount;
  }

  // 8. Informational payroll lines (03 §8), never netted
  const info: InfoLine[] = [];
  if (rs.bpjs.onTpp) {
    const base = rs.bpjs.ceiling === null ? net : Dec.min(net, new Dec(rs.bpjs.ceiling));
    const er = toDec(rs.bpjs.employer, 'ruleSet.bpjs.employer');
    const ee = toDec(rs.bpjs.employee, 'ruleSet.bpjs.employee');
    info.push({
      code: 'BPJS_EMPLOYER_4',
      amount: toInt(base.times(er).toDecimalPlaces(0, Dec.ROUND_HALF_UP)),
      reason: `Iuran BPJS Kesehatan pemberi kerja ${pct(er)} × ${rupiah(base)} (ditambahkan ke bruto oleh payroll)`,
    });
    info.push({
      code: 'BPJS_EMPLOYEE_1',
      amount: toInt(base.times(ee).toDecimalPlaces(0, Dec.ROUND_HALF_UP)),
      reason: `Iuran BPJS Kesehatan pegawai ${pct(ee)} × ${rupiah(base)} (dipotong oleh payroll)`,
    });
  }
  const infoLines: Record<string, number> = {};
  for (const i of info) infoLines[i.code] = i.amount;

  const heldAmount = toInt(sum(finalLines.filter((l) => l.code === 'PREDIKAT_HELD').map((l) => l.exact)));
  const minutes = [...late, ...early].reduce<number>((a, m) => a + (m ?? 0), 0);
  const tmkEquivalentDays =
    absentDays + Math.floor(minutes / asInt(rs.minutesPerTmkDay, 'ruleSet.minutesPerTmkDay', 1));
  for (const d of deductions)
    steps.push({ label: `potongan ${d.code}`, formula: `${d.formula} → ${rupiah(d.amount)}`, value: d.amount });
  return {
    ruleSet: resolved.ref,
    month: String(obj.month),
    basicAmount: toInt(B),
    performancePart: toInt(Bkin),
    disciplinePart: toInt(Bdis),
    performancePaid: toInt(parts.perf),
    disciplinePaid: toInt(parts.dis),
    subtotal: toInt(subtotal),
    deductions,
    deductionsByCode,
    totalDeductions: toInt(totalDeductions),
    netAmount: toInt(net),
    infoLines,
    info,
    pph21BorneByEmployer: rs.tax.pph21BorneByEmployer,
    heldAmount,
    pending: held && heldAmount > 0,
    tmkEquivalentDays,
    warnings,
    explanation: explanation({
      ruleId: `allowance.month@${resolved.ref}`,
      legalBasis: rs.legalRefs.join('; '),
      status: rs.status,
      inputs: {
        ruleSet: resolved.ref,
        month: obj.month,
        basicAmount: obj.basicAmount,
        kelasJabatan: obj.kelasJabatan,
        workingDays,
        status,
        predicate: obj.predicate ?? null,
        predicatePeriod: obj.predicatePeriod,
        predicateApplied: applied,
        attendance: obj.attendance ?? null,
        sanctions,
      },
      formula: `TPP dibayar = ${rupiah(B)} − (${deductions.map((d) => `${d.code} ${rupiah(d.amount)}`).join(' + ') || 'tanpa potongan'}) = ${rupiah(net)}`,
      steps,
    }),
  };
}
