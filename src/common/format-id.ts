/** Month names as Indonesian offices write them. */
export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "2026-12-31" → "31 Desember 2026" (Indonesian long date). Accepts a Date (shown in Asia/Jakarta). */
export function tanggalIndonesia(value: string | Date): string {
  const iso =
    typeof value === 'string'
      ? value.slice(0, 10)
      : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(value);
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
}

/**
 * NIP as offices print it: birth date, TMT (year+month), gender, sequence —
 * "198703152010011002" → "19870315 201001 1 002". Anything not 18 digits is returned unchanged.
 */
export function formatNip(nip: string): string {
  const s = nip.trim();
  if (!/^\d{18}$/.test(s)) return s;
  return `${s.slice(0, 8)} ${s.slice(8, 14)} ${s.slice(14, 15)} ${s.slice(15)}`;
}

/** "SANGAT_BAIK" → "Sangat Baik". */
export function humanEnum(v: string | null | undefined): string {
  if (!v) return '-';
  return v
    .split('_')
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join(' ');
}
