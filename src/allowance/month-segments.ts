import {
  actingPosts,
  type ActingInput,
  type ActingPost,
  type AllowanceWarning,
  type MultiplePltMode,
  type SegmentInput,
} from '../rules';
import type { EmploymentHistory } from '../org/employment-history';
import { lastDay } from './months';

/** How the employment history cuts a month (04 §5.3 step 1), ready for the rule `allowance.month`. */
export interface MonthPlan {
  /** null = one whole-month part in one post and status: the rule's top-level kelas and status apply. */
  segments: (SegmentInput & { unitId: string })[] | null;
  /** Kelas and status of the whole-month part (or of the last segment). */
  kelasJabatan: number;
  unitId: string;
  status: string;
  /** Why the month is cut (joiner, mover, leaver, CPNS), in Bahasa Indonesia, for the explanation. */
  notes: string[];
  warnings: AllowanceWarning[];
  /**
   * Plt held in the month (04 §5.3 step 2): each counted post with its own working days among the paid days
   * (a list only when acting.multiplePosts EACH_PERIOD counts several); null = none or post unknown.
   */
  acting: ActingInput | ActingInput[] | null;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The days of a month and whether each is Monday–Friday. */
interface Calendar {
  dates: readonly string[];
  weekday: readonly boolean[];
}

// The same month is planned for every employee of a run: its calendar is built once per month, not once
// per employee and day (the date arithmetic was most of planMonth in a 20,000-line run's CPU profile).
const calendars = new Map<string, Calendar>();

function calendarOf(month: string): Calendar {
  const known = calendars.get(month);
  if (known) return known;
  const dates: string[] = [];
  const weekday: boolean[] = [];
  const end = lastDay(month);
  for (let d = `${month}-01`; d <= end; d = nextDay(d)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    dates.push(d);
    weekday.push(wd !== 0 && wd !== 6);
  }
  if (calendars.size >= 48) calendars.clear();
  const cal = { dates, weekday };
  calendars.set(month, cal);
  return cal;
}

/**
 * Splits a month by the employee's effective-dated history: a day is paid when a post is held on it and
 * service has started (CPNS_START = TMT SPMT) and not ended (PENSIUN / BERHENTI on the TMT: paid to the
 * day before; MENINGGAL: paid to the date of death, or the whole month with `deathMonth` FULL, 04 §5.2).
 * Consecutive paid days in one kelas, unit and status form a segment; its working days are the weekdays
 * that are not holidays. CPNS days carry status CPNS (statusRules.CPNS, 80 % in R-TPP-DEMO).
 */
export function planMonth(
  month: string,
  history: EmploymentHistory,
  baseStatus: string,
  workingDays: number,
  holidays: string[],
  deathMonth: 'PRORATE' | 'FULL',
  multiplePosts: MultiplePltMode = 'HIGHEST_KELAS',
): MonthPlan {
  const notes: string[] = [];
  const warnings: AllowanceWarning[] = [];
  const events = history.events;
  const holidaySet = new Set(holidays);
  const monthEnd = lastDay(month);
  // Service and CPNS state on each day from the events in date order.
  const stateOn = (d: string) => {
    let inService = events[0]?.type !== 'CPNS_START';
    let cpns = false;
    for (const e of events) {
      const effective =
        e.type === 'MENINGGAL'
          ? deathMonth === 'FULL'
            ? nextDay(lastDay(e.date.slice(0, 7)))
            : nextDay(e.date)
          : e.date;
      if (effective > d) break;
      if (e.type === 'CPNS_START') [inService, cpns] = [true, true];
      else if (e.type === 'PNS_START') cpns = false;
      else inService = false;
    }
    return { inService, cpns };
  };
  for (const e of events) {
    if (!e.date.startsWith(month)) continue;
    if (e.type === 'CPNS_START') notes.push(`CPNS mulai TMT SPMT ${e.date}`);
    else if (e.type === 'PNS_START') notes.push(`diangkat PNS mulai ${e.date}`);
    else if (e.type === 'MENINGGAL')
      notes.push(
        deathMonth === 'FULL'
          ? `meninggal ${e.date}: bulan wafat dibayar penuh (deathMonth FULL)`
          : `meninggal ${e.date}: dibayar sampai tanggal wafat`,
      );
    else notes.push(`${e.type} TMT ${e.date}: dibayar sampai hari kerja terakhir sebelum TMT`);
  }
  type Seg = { from: string; to: string; d: number; kelas: number; unitId: string; status: string };
  const segs: Seg[] = [];
  // Working days of each Plt (PLT delegation) among the paid days, each counted for its own post.
  const actingDates = history.acting.map(() => [] as string[]);
  let prev: string | null = null;
  const calendar = calendarOf(month);
  for (let day = 0; day < calendar.dates.length; day++) {
    const d = calendar.dates[day];
    const a = history.assignments.find((x) => x.validFrom <= d && (x.validTo === null || x.validTo > d));
    const s = stateOn(d);
    if (!a || !s.inService) {
      prev = null;
      continue;
    }
    const status = s.cpns ? 'CPNS' : baseStatus;
    const last = segs.at(-1);
    const working = calendar.weekday[day] && !holidaySet.has(d) ? 1 : 0;
    if (working)
      history.acting.forEach((x, i) => {
        if (x.validFrom <= d && (x.validTo === null || x.validTo >= d)) actingDates[i].push(d);
      });
    if (prev !== null && last && last.kelas === a.kelasJabatan && last.unitId === a.unitId && last.status === status) {
      last.to = d;
      last.d += working;
    } else segs.push({ from: d, to: d, d: working, kelas: a.kelasJabatan, unitId: a.unitId, status });
    prev = d;
  }
  cpnsTmtCheck(month, history, baseStatus, warnings);
  const acting = actingOf(history, actingDates, segs.at(-1)?.kelas ?? null, multiplePosts, notes, warnings);
  const lastAssignment = history.assignments.at(-1);
  if (segs.length === 0) {
    // Nothing paid this month (service not started or already ended): one empty part, B = 0, explained.
    notes.push('tidak ada hari masa kerja pada bulan ini: tidak dibayarkan');
    const kelas = lastAssignment?.kelasJabatan ?? 1;
    return {
      segments: [
        {
          from: `${month}-01`,
          to: `${month}-01`,
          workingDays: 0,
          kelasJabatan: kelas,
          unitId: lastAssignment?.unitId ?? '',
          status: baseStatus,
        },
      ],
      kelasJabatan: kelas,
      unitId: lastAssignment?.unitId ?? '',
      status: baseStatus,
      notes,
      warnings,
      acting: null,
    };
  }
  const tail = segs[segs.length - 1];
  if (segs.length === 1 && tail.from === `${month}-01` && tail.to === monthEnd)
    return {
      segments: null,
      kelasJabatan: tail.kelas,
      unitId: tail.unitId,
      status: tail.status,
      notes,
      warnings,
      acting,
    };
  if (segs[0].from !== `${month}-01`) notes.unshift(`mulai bertugas ${segs[0].from}`);
  if (tail.to !== monthEnd) notes.push(`masa kerja berakhir ${tail.to}`);
  for (let i = 1; i < segs.length; i++) {
    const [p, s] = [segs[i - 1], segs[i]];
    if (p.kelas !== s.kelas || p.unitId !== s.unitId)
      notes.push(`pindah jabatan/unit mulai ${s.from} (kelas ${p.kelas} → ${s.kelas})`);
  }
  // A configured month shorter than the calendar's working days: the later segments give way (never above W).
  let total = segs.reduce((a, s) => a + s.d, 0);
  if (total > workingDays) {
    warnings.push({
      code: 'SEGMENT_DAYS_ADJUSTED',
      message: `Hari kerja segmen (${total}) melebihi hari kerja bulan ${month} yang ditetapkan (${workingDays}): hari kerja segmen terakhir dikurangi; periksa kalender hari kerja`,
    });
    for (let i = segs.length - 1; i >= 0 && total > workingDays; i--) {
      const cut = Math.min(segs[i].d, total - workingDays);
      segs[i].d -= cut;
      total -= cut;
    }
  }
  return {
    segments: segs.map((s) => ({
      from: s.from,
      to: s.to,
      workingDays: s.d,
      kelasJabatan: s.kelas,
      unitId: s.unitId,
      status: s.status,
    })),
    kelasJabatan: tail.kelas,
    unitId: tail.unitId,
    status: tail.status,
    notes,
    warnings,
    acting,
  };
}

/**
 * The Plt of the month from the PLT delegations naming the employee (04 §5.3 step 2): the acting post's
 * kelas and level come from the delegation; level absent = HIGHER when that kelas is above the own kelas.
 * Several posts: `acting.multiplePosts` (rules/allowance/acting-posts). A Plt whose post has no kelas is
 * not guessed: no add-on for its days and ACTING_POST_MISSING.
 */
function actingOf(
  history: EmploymentHistory,
  dates: string[][],
  ownKelas: number | null,
  mode: MultiplePltMode,
  notes: string[],
  warnings: AllowanceWarning[],
): MonthPlan['acting'] {
  const posts: ActingPost[] = [];
  history.acting.forEach((a, i) => {
    if (dates[i].length === 0) return;
    if (a.kelasJabatan === null)
      warnings.push({
        code: 'ACTING_POST_MISSING',
        message: `Plt mulai ${a.validFrom} tanpa kelas jabatan Plt pada delegasi: tambahan Plt tidak dihitung; lengkapi delegasi`,
      });
    else posts.push({ ...a, kelasJabatan: a.kelasJabatan, workingDates: dates[i] });
  });
  const r = actingPosts(posts, mode, ownKelas);
  notes.push(...r.notes);
  return r.acting.length === 0 ? null : r.acting.length === 1 ? r.acting[0] : r.acting;
}

/**
 * A PNS whose NIP records a TMT CPNS in the last 12 months (BKN NIP: digits 9–14 = TMT CPNS yyyymm) but with
 * no CPNS_START / PNS_START event is paid as PNS on a TMT nobody gave: the line says so (CPNS_TMT_MISSING).
 */
function cpnsTmtCheck(month: string, history: EmploymentHistory, baseStatus: string, warnings: AllowanceWarning[]) {
  if (baseStatus !== 'PNS' || history.events.some((e) => e.type === 'CPNS_START' || e.type === 'PNS_START')) return;
  const y = Number(history.nip.slice(8, 12));
  const m = Number(history.nip.slice(12, 14));
  if (!(m >= 1 && m <= 12)) return;
  const age = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - (y * 12 + m);
  if (age < 0 || age >= 12) return;
  warnings.push({
    code: 'CPNS_TMT_MISSING',
    message: `NIP mencatat TMT CPNS ${y}-${String(m).padStart(2, '0')}, tetapi CPNS_START (TMT SPMT) atau PNS_START belum dicatat: dibayar sebagai PNS; catat peristiwanya`,
  });
}
