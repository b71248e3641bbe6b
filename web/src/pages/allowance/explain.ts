import { formatDate, formatMonth, formatPeriod, formatRupiah } from '../../lib/format';
import { PREDICATE_LABELS } from '../../lib/labels';

/**
 * Plain Indonesian sentences for an allowance line (Tunjangan, and the office's view of the lines behind a
 * warning): built from the line's structured fields, never from the developer formulas of the explanation.
 */
export interface LineFacts {
  month: string;
  kelasJabatan: number | null;
  basicAmount: number | null;
  performancePart: number | null;
  disciplinePart: number | null;
  totalDeductions: number | null;
  netAmount: number | null;
  heldAmount: number;
  deductions: { code: string; amount: number; reason: string }[];
  warnings: { code: string; message: string }[];
  predicatePeriod?: string | null;
  predicateApplied?: string | null;
  explanation?: Record<string, unknown>;
}

export interface Sentence {
  text: string;
  amount?: number;
  /** How the amount reads: paid, cut, held. */
  tone?: 'base' | 'cut' | 'held';
}

/** Dates, months and periods inside an API sentence in the office's words (`2026-Q4` → `Triwulan IV 2026`). */
const EVENT_WORDS: Record<string, string> = { PENSIUN: 'Pensiun', BERHENTI: 'Berhenti', MENINGGAL: 'Meninggal' };

export function plain(text: string): string {
  return text
    .replace(
      /\s*\([^()]*\b(deathMonth|predikatMissing|NONE_FACTOR|LAST_KNOWN|HOLD|INFERRED|statusRules)\b[^()]*\)/g,
      '',
    )
    .replace(/\b(PENSIUN|BERHENTI|MENINGGAL)\b/g, (w) => EVENT_WORDS[w])
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDate(d))
    .replace(/\b(\d{4}-Q[1-4])\b/g, (p) => formatPeriod(p))
    .replace(/\b(\d{4}-(0[1-9]|1[0-2]))\b/g, (m) => formatMonth(m))
    .replace(/\bFINAL\b/g, 'final');
}

const inputs = (f: LineFacts): Record<string, unknown> =>
  (f.explanation?.inputs as Record<string, unknown> | undefined) ?? {};

/** The predikat period of the line: the structured field, else the explanation's inputs (payroll items). */
export function predicatePeriodOf(f: LineFacts): string | null {
  if (f.predicatePeriod) return f.predicatePeriod;
  const p = inputs(f).predicatePeriod;
  return typeof p === 'string' ? p : null;
}
function predicateAppliedOf(f: LineFacts): string | null {
  if (f.predicateApplied !== undefined) return f.predicateApplied;
  const p = inputs(f).predicateApplied;
  return typeof p === 'string' ? p : null;
}

