import { Dec, pct, show, toDec, toDecOf, toInt, type Dec as DecT } from '../common/decimal';
import { daysInMonth, formatMonth, parseDate } from '../common/dates';
import { RuleInputError } from '../common/errors';
import type { ExplanationStep } from '../common/explanation';
import { asArray, asInt, asObject } from '../common/validate';
import { rupiah } from './money';
import { warning } from './deduction-lines';
import type { AllowanceRuleSet, AllowanceWarning, SegmentResult } from './types';
import { statusRulesOf } from './resolve-rule-set';

/** Entitlements are integer rupiah, half-up (the rule set's unit applies to the payable, 03 §11.2). */
const toRupiah = (d: DecT): DecT => d.toDecimalPlaces(0, Dec.ROUND_HALF_UP);

const STATUS_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

export interface Entitlement {
  /** basicAmount B of 00/03 = round(Σ B_i d_i / W) + acting add-on. */
  B: DecT;
  kelas: number | null;
  /** D = Σ counted days (TK daily accrual and EXCLUDE_DAYS divide by it). */
  D: number;
  /** f_status = Σ(B_i d_i f_i) / Σ(B_i d_i); null with no segment (the single status applies as before). */
  segmentStatusFactor: DecT | null;
  actingAddon: number;
  segments: SegmentResult[];
}

function parseStatus(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !STATUS_CODE.test(raw))
    throw new RuleInputError(`must be a status code (A–Z, 0–9, _), got ${JSON.stringify(raw)}`, field);
  return raw;
}

function amountOf(
  o: Record<string, unknown>,
  rs: AllowanceRuleSet,
  ref: string,
  field: string,
  warnings: AllowanceWarning[],
) {
  if (o.basicAmount !== undefined && o.basicAmount !== null)
    return { B: new Dec(asInt(o.basicAmount, `${field}basicAmount`, 0)), kelas: null };
  if (o.kelasJabatan === undefined || o.kelasJabatan === null)
    throw new RuleInputError('either basicAmount or kelasJabatan is required', `${field}basicAmount`);
  const kelas = asInt(o.kelasJabatan, `${field}kelasJabatan`, 1, 17);
  const amount = rs.baseTable[String(kelas)];
  if (amount === undefined)
    throw new RuleInputError(`rule set ${ref} has no baseTable amount for kelas ${kelas}`, `${field}kelasJabatan`);
  const B = new Dec(asInt(amount, `ruleSet.baseTable.${kelas}`, 0));
  const ceiling = rs.ceilingTable?.[String(kelas)];
  if (ceiling !== undefined && B.gt(ceiling))
    warnings.push(
      warning(
        'CEILING_EXCEEDED',
        `Besaran TPP kelas ${kelas} (${rupiah(B)}) melebihi Basic TPP ${rupiah(new Dec(ceiling))}`,
      ),
    );
  return { B, kelas };
}

/**
 * Entitlement of the month (04 §5.3 steps 1–3): segments by working days (joiners, movers, leavers, a status
 * per segment), the Plt add-on or the Plt post's amount, each segment explained. Without segments the
 * top-level basicAmount / kelasJabatan is one whole-month segment.
 */
