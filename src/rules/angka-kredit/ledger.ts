import { Dec, roundDec, roundHalfUp, show, sum, type Dec as DecT } from '../common/decimal';
import type { AkBasis, Golongan, Predicate } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { explanation, type ExplanationStep } from '../common/explanation';
import { formatMonth, monthOfDate, parseDate, parseMonth } from '../common/dates';
import { buildTimeline, type Segment } from './ledger-timeline';
import { selectVersion } from '../common/versioning';
import { asArray, asObject, asString } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { akDefaults, type AkConfig } from '../config/defaults';
import { AK_LEGAL, akkJenjang, nextStep, parsePrecision } from './jenjang';
import { normalizePredicate } from './predicate-alias';
import { parsePeriod } from './periods';
import { addFirstOpening, kjAkDasar } from './ledger-openings';
import {
  sortEntries,
  type ClosedLedger,
  type LedgerEntry,
  type LedgerInput,
  type LedgerNext,
  type LedgerResult,
  type LedgerWarning,
  type MonthCredit,
  type SupersededPeriod,
} from './ledger-model';

export type {
  ClosedLedger,
  LedgerEntry,
  LedgerInput,
  LedgerNext,
  LedgerOpening,
  LedgerResult,
  LedgerWarning,
  SupersededPeriod,
} from './ledger-model';

/**
 * AK ledger over time (02 §5–§8, §14.2): whole-month konversi, split by year and at jenjang TMTs,
 * annual predicates superseding periodic ones of their year, carry-over within a jenjang,
 * closing (forfeit of the excess) on kenaikan jenjang, AK Dasar / integrasi / LAMA openings,
 * +25 % education once per degree. Each entry is rounded once; balance = Σ rounded entries.
 */
