import { formatDate, formatRupiah } from '../../../lib/format';
import { PREDICATE_LABELS } from '../../../lib/labels';

/** Rule set fields (spec 03 §11.2) in the office's words, for the form and for "what changed" between versions. */
const PREDIKAT = { ...PREDICATE_LABELS, NONE: 'tanpa predikat' } as Record<string, string>;

const FRACTION =
  /^(split\.(kin|dis)|predikatFactor\.\w+|predikatDeduction\.\w+|apelPct|tkPct|deductionCap|linearCap|actingAddonPct|acting\.addonPct|bpjs\.(employer|employee)|(late|early)Bands\.\d+\.pct|statusRules\.\w+|hukdisTable\.\d+\.pct)$/;
const MONEY = /^(baseTable|ceilingTable)\.\d+$|^bpjs\.ceiling$/;

const ENUMS: Record<string, Record<string, string>> = {
  predikatMissing: {
    HOLD: 'bagian kinerja ditahan sampai predikat final',
    NONE_FACTOR: 'dihitung dengan faktor tanpa predikat',
    LAST_KNOWN: 'dipakai predikat final terakhir',
  },
  predikatSource: { MONTHLY: 'bulanan', QUARTERLY: 'triwulanan', ANNUAL: 'tahunan' },
  predikatFactorBase: { WHOLE: 'seluruh TPP', KIN_PART: 'bagian kinerja' },
  disBase: { WHOLE: 'seluruh TPP', DIS_PART: 'bagian disiplin' },
  kinMode: { PREDIKAT: 'predikat kinerja', LINEAR: 'capaian kinerja (linear)', CURVE: 'kurva capaian kinerja' },
  tkMode: { PCT_PER_DAY: 'persen per hari', DAILY_ACCRUAL: 'per hari kerja' },
  capScope: { PER_PART: 'per bagian', WHOLE: 'seluruh TPP' },
  status: { CONFIRMED: 'ditetapkan', INFERRED: 'contoh (belum ditetapkan)' },
  'rounding.mode': { NEAREST: 'terdekat', FLOOR: 'ke bawah' },
  'rounding.stage': { PER_LINE: 'per baris potongan', FINAL: 'di akhir' },
  hukdisMode: {
    PP94_25PCT: 'PP 94/2021 (25%)',
    LOCAL_TABLE: 'tabel daerah',
    NONE_TRANSITIONAL: 'tanpa potongan (masa transisi)',
  },
};

const FIXED: Record<string, string> = {
  name: 'Nama aturan',
  effectiveFrom: 'Berlaku mulai',
  effectiveTo: 'Berlaku sampai',
  legalRefs: 'Dasar hukum',
  status: 'Status aturan',
  'split.kin': 'Bagian kinerja',
  'split.dis': 'Bagian disiplin',
  kinMode: 'Dasar bagian kinerja',
  predikatSource: 'Periode predikat',
  predikatLag: 'Jeda periode predikat',
  predikatFactorBase: 'Faktor predikat dihitung dari',
  predikatMissing: 'Bila predikat belum final',
  disBase: 'Potongan disiplin dihitung dari',
  apelPct: 'Potongan tidak ikut apel (per kali)',
  tkMode: 'Cara potongan tanpa keterangan',
  tkPct: 'Potongan tanpa keterangan (per hari)',
  consecutiveAbsenceFullCutDays: 'Hari tanpa keterangan berturut-turut untuk potongan penuh',
  deductionCap: 'Batas potongan disiplin',
  capScope: 'Batas potongan berlaku untuk',
  'rounding.mode': 'Arah pembulatan',
  'rounding.unit': 'Pembulatan ke kelipatan',
  'rounding.stage': 'Saat pembulatan',
  decemberFullPay: 'Desember dibayar penuh',
  minutesPerTmkDay: 'Menit terlambat yang setara satu hari',
  hukdisMode: 'Potongan hukuman disiplin',
  'tax.pph21BorneByEmployer': 'PPh 21 ditanggung pemerintah daerah',
  'bpjs.employer': 'BPJS Kesehatan ditanggung pemberi kerja',
  'bpjs.employee': 'BPJS Kesehatan ditanggung pegawai',
  'bpjs.ceiling': 'Batas atas dasar BPJS',
};

