import {
  EMPLOYEE_STATUSES,
  PPPK_GRADES,
  parseEnum,
  type Golongan,
  type Jenjang,
  type PppkGrade,
} from '../common/enums';
import { RuleInputError } from '../common/errors';
import type { ExplanationStep } from '../common/explanation';
import { monthOfDate, parseDate } from '../common/dates';
import { asArray, asObject, asString } from '../common/validate';
import type { AkConfig } from '../config/defaults';
import {
  AK_LEGAL,
  aboveJenjangRange,
  catchUpOf,
  golonganIndex,
  golonganRange,
  jenjangContext,
  parseGolongan,
  rankDistance,
  topGolongan,
  type CatchUp,
  type JenjangContext,
} from './jenjang';

/** A stretch of months with one jenjang and golongan; `ledger` numbers the jenjang tenures. */
export interface Segment {
  fromMonth: number; // inclusive; -Infinity for the first
  tmt: string | null;
  jenjang: Jenjang;
  /** PPPK grade when `pppk` (no pangkat ladder, 04 §6). */
  golongan: Golongan | PppkGrade;
  ctx: JenjangContext;
  ledger: number;
  /** Integrasi case C: golongan below the jenjang's lowest when the ledger opened (02 §10). */
  catchUp: CatchUp | null;
  /** A PPPK in a JF: informational ledger (config ak.pppk.ledger, 04 §6). */
  pppk: boolean;
}

/**
 * Jenjang/golongan over time from the first position and the changes (02 §7.2, §7.3, §8):
 * same jenjang = KP (one golongan rank, ledger carried), next jenjang = KJ (new ledger).
 */
export function buildTimeline(obj: Record<string, unknown>, cfg: AkConfig, steps: ExplanationStep[]): Segment[] {
  const status =
    obj.status === undefined || obj.status === null ? 'PNS' : parseEnum(EMPLOYEE_STATUSES, obj.status, 'status');
  if (status === 'PPPK') return pppkTimeline(obj, cfg, steps);
  const firstCtx = jenjangContext(obj.jenjang, cfg);
  const firstGol = parseGolongan(obj.golongan);
  const firstCatchUp = catchUpOf(firstCtx, firstGol, cfg);
  if (firstCatchUp === null) {
    golonganIndex(firstCtx, firstGol);
    aboveRangeStep(firstCtx, firstGol, steps);
  } else
    steps.push({
      label: `jenjang di atas pangkat (${firstCtx.jenjang} ${firstGol})`,
      formula: `kasus C: AK dihitung dari AKK konvensional ${firstGol}; ${firstCatchUp.offset.toString()} AK untuk menyusul golongan ${firstCtx.row.golongans[0]}, batas jenjang bergeser sebesar itu`,
      value: firstCatchUp.offset.toString(),
    });
  const segments: Segment[] = [
    {
      fromMonth: -Infinity,
      tmt: null,
      jenjang: firstCtx.jenjang,
      golongan: firstGol,
      ctx: firstCtx,
      ledger: 0,
      catchUp: firstCatchUp,
      pppk: false,
    },
  ];
  const changes = obj.changes === undefined || obj.changes === null ? [] : asArray(obj.changes, 'changes');
  for (const c of parseChanges(changes)) {
    const prev = segments[segments.length - 1];
    const ctx = jenjangContext(c.jenjangRaw, cfg, c.tmt, `changes[${c.i}].jenjang`);
    const golongan = parseGolongan(c.golonganRaw, `changes[${c.i}].golongan`);
    const prevGolongan = prev.golongan as Golongan;
    if (c.fromMonth === prev.fromMonth)
      throw new RuleInputError('two changes take effect in the same month', `changes[${c.i}].tmt`);
    // 02 §7.2: a kenaikan pangkat is one golongan rank ("satu tingkat"), also with a KJ.
    if (rankDistance(prevGolongan, golongan) > 1) {
      throw new RuleInputError(
        `kenaikan pangkat ${prev.golongan} → ${golongan} melompati golongan; kenaikan pangkat hanya satu tingkat (02 §7.2) / a KP is one golongan step`,
        `changes[${c.i}].golongan`,
      );
    }
    let ledger = prev.ledger;
    let catchUp: CatchUp | null = null;
    if (ctx.jenjang !== prev.jenjang) {
      checkKj(prev, ctx, c.i);
      golonganIndex(ctx, golongan, `changes[${c.i}].golongan`);
      ledger += 1;
      steps.push({
        label: `kenaikan jenjang TMT ${c.tmt}`,
        formula: `${prev.jenjang} ${prev.golongan} → ${ctx.jenjang} ${golongan}: ledger lama ditutup, ledger baru dibuka`,
        value: ctx.jenjang,
      });
      aboveRangeStep(ctx, golongan, steps);
    } else {
      catchUp = prev.catchUp;
      // Above the jenjang's top (after the vacancy-less KP, or entered so by perpindahan): no KP inside it.
      if (golongan !== prevGolongan && rankDistance(topGolongan(prev.ctx), prevGolongan) > 0) {
        throw new RuleInputError(
          `kenaikan pangkat ${prevGolongan} → ${golongan} dalam jenjang ${ctx.jenjang}: golongan ${prevGolongan} sudah di atas rentang jenjang (${golonganRange(ctx)}), tidak ada kenaikan pangkat dalam jenjang ini; langkah berikutnya kenaikan jenjang / no KP inside a jenjang above its golongan range`,
          `changes[${c.i}].golongan`,
        );
      }
      // Below the jenjang's lowest golongan only while a case-C ledger catches up.
      if (catchUp === null || rankDistance(ctx.row.golongans[0], golongan) >= 0)
        golonganIndex(ctx, golongan, `changes[${c.i}].golongan`);
      steps.push({
        label: `kenaikan pangkat TMT ${c.tmt}`,
        formula: `${prev.golongan} → ${golongan}, jenjang ${ctx.jenjang} tetap: saldo AK dibawa (carry-over)`,
        value: golongan,
      });
    }
    segments.push({
      fromMonth: c.fromMonth,
      tmt: c.tmt,
      jenjang: ctx.jenjang,
      golongan,
      ctx,
      ledger,
      catchUp,
      pppk: false,
    });
  }
  return segments;
}

