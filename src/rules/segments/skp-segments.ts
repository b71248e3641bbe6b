import { addDays, parseDate } from '../common/dates';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation, type ExplanationStep } from '../common/explanation';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { asArray, asInt, asObject } from '../common/validate';
import { segmentsDefaults, type SegmentsConfig } from './config';

/** §1.2 events; `RETURN` = back from CLTN / tugas belajar / pemberhentian sementara (new SKP from that date). */
export const SKP_EVENT_TYPES = [
  'MUTASI',
  'PROMOSI',
  'DEMOSI',
  'PPK_CHANGE',
  'PLT_START',
  'PLT_END',
  'PLH',
  'PENSIUN',
  'BERHENTI',
  'MENINGGAL',
  'CLTN',
  'TUGAS_BELAJAR',
  'PEMBERHENTIAN_SEMENTARA',
  'RETURN',
  'CPNS_START',
] as const;
export type SkpEventType = (typeof SKP_EVENT_TYPES)[number];
export type SkpKind = 'DEFINITIVE' | 'ACTING';

export interface SkpEvent {
  type: SkpEventType;
  /** TMT or first day; for PLT_END the last day of the Plt (§1.2 "[PLT_START, PLT_END]"); for MENINGGAL the date of death. */
  date: string;
  /** PLT_START only: the delegation's end date, when the SK gives one (§9.1). */
  end?: string;
}

export interface SkpSegmentsInput {
  year: number;
  /** First day of the first DEFINITIVE SKP of the year (TMT, SPMT or 1 January); absent with a CPNS_START event. */
  start?: string;
  events?: SkpEvent[];
  config?: DeepPartial<SegmentsConfig>;
}

export interface SkpSegment {
  from: string;
  to: string;
  kind: SkpKind;
  /** Months credited to this SKP (§1.4: a month belongs to the SKP in force on its first day); ACTING: 0. */
  months: number;
  /** The event that opened / closed the segment (null = start of year or 31 December). */
  openedBy: SkpEventType | null;
  closedBy: SkpEventType | null;
}

export interface SkpSegmentsResult {
  skps: SkpSegment[];
  /** Index into `skps` of the SKP whose evaluation gives the annual predikat; null under PER_SKP or with no DEFINITIVE SKP. */
  annualSkpIndex: number | null;
  explanation: Explanation;
}

/** Closes the running DEFINITIVE SKP the day before the event and (optionally) opens a new one from it. */
const SPLITS: Partial<Record<SkpEventType, { opens: boolean; closeOnDay?: boolean }>> = {
  MUTASI: { opens: true },
  PROMOSI: { opens: true },
  DEMOSI: { opens: true },
  PENSIUN: { opens: false },
  BERHENTI: { opens: false },
  MENINGGAL: { opens: false, closeOnDay: true },
  CLTN: { opens: false },
  TUGAS_BELAJAR: { opens: false },
  PEMBERHENTIAN_SEMENTARA: { opens: false },
};
const ENDS_EMPLOYMENT: readonly SkpEventType[] = ['PENSIUN', 'BERHENTI', 'MENINGGAL'];

/** Months whose first day lies in [from, to]. */
function monthsIn(from: string, to: string): number {
  const f = parseDate(from, 'from');
  const t = parseDate(to, 'to');
  const first = f.y * 12 + f.m - 1 + (f.d === 1 ? 0 : 1);
  const last = t.y * 12 + t.m - 1;
  return Math.max(0, last - first + 1);
}

/**
 * The SKPs of one employee's year after mid-year events (spec 04 §1.2–§1.4, §9.1; rule `skp.segments`).
 * A DEFINITIVE SKP runs from `start`; MUTASI/PROMOSI/DEMOSI close it on TMT − 1 and open a new one
 * from the TMT; PENSIUN/BERHENTI/CLTN/TUGAS_BELAJAR close it on TMT − 1, MENINGGAL on the date of
 * death; an event on the SKP's first day replaces it (no empty segment); PPK_CHANGE continues it
 * (`ppkChange`); PLT_START/PLT_END give a parallel ACTING SKP, which otherwise ends at the earliest of
 * the delegation's end, the day before the end of employment, 31 December. Ordered by `from`,
 * DEFINITIVE before ACTING. The annual predikat comes from the SKP chosen by `annualMode`.
 */