export function computeLedger(input: LedgerInput, config?: DeepPartial<AkConfig>): LedgerResult {
  const cfg = mergeConfig(akDefaults, config);
  const obj = asObject(input, 'input');
  const precision = parsePrecision(obj.precision, cfg);
  const konversiFrom = parseMonth(cfg.konversiFrom, 'config.konversiFrom');
  const steps: ExplanationStep[] = [];

  // ── timeline of jenjang/golongan ──
  const segments = buildTimeline(obj, cfg, steps);
  const firstCtx = segments[0].ctx;
  const firstGol = segments[0].golongan as Golongan;
  const pppk = segments[0].pppk;
  const segmentOfMonth = (m: number): Segment => {
    let s = segments[0];
    for (const seg of segments) if (seg.fromMonth <= m) s = seg;
    return s;
  };
  const segmentOfDate = (date: string): Segment => {
    let s = segments[0];
    for (const seg of segments) if (seg.tmt !== null && seg.tmt <= date) s = seg;
    return s;
  };

  // ── predicates → credited months (PR-1, PR-2, PR-5, PR-7, INV-1) ──
  const preds = asArray(obj.predicates ?? [], 'predicates').map((raw, i) => {
    const p = asObject(raw, `predicates[${i}]`);
    const period = parsePeriod(p.period, `predicates[${i}].period`);
    const predicate = normalizePredicate(p.predicate, cfg, `predicates[${i}].predicate`);
    if (period.fromMonth < konversiFrom) {
      throw new RuleInputError(
        `konversi predikat hanya sejak ${cfg.konversiFrom} (PR-7); AK sebelumnya hanya lewat integrasi`,
        `predicates[${i}].period`,
      );
    }
    return { i, ...period, predicate };
  });
  const annualByYear = new Map<number, (typeof preds)[number]>();
  for (const p of preds.filter((x) => x.basis === 'TAHUNAN')) {
    if (annualByYear.has(p.year))
      throw new RuleInputError(
        `predikat tahunan ${p.year} sudah ada / a second annual predicate for ${p.year}`,
        `predicates[${p.i}].period`,
      );
    annualByYear.set(p.year, p);
  }
  const periodicByMonth = new Map<number, (typeof preds)[number]>();
  for (const p of preds.filter((x) => x.basis === 'PERIODIK')) {
    for (let m = p.fromMonth; m <= p.toMonth; m++) {
      const other = periodicByMonth.get(m);
      if (other)
        throw new RuleInputError(
          `bulan ${formatMonth(m)} sudah dinilai oleh periode ${other.period} (INV-1: satu bulan hanya sekali)`,
          `predicates[${p.i}].period`,
        );
      periodicByMonth.set(m, p);
    }
  }
  const credits = new Map<number, MonthCredit>();
  const superseded: SupersededPeriod[] = [];
  const supersededSeen = new Set<string>();
  for (const [m, p] of periodicByMonth) {
    const annual = annualByYear.get(p.year);
    if (annual && cfg.proration.annualSupersedesPeriodic) {
      if (!supersededSeen.has(p.period)) {
        supersededSeen.add(p.period);
        superseded.push({ period: p.period, predicate: p.predicate, supersededBy: annual.period });
      }
      continue;
    }
    credits.set(m, { month: m, predicate: p.predicate, basis: 'PERIODIK', period: p.period });
  }
  for (const a of annualByYear.values()) {
    for (let m = a.fromMonth; m <= a.toMonth; m++) {
      if (!credits.has(m)) credits.set(m, { month: m, predicate: a.predicate, basis: 'TAHUNAN', period: a.period });
    }
  }
  for (const s of superseded)
    steps.push({
      label: `periode ${s.period} digantikan`,
      formula: `predikat tahunan ${s.supersededBy} menggantikan predikat periodik ${s.period} (PR-5)`,
      value: 'SUPERSEDED',
    });

  // ── runs: consecutive months, one year, same jenjang (segment ledger), predicate, basis (02 §6) ──
  const byMonth = [...credits.entries()].sort(([a], [b]) => a - b);
  type Run = {
    from: number;
    to: number;
    predicate: Predicate;
    basis: AkBasis;
    seg: Segment;
    periods: string[];
    pctId: string;
  };
  const runs: Run[] = [];
  for (const [m, c] of byMonth) {
    const seg = segmentOfMonth(m);
    const pctId = selectVersion(cfg.percentages, `${formatMonth(m)}-01`).id;
    const last = runs.at(-1);
    if (
      last &&
      last.to === m - 1 &&
      Math.floor(last.to / 12) === Math.floor(m / 12) &&
      last.predicate === c.predicate &&
      last.basis === c.basis &&
      last.seg.jenjang === seg.jenjang &&
      last.seg.ledger === seg.ledger &&
      last.pctId === pctId &&
      last.seg.ctx.version.id === seg.ctx.version.id
    ) {
      last.to = m;
      if (!last.periods.includes(c.period)) last.periods.push(c.period);
    } else {
      runs.push({ from: m, to: m, predicate: c.predicate, basis: c.basis, seg, periods: [c.period], pctId });
    }
  }

  const warnings: LedgerWarning[] = [];
  // ── ledgers ──
  const ledgerCount = segments[segments.length - 1].ledger + 1;
  const ledgerEntries: LedgerEntry[][] = Array.from({ length: ledgerCount }, () => []);

  addFirstOpening(
    obj.opening,
    { ctx: firstCtx, golongan: firstGol, pppk },
    precision,
    config,
    ledgerEntries[0],
    warnings,
  );
  // openings of later ledgers: AK Dasar of the new jenjang/golongan (02 §8, P-10)
  for (const seg of segments) {
    if (seg.tmt === null || seg.ledger === 0 || seg.pppk) continue;
    if (ledgerEntries[seg.ledger].length > 0) continue;
    const r = kjAkDasar(seg, precision, config);
    ledgerEntries[seg.ledger].push({
      source: 'AK_DASAR',
      jenjang: seg.jenjang,
      exact: r.amount,
      amount: r.amount,
      explanation: r.explanation,
    });
  }

  // PREDIKAT entries
  for (const run of runs) {
    const row = run.seg.ctx.row;
    const pct = new Dec(selectVersion(cfg.percentages, `${formatMonth(run.from)}-01`).data[run.predicate]);
    const koef = new Dec(row.koefisien);
    const n = run.to - run.from + 1;
    const exact = new Dec(n).times(pct).times(koef).div(12);
    const amount = roundHalfUp(exact, precision);
    ledgerEntries[run.seg.ledger].push({
      source: 'PREDIKAT',
      basis: run.basis,
      fromMonth: formatMonth(run.from),
      toMonth: formatMonth(run.to),
      months: n,
      predicate: run.predicate,
      periods: run.periods,
      percentage: pct.toFixed(2),
      coefficient: koef.toFixed(3),
      jenjang: run.seg.jenjang,
      exact: exact.toString(),
      amount,
      explanation: explanation({
        ruleId: 'ak.conversion',
        legalBasis: AK_LEGAL.conversion,
        status: row.status,
        inputs: {
          jenjang: run.seg.jenjang,
          predicate: run.predicate,
          basis: run.basis,
          fromMonth: formatMonth(run.from),
          toMonth: formatMonth(run.to),
          periods: run.periods,
        },
        formula: `${n}/12 × ${show(pct.times(100))}% × ${show(koef)} = ${show(exact)} → ${amount}`,
      }),
    });
  }

  // education (02 §11, INV-6)
  const ignoredEducation: string[] = [];
  const seenDegrees = new Set<string>();
  const edu = obj.education === undefined || obj.education === null ? [] : asArray(obj.education, 'education');
  const eduParsed = edu
    .map((raw, i) => {
      const e = asObject(raw, `education[${i}]`);
      const degree = asString(e.degree, `education[${i}].degree`).trim().toUpperCase();
      const awardedOn = asString(e.awardedOn, `education[${i}].awardedOn`);
      parseDate(awardedOn, `education[${i}].awardedOn`);
      return { degree, awardedOn };
    })
    .sort((a, b) => (a.awardedOn < b.awardedOn ? -1 : a.awardedOn > b.awardedOn ? 1 : 0));
  for (const e of eduParsed) {
    if (seenDegrees.has(e.degree)) {
      ignoredEducation.push(e.degree);
      steps.push({
        label: `ijazah ${e.degree} (${e.awardedOn})`,
        formula: 'sudah pernah diberikan: tambahan AK pendidikan hanya 1 kali per jenjang pendidikan',
        value: 'IGNORED',
      });
      continue;
    }
    seenDegrees.add(e.degree);
    const seg = segmentOfDate(e.awardedOn);
    const pctEdu = new Dec(cfg.pendidikan.pct);
    const akk = new Dec(seg.ctx.row.akkPangkat);
    const exact = pctEdu.times(akk);
    const amount = roundHalfUp(exact, precision);
    ledgerEntries[seg.ledger].push({
      source: 'PENDIDIKAN',
      jenjang: seg.jenjang,
      degree: e.degree,
      exact: exact.toString(),
      amount,
      fromMonth: formatMonth(monthOfDate(parseDate(e.awardedOn, 'awardedOn'))),
      explanation: explanation({
        ruleId: 'ak.education',
        legalBasis: AK_LEGAL.pendidikan,
        status: 'INFERRED',
        inputs: { degree: e.degree, awardedOn: e.awardedOn, jenjang: seg.jenjang },
        formula: `${show(pctEdu.times(100))}% × AKK pangkat ${show(akk)} = ${amount}`,
      }),
    });
  }

  // ── balances, closing ──
  const balanceOf = (entries: LedgerEntry[]): DecT => sum(entries.map((e) => new Dec(e.amount)));
  const closed: ClosedLedger[] = [];
  for (let l = 0; l < ledgerCount - 1; l++) {
    // Every ledger but the last has segments and is closed by the first segment (a KJ with its TMT) of the next.
    const lastSeg = segments.filter((s) => s.ledger === l).at(-1);
    const closer = segments.find((s) => s.ledger === l + 1);
    if (!lastSeg || !closer?.tmt) throw new Error(`ledger ${l} has no closing jenjang change`);
    const balance = roundDec(balanceOf(ledgerEntries[l]), precision);
    const threshold = akkJenjang(lastSeg.ctx).plus(lastSeg.catchUp?.offset ?? 0);
    const forfeited = Dec.max(new Dec(0), balance.minus(threshold));
    const shortfall = Dec.max(new Dec(0), threshold.minus(balance));
    const thresholdMet = shortfall.isZero();
    closed.push({
      jenjang: lastSeg.jenjang,
      golongan: lastSeg.golongan,
      closedTmt: closer.tmt,
      closeReason: 'KENAIKAN_JENJANG',
      balance: balance.toFixed(precision),
      threshold: threshold.toFixed(precision),
      thresholdMet,
      shortfall: shortfall.toFixed(precision),
      forfeited: forfeited.toFixed(precision),
      entries: sortEntries(ledgerEntries[l]),
    });
    if (!thresholdMet) {
      // 02 §7.3, §14.2: a KJ needs the jenjang AKK; the HR fact stands, the gap is shown, nothing is forfeited.
      warnings.push({
        code: 'KJ_BELOW_AKK',
        message: `Kenaikan jenjang ${lastSeg.jenjang} → ${closer.jenjang} TMT ${closer.tmt}: saldo AK ${balance.toFixed(precision)} belum mencapai AKK jenjang ${threshold.toFixed(precision)} (kurang ${shortfall.toFixed(precision)}); periksa data PAK/riwayat jabatan`,
      });
      steps.push({
        label: `tutup ledger ${lastSeg.jenjang}`,
        formula: `saldo ${balance.toFixed(precision)} < AKK jenjang ${threshold.toFixed(precision)}: syarat AK kenaikan jenjang tidak terpenuhi (kurang ${shortfall.toFixed(precision)}), tidak ada yang hangus`,
        value: 'BELOW_THRESHOLD',
      });
    } else {
      steps.push({
        label: `tutup ledger ${lastSeg.jenjang}`,
        formula: `saldo ${balance.toFixed(precision)} − AKK jenjang ${threshold.toFixed(precision)} = hangus ${forfeited.toFixed(precision)} (tidak dibawa ke jenjang baru)`,
        value: forfeited.toFixed(precision),
      });
    }
  }
  const openIdx = ledgerCount - 1;
  const openEntries = sortEntries(ledgerEntries[openIdx]);
  const balance = roundDec(balanceOf(openEntries), precision);
  const finalSeg = segments[segments.length - 1];
  // A PPPK has no pangkat: only the KJ is reported (04 §6).
  const step = pppk
    ? finalSeg.ctx.row.next === null
      ? null
      : { kind: 'KENAIKAN_JENJANG' as const, to: finalSeg.ctx.row.next, threshold: akkJenjang(finalSeg.ctx) }
    : nextStep(finalSeg.ctx, finalSeg.golongan as Golongan, finalSeg.catchUp);
  const catchUp =
    finalSeg.catchUp === null
      ? null
      : { from: finalSeg.catchUp.from, offset: finalSeg.catchUp.offset.toFixed(precision) };
  if (catchUp !== null) {
    warnings.push({
      code: 'CASE_C_CATCH_UP',
      message: `Jenjang ${finalSeg.jenjang} di atas pangkat awal ${catchUp.from} (integrasi kasus C): ${catchUp.offset} AK pertama dipakai untuk menyusul golongan ${finalSeg.ctx.row.golongans[0]}, batas kenaikan pangkat/jenjang bergeser sebesar itu (INFERRED)`,
    });
  }
  const next: LedgerNext | null =
    step === null
      ? null
      : {
          kind: step.kind,
          to: step.to,
          threshold: step.threshold.toFixed(precision),
          shortfall: Dec.max(new Dec(0), step.threshold.minus(balance)).toFixed(precision),
        };
  const predikatEntries = openEntries.filter((e) => e.source === 'PREDIKAT');
  return {
    jenjang: finalSeg.jenjang,
    golongan: finalSeg.golongan,
    informational: pppk,
    balance: balance.toFixed(precision),
    entries: predikatEntries,
    allEntries: openEntries,
    closed,
    next,
    superseded,
    ignoredEducation,
    catchUp,
    warnings,
    explanation: explanation({
      ruleId: 'ak.ledger',
      legalBasis: `${AK_LEGAL.conversion}; ${AK_LEGAL.carry}; ${AK_LEGAL.akk}`,
      status: 'INFERRED',
      inputs: {
        jenjang: firstCtx.jenjang,
        golongan: firstGol,
        opening: obj.opening,
        predicates: obj.predicates,
        changes: obj.changes,
        education: obj.education,
        precision,
      },
      formula: `saldo = Σ entri dibulatkan = ${openEntries.map((e) => e.amount).join(' + ') || '0'} = ${balance.toFixed(precision)}${next ? `; ${next.kind} ke ${next.to}: batas ${next.threshold}, kekurangan ${next.shortfall}` : '; tidak ada jenjang/pangkat lebih tinggi'}`,
      steps,
    }),
  };
}