/** What is missing and what happens because of it, one sentence per warning. */
export function warningSentence(w: { code: string; message: string }, f: LineFacts): string {
  const period = predicatePeriodOf(f);
  const periodText = period ? ` ${formatPeriod(period)}` : '';
  const month = formatMonth(f.month);
  switch (w.code) {
    case 'PREDIKAT_MISSING': {
      const applied = predicateAppliedOf(f);
      if (f.heldAmount > 0)
        return `Predikat kinerja${periodText} belum final. Bagian kinerja ${formatRupiah(f.heldAmount)} ditahan, bukan dipotong, dan dibayarkan melalui koreksi setelah predikat final.`;
      if (applied === 'NONE')
        return `Predikat kinerja${periodText} belum final. Bagian kinerja sementara dihitung tanpa predikat; selisihnya dikoreksi setelah predikat final.`;
      if (applied)
        return `Predikat kinerja${periodText} belum final. Sementara dipakai predikat final terakhir (${PREDICATE_LABELS[applied] ?? applied}); selisihnya dikoreksi setelah predikat final.`;
      return `Predikat kinerja${periodText} belum final; bagian kinerja dikoreksi setelah predikat final.`;
    }
    case 'ATTENDANCE_MISSING':
      return `Data presensi ${month} belum diterima. TPP dihitung seolah hadir penuh, tanpa potongan presensi; bila data presensi masuk sebelum bulan ditutup, TPP dihitung ulang.`;
    case 'STATUS_UNKNOWN':
      return 'Status kepegawaian belum diatur dalam aturan TPP. TPP dihitung penuh (100%) sampai BKPSDM melengkapi aturan.';
    case 'CEILING_EXCEEDED':
      return 'Besaran TPP kelas jabatan melebihi batas Basic TPP. Besaran tetap dibayarkan; BKPSDM memeriksa aturan TPP.';
    case 'LEAVE_RULE_MISSING':
      return 'Jenis cuti yang diambil belum diatur dalam aturan TPP. Cuti itu tidak dipotong sampai BKPSDM melengkapi aturan.';
    case 'HUKDIS_NOT_APPLIED':
      return 'Hukuman disiplin yang berlaku tidak memotong TPP bulan ini menurut aturan TPP; hukuman dilaksanakan dengan cara lain (misalnya penundaan kenaikan gaji atau pangkat).';
    case 'LEAVE_KIND_MISSING':
      return 'Ada hari cuti tanpa jenis cuti pada data presensi. Tidak ada potongan cuti dihitung sampai jenis cutinya dilengkapi.';
    case 'ACTING_POST_MISSING':
      return 'Jabatan Plt belum mencantumkan kelas jabatannya. Tambahan TPP sebagai Plt belum dihitung sampai data Plt dilengkapi.';
    case 'SEGMENT_DAYS_ADJUSTED':
      return `Hari kerja bagian-bagian bulan ${month} melebihi hari kerja bulan itu; hari kerja bagian terakhir dikurangi. BKPSDM memeriksa kalender hari kerja.`;
    case 'CPNS_TMT_MISSING':
      return 'NIP mencatat pengangkatan CPNS dalam 12 bulan terakhir, tetapi tanggal mulai tugas (SPMT) belum dicatat. TPP dibayar sebagai PNS (100%) sampai BKPSDM mencatatnya; selisihnya dikoreksi kemudian.';
    case 'RULESET_MISSING':
      return 'Belum ada aturan TPP untuk unit kerja ini. TPP tidak dihitung dan tidak dibayarkan sampai aturan ditetapkan.';
    case 'INPUT_INVALID':
      return 'Data kepegawaian tidak lengkap atau tidak valid. TPP tidak dihitung sampai data diperbaiki.';
    default:
      return plain(w.message);
  }
}

/** The office's short name of a warning code. */
export const WARNING_TITLES: Record<string, string> = {
  ATTENDANCE_MISSING: 'Data presensi belum ada (dihitung hadir penuh)',
  PREDIKAT_MISSING: 'Predikat kinerja belum final (bagian kinerja ditahan)',
  CEILING_EXCEEDED: 'Besaran TPP melebihi Basic TPP',
  STATUS_UNKNOWN: 'Status pegawai tidak ada dalam aturan TPP',
  RULESET_MISSING: 'Aturan TPP tidak ditemukan (tidak dihitung)',
  LEAVE_RULE_MISSING: 'Aturan cuti tidak ditemukan',
  HUKDIS_NOT_APPLIED: 'Hukuman disiplin tanpa potongan TPP',
  INPUT_INVALID: 'Data tidak valid (tidak dihitung)',
  LEAVE_KIND_MISSING: 'Cuti tanpa jenis cuti (tidak dipotong)',
  ACTING_POST_MISSING: 'Plt tanpa kelas jabatan (tambahan Plt belum dihitung)',
  SEGMENT_DAYS_ADJUSTED: 'Hari kerja bagian bulan disesuaikan',
  CPNS_TMT_MISSING: 'TMT CPNS belum dicatat (dibayar sebagai PNS)',
};

interface Step {
  label?: string;
  value?: unknown;
}
interface SegmentInput {
  from?: string;
  to?: string;
  workingDays?: number;
  kelasJabatan?: number;
  status?: string;
}
const pctOf = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
const dayMonth = (iso: string) => formatDate(iso).replace(/ \d{4}$/, '');

