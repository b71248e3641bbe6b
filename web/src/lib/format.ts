/** Formats as offices write them (glossary "Formats"), all through Intl with locale id-ID. */
const LOCALE = 'id-ID';
const TIME_ZONE = 'Asia/Jakarta';

const rupiah = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'IDR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const longDate = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const monthYear = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const time = new Intl.DateTimeFormat(LOCALE, {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: TIME_ZONE,
});
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });

/** `Rp5.439.503` (Intl puts a no-break space after "Rp"; offices write none). */
export function formatRupiah(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return rupiah.format(Number(value)).replace(/\s/g, '');
}

/** Angka kredit `12,500`: decimal comma, the configured precision (3 unless the API says otherwise). */
export function formatCredit(value: string | number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || value === '') return '–';
  return new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: true,
  }).format(Number(value));
}

export function formatNumber(value: string | number, digits = 0): string {
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(Number(value));
}

export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

/** `19880719 201207 1 019` (birth date, TMT CPNS, gender, sequence). */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '–';
  const m = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(nip);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : nip;
}

/** `6 Desember 2026` from `2026-12-06` or an ISO timestamp (shown in WIB). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : longDate.format(d);
}

/** The last day of a range whose end date is exclusive (assignment rows: `valid_to` is the next row's start). */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** `6 Desember 2026 14.30 WIB`. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${longDate.format(d)} ${time.format(d).replace(':', '.')} WIB`;
}

/** `Januari 2026` from `2026-01`. */
export function formatMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m ? monthYear.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : value;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** `Triwulan I 2026`, `Januari 2026`, `Tahunan 2026` from the API's period ids. */
export function formatPeriod(period: string): string {
  let m = /^(\d{4})$/.exec(period);
  if (m) return `Tahunan ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return `Triwulan ${ROMAN[Number(m[2]) - 1]} ${m[1]}`;
  if (/^\d{4}-\d{2}$/.test(period)) return formatMonth(period);
  return period;
}

/** Whole days from today (WIB) to a date, never negative. */
export function daysUntil(date: string, today = new Date()): number {
  const end = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59+07:00` : date).getTime();
  return Math.max(0, Math.ceil((end - today.getTime()) / 86_400_000));
}