export function entitlement(
  obj: Record<string, unknown>,
  rs: AllowanceRuleSet,
  ref: string,
  monthIndex: number,
  W: number,
  status: string,
  warnings: AllowanceWarning[],
  steps: ExplanationStep[],
): Entitlement {
  const mode = rs.proration?.mode ?? 'WORKING_DAYS';
  const hasSegments = obj.segments !== undefined && obj.segments !== null;
  const month = formatMonth(monthIndex);
  const y = Math.floor(monthIndex / 12);
  const m = (monthIndex % 12) + 1;
  const dim = daysInMonth(y, m);
  type Seg = { from: string | null; to: string | null; d: number; B: DecT; kelas: number | null; status: string };
  let segs: Seg[];
  if (hasSegments) {
    const raw = asArray(obj.segments, 'segments');
    if (raw.length === 0) throw new RuleInputError('must hold at least one segment', 'segments');
    segs = raw.map((r, i) => {
      const f = `segments[${i}].`;
      const o = asObject(r, `segments[${i}]`);
      const from = parseDate(o.from, `${f}from`);
      const to = parseDate(o.to, `${f}to`);
      if (from.y * 12 + from.m - 1 !== monthIndex || to.y * 12 + to.m - 1 !== monthIndex || to.d < from.d)
        throw new RuleInputError(`must be a date range inside ${month}`, `${f}to`);
      const a = amountOf(o, rs, ref, f, warnings);
      return {
        from: String(o.from),
        to: String(o.to),
        d: asInt(o.workingDays, `${f}workingDays`, 0, W),
        ...a,
        status: o.status === undefined || o.status === null ? status : parseStatus(o.status, `${f}status`),
      };
    });
    const total = segs.reduce((s, x) => s + x.d, 0);
    if (total > W) throw new RuleInputError(`segment working days (${total}) exceed the month's ${W}`, 'segments');
  } else {
    segs = [{ from: null, to: null, d: W, ...amountOf(obj, rs, ref, '', warnings), status }];
  }

  // 2. Plt (04 §5.3 step 2): each post ignored below acting.minWorkingDays; several posts as a list.
  let addon = new Dec(0);
  const actingList =
    obj.acting === undefined || obj.acting === null ? [] : Array.isArray(obj.acting) ? obj.acting : [obj.acting];
  let actingPostB: DecT | null = null;
  for (const [i, raw] of actingList.entries()) {
    const f = Array.isArray(obj.acting) ? `acting[${i}].` : 'acting.';
    const a = asObject(raw, f.slice(0, -1));
    const level = a.level;
    if (level !== 'SAME' && level !== 'HIGHER')
      throw new RuleInputError(`must be SAME or HIGHER, got ${JSON.stringify(level)}`, `${f}level`);
    const aB = amountOf(a, rs, ref, f, warnings).B;
    const aDays = asInt(a.workingDays, `${f}workingDays`, 0, W);
    const cfg = rs.acting ?? {};
    const addonPct = toDec(cfg.addonPct ?? rs.actingAddonPct ?? '0.20', 'ruleSet.acting.addonPct');
    const minDays = cfg.minWorkingDays ?? 20;
    const higherMode = cfg.higherLevelMode ?? 'ACTING_POST';
    const prorate = (cfg.proration ?? 'NONE') === 'WORKING_DAYS';
    if (aDays < minDays) {
      steps.push({ label: 'Plt', formula: `${aDays} hari kerja sebagai Plt < ${minDays}: tanpa tambahan`, value: 0 });
    } else if (level === 'HIGHER' && higherMode === 'ACTING_POST') {
      // Several higher posts: the month is paid at the highest of their TPP.
      actingPostB = actingPostB === null || aB.gt(actingPostB) ? aB : actingPostB;
      steps.push({
        label: 'Plt',
        formula: `Plt jabatan lebih tinggi ${aDays} hari: TPP jabatan Plt ${rupiah(aB)}`,
        value: toInt(aB),
      });
    } else {
      const exact = addonPct.times(aB).times(prorate ? new Dec(aDays).div(W) : 1);
      addon = addon.plus(toRupiah(exact));
      steps.push({
        label: 'tambahan Plt',
        formula: `${pct(addonPct)} × ${rupiah(aB)}${prorate ? ` × ${aDays}/${W}` : ''} = ${show(exact)} (${aDays} hari kerja ≥ ${minDays})`,
        value: toInt(toRupiah(exact)),
      });
    }
  }
  if (actingPostB !== null) for (const s of segs) s.B = actingPostB;

  // 3. Σ B_i × share_i by proration.mode (04 §5.2).
  const share = (s: Seg): DecT => {
    // Only segments given in the input have dates; without them the month is one whole segment.
    if (s.from === null || s.to === null) return new Dec(1);
    if (mode === 'CALENDAR_DAYS') {
      const days = Number(s.to.slice(8)) - Number(s.from.slice(8)) + 1;
      return new Dec(days).div(dim);
    }
    if (mode === 'POST_ON_FIRST_DAY') return new Dec(s.from.endsWith('-01') ? 1 : 0);
    return new Dec(s.d).div(W);
  };
  const results: SegmentResult[] = [];
  let sum = new Dec(0);
  let weighted = new Dec(0);
  let statusWeighted = new Dec(0);
  for (const s of segs) {
    const row = statusRulesOf(rs)[s.status];
    if (row === undefined && hasSegments)
      warnings.push(
        warning(
          'STATUS_UNKNOWN',
          `Status kepegawaian ${s.status} tidak diatur dalam statusRules rule set ${ref}: dihitung 100%`,
        ),
      );
    const f = row === undefined ? new Dec(1) : toDecOf(statusRulesOf(rs), s.status, 'ruleSet.statusRules.');
    const part = s.B.times(share(s));
    sum = sum.plus(part);
    weighted = weighted.plus(part);
    statusWeighted = statusWeighted.plus(part.times(f));
    const counted = mode === 'POST_ON_FIRST_DAY' ? (share(s).isZero() ? 0 : W) : s.d;
    results.push({
      from: s.from,
      to: s.to,
      workingDays: s.d,
      countedDays: counted,
      basicAmount: toInt(s.B),
      kelasJabatan: s.kelas,
      status: s.status,
      statusFactor: f.toString(),
      amount: show(part),
    });
    if (hasSegments)
      steps.push({
        label: `segmen ${s.from} s.d. ${s.to}`,
        formula: `${rupiah(s.B)} × ${mode === 'CALENDAR_DAYS' ? `${share(s).times(dim).toString()}/${dim} hari kalender` : mode === 'POST_ON_FIRST_DAY' ? (share(s).isZero() ? '0 (bukan jabatan pada tanggal 1)' : 'sebulan penuh (jabatan pada tanggal 1)') : `${s.d}/${W} hari kerja`} = ${show(part)}; status ${s.status} ${pct(f)}`,
        value: show(part),
      });
  }
  const B = toRupiah(sum).plus(addon);
  const D = hasSegments ? results.reduce((a, r) => a + r.countedDays, 0) : W;
  const kelas = !hasSegments ? segs[0].kelas : null;
  steps.push({
    label: 'besaran TPP (B)',
    formula: hasSegments
      ? `Σ segmen ${show(sum)} → ${rupiah(toRupiah(sum))}${addon.isZero() ? '' : ` + tambahan Plt ${rupiah(addon)}`}`
      : `${kelas === null ? 'input' : `baseTable[kelas ${kelas}]`}${addon.isZero() ? '' : ` + tambahan Plt ${rupiah(addon)}`}`,
    value: toInt(B),
  });
  return {
    B,
    kelas,
    D: Math.max(D, 1),
    segmentStatusFactor: hasSegments ? (weighted.isZero() ? new Dec(0) : statusWeighted.div(weighted)) : null,
    actingAddon: toInt(addon),
    segments: results,
  };
}
