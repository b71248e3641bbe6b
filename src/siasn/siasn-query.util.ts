import { InvalidInputError } from '../common/domain-errors';
import type { SiasnKind } from '../rules';

const KINDS: Record<string, SiasnKind> = {
  SKP22: 'SKP22',
  skp22: 'SKP22',
  KINERJA_PERIODIK: 'KINERJA_PERIODIK',
  kinerjaPeriodik: 'KINERJA_PERIODIK',
  'kinerja-periodik': 'KINERJA_PERIODIK',
  ANGKA_KREDIT: 'ANGKA_KREDIT',
  angkaKredit: 'ANGKA_KREDIT',
  'angka-kredit': 'ANGKA_KREDIT',
};

/** The query of a file download as sent: each parameter a string, any of them may be absent. */
export type FileQuery = Partial<Record<string, string>>;

const invalid = (field: string, problem: string) =>
  new InvalidInputError('Parameter tidak valid / invalid parameter', [{ field, problem }]);

/** `skp22 | kinerjaPeriodik | angkaKredit` (or the enum spelling SKP22 | KINERJA_PERIODIK | ANGKA_KREDIT). */
export function siasnKindOf(v: unknown): SiasnKind {
  const k = typeof v === 'string' ? KINDS[v] : undefined;
  if (!k) throw invalid('kind', 'must be skp22, kinerjaPeriodik or angkaKredit');
  return k;
}

export function siasnYearOf(v: string | undefined): number {
  const n = Number(v);
  if (!v || !/^\d{4}$/.test(v) || n < 2000 || n > 2100) throw invalid('year', 'must be a year, e.g. 2026');
  return n;
}

/** A month (`2026-03`) or a quarter (`2026-Q2`). */
export function siasnPeriodOf(v: unknown): string {
  if (typeof v !== 'string' || !/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/.test(v))
    throw invalid('period', 'must be a month (2026-03) or a quarter (2026-Q2)');
  return v;
}

export function siasnLimitOf(v: string | undefined, max = 1000): number {
  if (v === undefined || v === '') return 100;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw invalid('limit', `must be 1–${max}`);
  return n;
}
