import { UnprocessableError, ConflictError } from '../common/domain-errors';
import type { SegmentRow } from '../skp/skp-segments.repository';
import { EvaluationPeriod, periodLabel } from './periods';

export type AnnualMode = 'LAST_SKP' | 'LONGEST_SKP' | 'PER_SKP';

const monthOf = (d: string) => d.slice(0, 7);
const nextMonth = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
/** First month credited to a segment: a month belongs to the SKP in force on its first day (spec 04 §1.4). */
const firstMonth = (start: string) => (start.endsWith('-01') ? monthOf(start) : nextMonth(monthOf(start)));
const monthCount = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return Math.max(0, ty * 12 + tm - (fy * 12 + fm) + 1);
};

/**
 * The SKP whose evaluation gives the annual predikat (spec 04 §1.3, `skp.annual.mode`): LAST_SKP the
 * last DEFINITIVE SKP of the year, LONGEST_SKP the one with most months (tie → later); PER_SKP every
 * DEFINITIVE SKP for its own months. ACTING SKPs never do.
 */
export function annualSkpIds(segments: SegmentRow[], mode: AnnualMode): Set<string> {
  const def = segments.filter((s) => s.kind === 'DEFINITIVE');
  if (def.length === 0) return new Set();
  if (mode === 'PER_SKP') return new Set(def.map((s) => s.id));
  if (mode === 'LAST_SKP') return new Set([def[def.length - 1].id]);
  const months = (s: SegmentRow) => monthCount(firstMonth(s.periodStart), monthOf(s.periodEnd));
  return new Set([def.reduce((best, s) => (months(s) >= months(best) ? s : best)).id]);
}

/**
 * The evaluation period as seen by one SKP (spec 04 §1.3): the period intersected with the SKP's own
 * dates (which fixes the reference date, so the PPK of that segment rates it), months per §1.4. The
 * annual evaluation exists only on the SKP `annualSkpIds` names; under LAST_SKP/LONGEST_SKP it covers
 * all DEFINITIVE months of the year (one TAHUNAN entry), under PER_SKP the SKP's own months.
 */
export function segmentPeriod(
  p: EvaluationPeriod,
  skp: { id: string; kind: string; periodStart: string; periodEnd: string },
  segments: SegmentRow[],
  mode: AnnualMode,
): EvaluationPeriod {
  if (p.end < skp.periodStart || p.start > skp.periodEnd)
    throw new UnprocessableError(
      `${periodLabel(p)} di luar masa SKP ini (${skp.periodStart} s.d. ${skp.periodEnd}) / the period lies outside this SKP`,
      [{ field: 'period', problem: `outside the SKP period ${skp.periodStart}…${skp.periodEnd}` }],
    );
  const start = p.start > skp.periodStart ? p.start : skp.periodStart;
  const end = p.end < skp.periodEnd ? p.end : skp.periodEnd;
  if (p.kind === 'ANNUAL') {
    if (skp.kind === 'ACTING')
      throw new ConflictError('SKP Plt tidak menghasilkan predikat tahunan / an ACTING SKP has no annual evaluation', [
        { field: 'period', problem: 'ACTING SKPs are evaluated periodically only (spec 04 §1.3)' },
      ]);
    if (!annualSkpIds(segments, mode).has(skp.id))
      throw new ConflictError(
        `Predikat tahunan ${p.year} ditetapkan pada SKP lain tahun ini (skp.annual.mode ${mode}); evaluasi SKP ini menjadi masukan / the annual predikat is set on another SKP of the year`,
        [{ field: 'period', problem: `the annual evaluation belongs to another SKP (${mode})` }],
      );
    const def = segments.filter((s) => s.kind === 'DEFINITIVE');
    const own = mode === 'PER_SKP' || def.length === 0;
    return {
      ...p,
      start,
      end,
      fromMonth: own ? firstMonth(skp.periodStart) : firstMonth(def[0].periodStart),
      toMonth: own ? monthOf(skp.periodEnd) : monthOf(def[def.length - 1].periodEnd),
    };
  }
  // An ACTING SKP credits no month (§1.3): its evaluations simply cover the months it touches.
  const fromMonth = skp.kind === 'ACTING' ? monthOf(start) : firstMonth(start);
  const toMonth = monthOf(end);
  if (fromMonth > toMonth)
    throw new UnprocessableError(
      `Tidak ada bulan ${periodLabel(p)} yang jatuh pada SKP ini (bulan dihitung pada SKP yang berlaku tanggal 1); nilai pada periode berikutnya / no month of the period belongs to this SKP`,
      [{ field: 'period', problem: `no month of ${p.period} starts inside ${skp.periodStart}…${skp.periodEnd}` }],
    );
  return { ...p, start, end, fromMonth, toMonth };
}