/**
 * Golongan above the jenjang's range on entry (perpindahan, PerBKN 3/2023 Lampiran II angka 3): said in the
 * explanation, since the next step is the KJ and no KP inside the jenjang (PermenPANRB 1/2023).
 */
function aboveRangeStep(ctx: JenjangContext, g: Golongan, steps: ExplanationStep[]): void {
  if (!aboveJenjangRange(ctx, g)) return;
  steps.push({
    label: `golongan di atas rentang jenjang (${ctx.jenjang} ${g})`,
    formula: `golongan ${g} di atas rentang ${ctx.jenjang} (${golonganRange(ctx)}): tidak ada kenaikan pangkat dalam jenjang ini; kenaikan jenjang ke ${ctx.row.next} setelah AK kumulatif mencapai AKK jenjang dan masa dalam jenjang terpenuhi (${AK_LEGAL.aboveRange})`,
    value: 'KENAIKAN_JENJANG',
  });
}

function parseChanges(changes: unknown[]) {
  return changes
    .map((raw, i) => {
      const c = asObject(raw, `changes[${i}]`);
      const tmt = asString(c.tmt, `changes[${i}].tmt`);
      const d = parseDate(tmt, `changes[${i}].tmt`);
      // PR-4 / P-02: the month counts for the jenjang held on its first day.
      const fromMonth = d.d === 1 ? monthOfDate(d) : monthOfDate(d) + 1;
      return { i, tmt, fromMonth, jenjangRaw: c.jenjang, golonganRaw: c.golongan };
    })
    .sort((a, b) => (a.tmt < b.tmt ? -1 : a.tmt > b.tmt ? 1 : 0));
}

/** Ledger of the next jenjang only on a kenaikan jenjang (spec 02 §7.3); anything else is refused. */
function checkKj(prev: Segment, ctx: JenjangContext, i: number): void {
  if (prev.ctx.row.next !== ctx.jenjang) {
    throw new RuleInputError(
      `perubahan jenjang ${prev.jenjang} → ${ctx.jenjang} bukan kenaikan jenjang ke jenjang berikutnya (${prev.ctx.row.next ?? 'tidak ada'}) / only a kenaikan jenjang to the next jenjang is supported`,
      `changes[${i}].jenjang`,
    );
  }
}

/**
 * PPPK in a JF (04 §6, config ak.pppk.ledger): PerBKN 3/2023 ties AK to pangkat/jenjang of a PNS; a
 * PPPK has grades, no pangkat ladder. Grade changes are ignored; a jenjang change opens a new ledger.
 */
function pppkTimeline(obj: Record<string, unknown>, cfg: AkConfig, steps: ExplanationStep[]): Segment[] {
  if (cfg.pppk.ledger === false)
    throw new RuleInputError(
      'ak.pppk.ledger = false: PPPK tidak memiliki ledger angka kredit / no AK ledger for PPPK',
      'status',
    );
  const firstCtx = jenjangContext(obj.jenjang, cfg);
  const grade = parseEnum(PPPK_GRADES, obj.golongan, 'golongan');
  steps.push({
    label: 'PPPK',
    formula:
      'ak.pppk.ledger = INFORMATIONAL: konversi predikat dicatat dan ditampilkan sebagai informasi; tanpa kenaikan pangkat (PPPK tidak memiliki jenjang pangkat), kelayakan kenaikan jenjang hanya dilaporkan',
    value: 'INFORMATIONAL',
  });
  const segments: Segment[] = [
    {
      fromMonth: -Infinity,
      tmt: null,
      jenjang: firstCtx.jenjang,
      golongan: grade,
      ctx: firstCtx,
      ledger: 0,
      catchUp: null,
      pppk: true,
    },
  ];
  const changes = obj.changes === undefined || obj.changes === null ? [] : asArray(obj.changes, 'changes');
  for (const c of parseChanges(changes)) {
    const prev = segments[segments.length - 1];
    const ctx = jenjangContext(c.jenjangRaw, cfg, c.tmt, `changes[${c.i}].jenjang`);
    const g = parseEnum(PPPK_GRADES, c.golonganRaw, `changes[${c.i}].golongan`);
    if (ctx.jenjang === prev.jenjang) {
      prev.golongan = g; // grade only: same ledger, nothing to count
      continue;
    }
    if (c.fromMonth === prev.fromMonth)
      throw new RuleInputError('two changes take effect in the same month', `changes[${c.i}].tmt`);
    checkKj(prev, ctx, c.i);
    steps.push({
      label: `kenaikan jenjang TMT ${c.tmt}`,
      formula: `${prev.jenjang} → ${ctx.jenjang}: ledger lama ditutup, ledger baru dibuka`,
      value: ctx.jenjang,
    });
    segments.push({
      fromMonth: c.fromMonth,
      tmt: c.tmt,
      jenjang: ctx.jenjang,
      golongan: g,
      ctx,
      ledger: prev.ledger + 1,
      catchUp: null,
      pppk: true,
    });
  }
  return segments;
}
