import type { Golongan, Jenjang } from '../common/enums';
import { RuleInputError } from '../common/errors';
import type { ExplanationStep } from '../common/explanation';
import { monthOfDate, parseDate } from '../common/dates';
import { asArray, asObject, asString } from '../common/validate';
import type { AkConfig } from '../config/defaults';
import { catchUpOf, golonganIndex, jenjangContext, parseGolongan, rankDistance, type CatchUp, type JenjangContext } from './jenjang';

/** A stretch of months with one jenjang and golongan; `ledger` numbers the jenjang tenures. */
export interface Segment {
  fromMonth: number; // inclusive; -Infinity for the first
  tmt: string | null;
  jenjang: Jenjang;
  golongan: Golongan;
  ctx: JenjangContext;
  ledger: number;
  /** Integrasi case C: golongan below the jenjang's lowest when the ledger opened (02 §10). */
  catchUp: CatchUp | null;
}

/**
 * Jenjang/golongan over time from the first position and the changes (02 §7.2, §7.3, §8):
 * same jenjang = KP (one golongan rank, ledger carried), next jenjang = KJ (new ledger).
 */
export function buildTimeline(obj: Record<string, unknown>, cfg: AkConfig, steps: ExplanationStep[]): Segment[] {
  const firstCtx = jenjangContext(obj.jenjang, cfg);
  const firstGol = parseGolongan(obj.golongan);
  const firstCatchUp = catchUpOf(firstCtx, firstGol, cfg);
  if (firstCatchUp === null) golonganIndex(firstCtx, firstGol);
  else steps.push({ label: `jenjang di atas pangkat (${firstCtx.jenjang} ${firstGol})`, formula: `kasus C: AK dihitung dari AKK konvensional ${firstGol}; ${firstCatchUp.offset.toString()} AK untuk menyusul golongan ${firstCtx.row.golongans[0]}, batas jenjang bergeser sebesar itu`, value: firstCatchUp.offset.toString() });
  const segments: Segment[] = [{ fromMonth: -Infinity, tmt: null, jenjang: firstCtx.jenjang, golongan: firstGol, ctx: firstCtx, ledger: 0, catchUp: firstCatchUp }];
  const changes = obj.changes === undefined || obj.changes === null ? [] : asArray(obj.changes, 'changes');
  const parsed = changes.map((raw, i) => {
    const c = asObject(raw, `changes[${i}]`);
    const tmt = asString(c.tmt, `changes[${i}].tmt`);
    const d = parseDate(tmt, `changes[${i}].tmt`);
    // PR-4 / P-02: the month counts for the jenjang held on its first day.
    const fromMonth = d.d === 1 ? monthOfDate(d) : monthOfDate(d) + 1;
    return { i, tmt, fromMonth, jenjangRaw: c.jenjang, golonganRaw: c.golongan };
  }).sort((a, b) => (a.tmt < b.tmt ? -1 : a.tmt > b.tmt ? 1 : 0));
  for (const c of parsed) {
    const prev = segments[segments.length - 1];
    const ctx = jenjangContext(c.jenjangRaw, cfg, c.tmt, `changes[${c.i}].jenjang`);
    const golongan = parseGolongan(c.golonganRaw, `changes[${c.i}].golongan`);
    if (c.fromMonth === prev.fromMonth) throw new RuleInputError('two changes take effect in the same month', `changes[${c.i}].tmt`);
    // 02 §7.2: a kenaikan pangkat is one golongan rank ("satu tingkat"), also with a KJ.
    if (rankDistance(prev.golongan, golongan) > 1) {
      throw new RuleInputError(`kenaikan pangkat ${prev.golongan} → ${golongan} melompati golongan; kenaikan pangkat hanya satu tingkat (02 §7.2) / a KP is one golongan step`, `changes[${c.i}].golongan`);
    }
    let ledger = prev.ledger;
    let catchUp: CatchUp | null = null;
    if (ctx.jenjang !== prev.jenjang) {
      if (prev.ctx.row.next !== ctx.jenjang) {
        throw new RuleInputError(`perubahan jenjang ${prev.jenjang} → ${ctx.jenjang} bukan kenaikan jenjang ke jenjang berikutnya (${prev.ctx.row.next ?? 'tidak ada'}) / only a kenaikan jenjang to the next jenjang is supported`, `changes[${c.i}].jenjang`);
      }
      golonganIndex(ctx, golongan, `changes[${c.i}].golongan`);
      ledger += 1;
      steps.push({ label: `kenaikan jenjang TMT ${c.tmt}`, formula: `${prev.jenjang} ${prev.golongan} → ${ctx.jenjang} ${golongan}: ledger lama ditutup, ledger baru dibuka`, value: ctx.jenjang });
    } else {
      catchUp = prev.catchUp;
      // Below the jenjang's lowest golongan only while a case-C ledger catches up.
      if (catchUp === null || rankDistance(ctx.row.golongans[0], golongan) >= 0) golonganIndex(ctx, golongan, `changes[${c.i}].golongan`);
      steps.push({ label: `kenaikan pangkat TMT ${c.tmt}`, formula: `${prev.golongan} → ${golongan}, jenjang ${ctx.jenjang} tetap: saldo AK dibawa (carry-over)`, value: golongan });
    }
    segments.push({ fromMonth: c.fromMonth, tmt: c.tmt, jenjang: ctx.jenjang, golongan, ctx, ledger, catchUp });
  }
  return segments;
}
