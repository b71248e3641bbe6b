import { Dec, pct, show, sum, toDecOf, toInt, type Dec as DecT } from '../common/decimal';
import type { DeductionCode } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { explanation, type ExplanationStep } from '../common/explanation';
import { parseMonth } from '../common/dates';
import { asArray, asInt, asObject, scalarText } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { allowanceDefaults, type AllowanceConfig } from '../config/defaults';
import { resolveRuleSet, statusRulesOf } from './resolve-rule-set';
import { hukdisForMonth, hukdisLine } from './sanctions-in-force';
import { roundDeduction, roundNearest, roundPayable, rupiah } from './money';
import { bandFor, capLines, parseMinutes, warning, type RawLine } from './deduction-lines';
import { kinerjaLine } from './kinerja';
import { entitlement } from './segments';
import { leaveEffect, parseLeave } from './leave';
import { bpjsInfo } from './info-lines';
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
  const fwaDays = att.fwaDays === undefined ? 0 : asInt(att.fwaDays, 'attendance.fwaDays', 0, absentDays);
  const leave = parseLeave(obj, leaveDays);
  // December paid in full regardless of attendance and kinerja where the rule set says so (04 §5.2).
  const decemberFull = rs.decemberFullPay === true && monthIndex % 12 === 11;
  const sanctions = (
    obj.sanctions === undefined || obj.sanctions === null ? [] : asArray(obj.sanctions, 'sanctions')
  ).map((s, i) => {
    const o = asObject(s, `sanctions[${i}]`);
    return {
      type: String(o.type),
      effectiveFrom: String(o.effectiveFrom),
      id: o.id === undefined ? undefined : scalarText(o.id),
    };
  });
  const steps: ExplanationStep[] = [];

  // 1. Entitlement B (04 §5.3 steps 1–3: segments, Plt)
  const ent = entitlement(obj, rs, resolved.ref, monthIndex, workingDays, status, warnings, steps);
  const B = ent.B;

  // 2. Split
  const kin = toDecOf(rs.split, 'kin', 'ruleSet.split.');
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
  const statusRow = statusRulesOf(rs)[status];
  if (statusRow === undefined && ent.segmentStatusFactor === null) {
    warnings.push(
      warning(
        'STATUS_UNKNOWN',
        `Status kepegawaian ${status} tidak diatur dalam statusRules rule set ${resolved.ref}: dihitung 100% tanpa faktor status; lengkapi rule set`,
      ),
    );
  }
  const statusFactor =
    ent.segmentStatusFactor ??
    (statusRow === undefined ? new Dec(1) : toDecOf(statusRulesOf(rs), status, 'ruleSet.statusRules.'));
  const statusLabel = ent.segmentStatusFactor === null ? `Status ${status}` : 'Status per segmen';
  let applied: string | null = null;
  let held = false;
  let leaveFactor: ReturnType<typeof leaveEffect> | null = null;

  if (statusFactor.isZero()) {
    // 0. Status gate (03 §9 step 0): nothing is paid.
    lines.push({
      code: 'STATUS',
      exact: B,
      reason: `${statusLabel}: TPP tidak dibayarkan`,
      formula: `faktor status 0 × ${rupiah(B)} → potongan ${rupiah(B)}`,
    });
    steps.push({ label: 'status', formula: `faktor status ${status} = 0: TPP tidak dibayarkan`, value: 0 });
  } else {
    // 3. Kinerja
    const kinBase = rs.predikatFactorBase === 'WHOLE' ? B : Bkin;
    const kinBaseLabel = rs.predikatFactorBase === 'WHOLE' ? 'seluruh TPP' : 'bagian kinerja';
    if (decemberFull) {
      steps.push({
        label: 'Desember',
        formula: 'decemberFullPay: dibayar 100% tanpa faktor kinerja dan potongan presensi',
      });
    } else {
      const k = kinerjaLine({ rs, ref: resolved.ref, input: obj, kinBase, kinBaseLabel, round: r });
      lines.push(k.line);
      warnings.push(...k.warnings);
      applied = k.applied;
      held = k.held;
    }

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
      const ap = toDecOf(rs, 'apelPct', 'ruleSet.');
      const exact = disBase.times(ap).times(missedApel);
      lines.push({
        code: 'APEL',
        exact: r(exact),
        reason: `Tidak mengikuti apel/upacara ${missedApel} kali`,
        formula: `${missedApel} × ${pct(ap)} × ${disBaseLabel} ${rupiah(disBase)} = ${show(exact)}`,
      });
    }
    const lv = leaveEffect(leave, rs, B, Bdis, ent.D, r, warnings);
    leaveFactor = lv;
    if (!decemberFull) lines.push(...lv.lines);
    // An approved flexible-work day is official duty, not absence (PermenPANRB 4/2025; 04 §5.3 step 6).
    const tkDays = rs.fwa?.countsAsPresent === false ? absentDays : Math.max(0, absentDays - fwaDays);
    const fwaNote = tkDays === absentDays ? '' : ` (${absentDays} − ${fwaDays} hari kerja fleksibel)`;
    if (tkDays > 0 && !decemberFull) {
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
        const p = toDecOf(rs, 'tkPct', 'ruleSet.');
        exact = disBase.times(p).times(tkDays);
        formula = `${tkDays}${fwaNote} × ${pct(p)} × ${disBaseLabel} ${rupiah(disBase)} = ${show(exact)}`;
      } else {
        // Daily accrual over the days of the month's segments (04 §5.3 step 6; = working days without segments).
        exact = disBase.times(tkDays).div(ent.D);
        formula = `${tkDays}${fwaNote} × ${disBaseLabel} ${rupiah(disBase)} / ${ent.D} hari kerja = ${show(exact)}`;
      }
      lines.push({
        code: 'TK',
        exact: r(exact),
        reason: `Tidak masuk kerja tanpa keterangan ${tkDays} hari${fwaNote}`,
        formula,
      });
    }
    // Cap (03 §6.4)
    const capFrac = toDecOf(rs, 'deductionCap', 'ruleSet.');
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
    const dis = sum(ls.filter((l) => !NOT_DISCIPLINE.includes(l.code) && !l.afterSubtotal).map((l) => l.exact));
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
        reason: `${statusLabel}: dibayar ${pct(statusFactor)}`,
        formula: `(100% − ${pct(statusFactor)}) × ${rupiah(before)} = ${show(before.minus(after))}`,
      });
    }
    const afterStatus = before.minus(sum(lines.filter((l) => l.code === 'STATUS').map((l) => l.exact)));
    // Leave factor of 04 §5.3 step 7 (EXCLUDE_DAYS, MONTH_UNPAID): a CUTI line after the status factor.
    if (leaveFactor !== null && !leaveFactor.factor.eq(1)) {
      const after = perLine
        ? Dec.min(afterStatus, roundNearest(afterStatus.times(leaveFactor.factor), rs))
        : afterStatus.times(leaveFactor.factor);
      lines.push({
        code: 'CUTI',
        exact: afterStatus.minus(after),
        reason: leaveFactor.factorReason,
        formula: `${leaveFactor.factorFormula} × ${rupiah(afterStatus)} → potongan ${show(afterStatus.minus(after))}`,
        afterSubtotal: true,
      });
    }
    const subtotalExact = afterStatus.minus(sum(lines.filter((l) => l.afterSubtotal).map((l) => l.exact)));
    // 6. Hukuman disiplin
    const hk = hukdisForMonth(sanctions, monthIndex, rs);
    for (const n of hk.notes) warnings.push(warning('HUKDIS_NOT_APPLIED', n));
    const hl = hukdisLine(hk.cuts, rs, B, subtotalExact, r);
    if (hl) lines.push(hl);
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
  const statusAmt = sum(finalLines.filter((l) => l.code === 'STATUS' || l.afterSubtotal).map((l) => l.exact));
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
  const info: InfoLine[] = bpjsInfo(rs, net);
  const infoLines: Record<string, number> = {};
  for (const i of info) infoLines[i.code] = i.amount;

  const heldAmount = toInt(sum(finalLines.filter((l) => l.code === 'PREDIKAT_HELD').map((l) => l.exact)));
  const minutes = [...late, ...early].reduce<number>((a, m) => a + (m ?? 0), 0);
  const tmkEquivalentDays =
    absentDays -
    (rs.fwa?.countsAsPresent === false ? 0 : fwaDays) +
    Math.floor(minutes / asInt(rs.minutesPerTmkDay, 'ruleSet.minutesPerTmkDay', 1));
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
    actingAddon: ent.actingAddon,
    segments: ent.segments,
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
        segments: obj.segments,
        acting: obj.acting,
        leave: obj.leave,
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
