import Decimal from 'decimal.js';

/**
 * A decimal as Indonesian offices write it: comma before the decimals, dot between thousands, at the
 * configured precision — 12.5 → "12,500", 1234.5 → "1.234,500" (exact: decimal.js, no float).
 */
export function angkaId(value: Decimal.Value, precision: number): string {
  const fixed = new Decimal(value).toFixed(precision, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/**
 * What an 18-digit NIP says about its holder (BKN NIP structure: birth date yyyymmdd, TMT CPNS
 * yyyymm, gender 1 = laki-laki / 2 = perempuan, sequence). null for anything that is not a valid date.
 */
export function fromNip(nip: string): { birthDate: string | null; gender: 'Laki-laki' | 'Perempuan' | null } {
  if (!/^\d{18}$/.test(nip)) return { birthDate: null, gender: null };
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  const g = nip.charAt(14);
  return {
    birthDate: valid ? `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}` : null,
    gender: g === '1' ? 'Laki-laki' : g === '2' ? 'Perempuan' : null,
  };
}