/** The computation as sentences with their amounts: entitlement, split, each deduction, the result. */
export function stepSentences(f: LineFacts): Sentence[] {
  if (f.basicAmount === null) return [];
  const out: Sentence[] = [];
  const steps = (f.explanation?.steps as Step[] | undefined) ?? [];
  const segments = (inputs(f).segments as SegmentInput[] | undefined) ?? [];
  const segmentSteps = steps.filter((s) => s.label?.startsWith('segmen '));
  segments.forEach((s, i) => {
    const v = Number(segmentSteps[i]?.value);
    out.push({
      text: `Bagian bulan ${s.from ? dayMonth(s.from) : ''} s.d. ${s.to ? formatDate(s.to) : ''}: ${s.workingDays ?? 0} hari kerja${s.kelasJabatan ? ` pada kelas jabatan ${s.kelasJabatan}` : ''}${s.status && s.status !== 'PNS' ? ` sebagai ${s.status}` : ''}`,
      amount: Number.isFinite(v) ? Math.round(v) : undefined,
      tone: 'base',
    });
  });
  // Joiners, movers, leavers (the run's employment notes): what cut the month into parts.
  const employment = (f.explanation?.context as { employment?: { notes?: unknown } } | undefined)?.employment;
  if (Array.isArray(employment?.notes))
    for (const n of employment.notes)
      if (typeof n === 'string') out.push({ text: `${plain(n)[0].toUpperCase()}${plain(n).slice(1)}` });
  const plt = steps.find((s) => s.label === 'tambahan Plt' || s.label === 'Plt');
  if (plt && Number(plt.value) > 0)
    out.push({
      text:
        plt.label === 'Plt'
          ? 'Sebagai Plt jabatan yang lebih tinggi, besaran TPP mengikuti jabatan Plt'
          : 'Tambahan TPP sebagai Plt',
      amount: Number(plt.value),
      tone: 'base',
    });
  out.push({
    text: f.kelasJabatan ? `Hak TPP untuk kelas jabatan ${f.kelasJabatan}` : 'Hak TPP bulan ini',
    amount: f.basicAmount,
    tone: 'base',
  });
  if (f.performancePart !== null && f.disciplinePart !== null && f.basicAmount > 0) {
    out.push({
      text: `Bagian kinerja (${pctOf(f.performancePart, f.basicAmount)} dari hak TPP)`,
      amount: f.performancePart,
      tone: 'base',
    });
    out.push({
      text: `Bagian disiplin (${pctOf(f.disciplinePart, f.basicAmount)} dari hak TPP)`,
      amount: f.disciplinePart,
      tone: 'base',
    });
  }
  if (steps.some((s) => s.label === 'Desember'))
    out.push({ text: 'Desember dibayar penuh, tanpa faktor kinerja dan tanpa potongan presensi' });
  const applied = predicateAppliedOf(f);
  const period = predicatePeriodOf(f);
  if (applied && applied !== 'NONE' && !f.deductions.some((d) => d.code === 'PREDIKAT'))
    out.push({
      text: `Predikat kinerja ${PREDICATE_LABELS[applied] ?? applied}${period ? ` (${formatPeriod(period)})` : ''}: bagian kinerja dibayar penuh`,
    });
  for (const d of f.deductions) {
    if (d.amount === 0) continue;
    const held = d.code === 'PREDIKAT_HELD';
    out.push({
      text: plain(d.reason),
      amount: d.amount,
      tone: held ? 'held' : 'cut',
    });
  }
  if (f.netAmount !== null) {
    const total = f.totalDeductions ?? f.basicAmount - f.netAmount;
    out.push({
      text:
        total === 0
          ? 'Tanpa potongan: TPP Diterima sama dengan hak TPP'
          : f.heldAmount === total
            ? `Hak TPP ${formatRupiah(f.basicAmount)} dikurangi ${formatRupiah(total)} yang ditahan (bukan dipotong) menjadi TPP Diterima`
            : `Hak TPP ${formatRupiah(f.basicAmount)} dikurangi ${formatRupiah(total)}${f.heldAmount > 0 ? ` (termasuk ${formatRupiah(f.heldAmount)} yang ditahan, bukan dipotong)` : ''} menjadi TPP Diterima`,
      amount: f.netAmount,
      tone: 'base',
    });
  }
  return out;
}

/** The regulations a rule set rests on, without the engine's own spec references. */
export function regulations(legalRefs: string[]): string[] {
  return legalRefs.filter((r) => !/^spec\b/i.test(r) && !/\bINFERRED\b/.test(r));
}