export function skpSegments(input: SkpSegmentsInput): SkpSegmentsResult {
  const obj = asObject(input, 'input');
  const cfg = mergeConfig(segmentsDefaults, obj.config as DeepPartial<SegmentsConfig> | undefined);
  const year = asInt(obj.year, 'year', 2000, 2100);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const inYear = (d: string, field: string) => {
    parseDate(d, field);
    if (d < yearStart || d > yearEnd) throw new RuleInputError(`must lie in ${year}, got ${d}`, field);
    return d;
  };
  const events = asArray(obj.events ?? [], 'events').map((e, i) => {
    const o = asObject(e, `events[${i}]`);
    if (!(SKP_EVENT_TYPES as readonly unknown[]).includes(o.type))
      throw new RuleInputError(
        `must be one of ${SKP_EVENT_TYPES.join(' | ')}, got ${JSON.stringify(o.type)}`,
        `events[${i}].type`,
      );
    const date = inYear(o.date as string, `events[${i}].date`);
    const end = o.end === undefined || o.end === null ? undefined : (o.end as string);
    if (end !== undefined) parseDate(end, `events[${i}].end`);
    return { type: o.type as SkpEventType, date, end, i };
  });
  // Stable by date: events of one day apply in the order given.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const start = obj.start === undefined || obj.start === null ? null : inYear(obj.start as string, 'start');
  if (start === null && !events.some((e) => e.type === 'CPNS_START'))
    throw new RuleInputError('is required unless a CPNS_START event opens the first SKP', 'start');
  const steps: ExplanationStep[] = [];
  const out: SkpSegment[] = [];
  let running: { from: string; openedBy: SkpEventType | null } | null = start ? { from: start, openedBy: null } : null;
  let acting: { from: string; until: string; openedBy: SkpEventType } | null = null;
  const close = (to: string, by: SkpEventType | null) => {
    if (!running) return;
    // §9.1: an event dated on the SKP's first day leaves no empty segment.
    if (to >= running.from)
      out.push({ from: running.from, to, kind: 'DEFINITIVE', months: 0, openedBy: running.openedBy, closedBy: by });
    running = null;
  };
  const closeActing = (to: string, by: SkpEventType | null) => {
    if (!acting) return;
    const end = to < acting.until ? to : acting.until;
    if (end >= acting.from)
      out.push({ from: acting.from, to: end, kind: 'ACTING', months: 0, openedBy: acting.openedBy, closedBy: by });
    acting = null;
  };
  for (const ev of events) {
    const split = ev.type === 'PPK_CHANGE' && cfg.ppkChange === 'NEW_SKP' ? { opens: true } : SPLITS[ev.type];
    if (split) {
      if (!running && split.opens && start !== null && ev.date < start)
        throw new RuleInputError(`lies before start ${start}`, `events[${ev.i}].date`);
      close(split.closeOnDay ? ev.date : addDays(ev.date, -1), ev.type);
      if (ENDS_EMPLOYMENT.includes(ev.type)) closeActing(split.closeOnDay ? ev.date : addDays(ev.date, -1), ev.type);
      if (split.opens) running = { from: ev.date, openedBy: ev.type };
      steps.push({
        label: `${ev.type} ${ev.date}`,
        formula: split.opens ? 'SKP lama ditutup H−1, SKP baru dari TMT' : 'SKP ditutup',
      });
    } else if (ev.type === 'CPNS_START' || ev.type === 'RETURN') {
      if (running)
        throw new RuleInputError('an SKP is already running on this date (close it first)', `events[${ev.i}]`);
      running = { from: ev.date, openedBy: ev.type };
      steps.push({ label: `${ev.type} ${ev.date}`, formula: 'SKP baru dari tanggal ini' });
    } else if (ev.type === 'PLT_START') {
      closeActing(addDays(ev.date, -1), ev.type);
      const until = ev.end && ev.end < yearEnd ? ev.end : yearEnd;
      acting = { from: ev.date, until, openedBy: ev.type };
      steps.push({ label: `PLT_START ${ev.date}`, formula: 'SKP Plt (ACTING) paralel' });
    } else if (ev.type === 'PLT_END') {
      if (!acting) throw new RuleInputError('no Plt is running', `events[${ev.i}]`);
      closeActing(ev.date, ev.type);
      steps.push({ label: `PLT_END ${ev.date}`, formula: 'SKP Plt berakhir pada tanggal ini' });
    } else if (ev.type === 'PLH' && cfg.plhSeparateSkp) {
      steps.push({ label: `PLH ${ev.date}`, formula: 'Plh: SKP terpisah tidak dibuat otomatis (catat sebagai Plt)' });
    } else {
      steps.push({ label: `${ev.type} ${ev.date}`, formula: 'SKP berjalan tetap (tanpa pemisahan)' });
    }
  }
  close(yearEnd, null);
  closeActing(yearEnd, null);
  out.sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : a.kind === b.kind ? 0 : a.kind === 'DEFINITIVE' ? -1 : 1,
  );
  for (const s of out) s.months = s.kind === 'DEFINITIVE' ? monthsIn(s.from, s.to) : 0;
  const definitive = out.map((s, i) => ({ s, i })).filter((x) => x.s.kind === 'DEFINITIVE');
  let annualSkpIndex: number | null = null;
  if (definitive.length && cfg.annualMode === 'LAST_SKP') annualSkpIndex = definitive[definitive.length - 1].i;
  if (definitive.length && cfg.annualMode === 'LONGEST_SKP')
    annualSkpIndex = definitive.reduce((best, x) => (x.s.months >= best.s.months ? x : best)).i; // tie → later
  return {
    skps: out,
    annualSkpIndex,
    explanation: explanation({
      ruleId: 'skp.segments',
      legalBasis:
        'BKN Kanreg FAQ (2 jabatan setahun → 2 SKP; SKP baru sejak awal masa kerja di jabatan baru); spec 04 §1.2–§1.4, §9.1',
      status: 'INFERRED',
      inputs: { year, start, events: obj.events ?? [], annualMode: cfg.annualMode },
      formula: `${out.map((s) => `${s.kind} ${s.from}…${s.to}`).join('; ')}; predikat tahunan: ${annualSkpIndex === null ? 'per SKP' : `SKP #${annualSkpIndex + 1} (${cfg.annualMode})`}`,
      steps,
    }),
  };
}