/** The field's name as a person reads it. */
export function fieldLabel(path: string): string {
  if (FIXED[path]) return FIXED[path];
  let m = /^(baseTable|ceilingTable)\.(\d+)$/.exec(path);
  if (m) return `${m[1] === 'baseTable' ? 'Besaran TPP' : 'Basic TPP'} kelas jabatan ${m[2]}`;
  m = /^predikat(Factor|Deduction)\.(\w+)$/.exec(path);
  if (m) return `${m[1] === 'Factor' ? 'Faktor' : 'Potongan'} predikat ${PREDIKAT[m[2]] ?? m[2]}`;
  m = /^(late|early)Bands\.(\d+)\.(\w+)$/.exec(path);
  if (m)
    return `${m[1] === 'late' ? 'Terlambat' : 'Pulang sebelum waktunya'} golongan ${Number(m[2]) + 1} (${{ pct: 'potongan', fromMin: 'dari menit', toMin: 'sampai menit' }[m[3]] ?? m[3]})`;
  m = /^statusRules\.(\w+)$/.exec(path);
  if (m) return `Dibayar untuk status ${m[1]}`;
  m = /^leaveRules\.(\w+)\.(\w+)$/.exec(path);
  if (m) return `Aturan cuti ${m[1].replace(/_/g, ' ').toLowerCase()} (${m[2]})`;
  return path;
}

const percent = (v: unknown) => {
  const n = Number(v) * 100;
  return `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(n)}%`;
};

/** A value of the field as a person reads it. */
export function fieldValue(path: string, raw: string | undefined): string {
  if (raw === undefined) return '–';
  const v: unknown = JSON.parse(raw);
  if (v === null) return 'tidak ada';
  if (FRACTION.test(path)) return percent(v);
  if (MONEY.test(path)) return formatRupiah(v as number);
  if (path === 'rounding.unit') return formatRupiah(v as number);
  if (path === 'effectiveFrom' || path === 'effectiveTo') return formatDate(v as string);
  if (ENUMS[path]) return ENUMS[path][v as string] ?? String(v);
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  if (Array.isArray(v)) return v.map(String).join('; ');
  return String(v);
}

/** Every leaf of a rule set as `path → JSON value` (arrays of plain values stay whole: legalRefs). */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  const plainArray = Array.isArray(value) && value.every((x) => x === null || typeof x !== 'object');
  if (value !== null && typeof value === 'object' && !plainArray)
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, JSON.stringify(value));
  return out;
}

const IGNORED = new Set(['version', 'effectiveTo', 'code']);

/** What a version changed, one sentence per field ("Bagian kinerja diubah dari 60% menjadi 70%."). */
export function changeSentences(before: unknown, after: unknown): string[] {
  const a = leaves(before);
  const b = leaves(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => !IGNORED.has(p)).sort();
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((p) => {
      const label = fieldLabel(p);
      if (!a.has(p)) return `${label} ditambahkan: ${fieldValue(p, b.get(p))}.`;
      if (!b.has(p)) return `${label} dihapus (sebelumnya ${fieldValue(p, a.get(p))}).`;
      return `${label} diubah dari ${fieldValue(p, a.get(p))} menjadi ${fieldValue(p, b.get(p))}.`;
    });
}

export const PREDIKAT_MISSING_OPTIONS = Object.entries(ENUMS.predikatMissing).map(([value, label]) => ({
  value,
  label: label[0].toUpperCase() + label.slice(1),
}));
export const PREDIKAT_SOURCE_OPTIONS = Object.entries(ENUMS.predikatSource).map(([value, label]) => ({
  value,
  label: label[0].toUpperCase() + label.slice(1),
}));
export const PREDIKAT_KEYS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', 'NONE'] as const;
export const predikatLabel = (k: string) => PREDIKAT[k] ?? k;
