import { Dec, roundHalfUp, show, sum, toDec } from '../common/decimal';
import { parseEnum, type Golongan, type Jenjang, type Predicate } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation, type ExplanationStep } from '../common/explanation';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { asArray, asBool, asInt, asObject } from '../common/validate';
import { selectVersion } from '../common/versioning';
import { akDefaults, type AkConfig } from '../config/defaults';
import { akDasar } from './ak-dasar';
import { convertPredicate } from './conversion';
import { jenjangContext, parseGolongan, parsePrecision } from './jenjang';
import { APPOINTMENT_ROUTES, type AppointmentRoute, type OpeningTableRow } from './opening-tables';

export interface OpeningInput {
  route: AppointmentRoute;
  targetJenjang: Jenjang;
  golongan?: Golongan;
  /** PERPINDAHAN from JA: the employee holds the top pangkat of the JA. */
  topPangkatOfJa?: boolean;
  monthsInLastGolongan?: number;
  /** Predikat runs (≤ 12 months each), most recent first. */
  predicates?: { months: number; predicate: string }[];
  education?: string;
  relevantExperienceYears?: number;
  /** PENGANGKATAN_KEMBALI: AK balance of the last PAK before leaving the JF. */
  lastBalance?: string;
  /** PENYESUAIAN (or PERPINDAHAN without a table row): value read from the annex by a person, with its document. */
  tableAmount?: string;
  onDate?: string;
  precision?: number;
}

export interface OpeningEntry {
  months: number;
  predicate: Predicate;
  amount: string;
}

export interface OpeningResult {
  route: AppointmentRoute;
  amount: string;
  konversi?: string;
  akDasar?: string;
  tableAmount?: string;
  lastBalance?: string;
  /** Converted predikat runs (one rounded entry each, 04 §9.1). */
  entries: OpeningEntry[];
  warnings: { code: string; message: string }[];
  explanation: Explanation;
}

const LEGAL: Record<AppointmentRoute, string> = {
  PENGANGKATAN_PERTAMA: 'Peraturan BKN 3/2023 (konversi predikat CPNS, proporsional); PermenPANRB 1/2023 Pasal 37',
  PERPINDAHAN:
    'Peraturan BKN 3/2023 (perpindahan: konversi predikat dalam golongan terakhir, paling lama 3 tahun, + AK Dasar, Lampiran II angka 2–3)',
  PENYESUAIAN: 'Peraturan BKN 3/2023 Lampiran II angka 5 (penyesuaian) + Lampiran II angka 2 (AK Dasar)',
  PROMOSI: 'Peraturan BKN 3/2023 Lampiran II angka 2 (AK Dasar jenjang tujuan)',
  PENGANGKATAN_KEMBALI:
    'Peraturan BKN 3/2023 (pengangkatan kembali: AK terakhir + konversi predikat selama di luar JF)',
};

/**
 * Opening angka kredit of an entry into a JF (rule `ak.opening`, 04 §4): perpindahan = conversion of the
 * last golongan's predikat (last 36 months for the top JA pangkat) + AK Dasar, or the Lampiran II angka 3
 * value; pengangkatan pertama = Σ CPNS runs; promosi = AK Dasar; kembali = last balance + ≤ 48 months.
 */
export function akOpening(input: OpeningInput, config?: DeepPartial<AkConfig>): OpeningResult {
  const cfg = mergeConfig(akDefaults, config);
  const obj = asObject(input, 'input');
  const route = parseEnum(APPOINTMENT_ROUTES, obj.route, 'route');
  const onDate = typeof obj.onDate === 'string' ? obj.onDate : undefined;
  const ctx = jenjangContext(obj.targetJenjang, cfg, onDate, 'targetJenjang');
  const precision = parsePrecision(obj.precision, cfg);
  const warnings: { code: string; message: string }[] = [];
  const steps: ExplanationStep[] = [];
  const runs = (
    obj.predicates === undefined || obj.predicates === null ? [] : asArray(obj.predicates, 'predicates')
  ).map((raw, i) => {
    const r = asObject(raw, `predicates[${i}]`);
    return { months: asInt(r.months, `predicates[${i}].months`, 1, 12), predicate: r.predicate, i };
  });
  const golongan = (): Golongan => {
    if (obj.golongan === undefined || obj.golongan === null)
      throw new RuleInputError('is required for this route', 'golongan');
    return parseGolongan(obj.golongan);
  };
  /** Converts the most recent `window` months (null = all), one rounded entry per run. */
  const convert = (window: number | null): { total: Dec; entries: OpeningEntry[] } => {
    let left = window ?? Number.MAX_SAFE_INTEGER;
    const entries: OpeningEntry[] = [];
    for (const r of runs) {
      if (left <= 0) break;
      const m = Math.min(r.months, left);
      left -= m;
      const c = convertPredicate(
        { jenjang: ctx.jenjang, predicate: r.predicate as Predicate, months: m, precision, onDate },
        cfg,
      );
      entries.push({ months: m, predicate: c.predicate, amount: c.amount });
      steps.push({ label: `konversi ${m} bulan ${c.predicate}`, formula: c.explanation.formula, value: c.amount });
    }
    if (window !== null && left > 0)
      warnings.push({
        code: 'PREDICATES_SHORT',
        message: `Predikat yang dimasukkan hanya ${window - left} dari ${window} bulan yang diperhitungkan`,
      });
    return { total: sum(entries.map((e) => new Dec(e.amount))), entries };
  };
  const dasar = (g: Golongan): Dec =>
    new Dec(akDasar({ jenjang: ctx.jenjang, golongan: g, precision, onDate }, cfg).amount);
  const tableValue = (
    table: 'perpindahan' | 'penyesuaian',
    g: Golongan,
  ): { row: OpeningTableRow | null; version: string } => {
    const v = selectVersion(cfg.opening[table], onDate);
    const years =
      obj.relevantExperienceYears === undefined ? 0 : asInt(obj.relevantExperienceYears, 'relevantExperienceYears', 0);
    const hits = v.data
      .filter(
        (r) =>
          r.jenjang === ctx.jenjang &&
          r.golongan === g &&
          (r.education === undefined || r.education === obj.education) &&
          years >= r.minYears,
      )
      .sort((a, b) => b.minYears - a.minYears);
    return { row: hits[0] ?? null, version: v.id };
  };
  const manual = (field: string): Dec => {
    if (obj.tableAmount === undefined || obj.tableAmount === null)
      throw new RuleInputError(
        `no table row applies: the annex value must be supplied with its document (${field})`,
        'tableAmount',
      );
    warnings.push({
      code: 'MANUAL_TABLE_AMOUNT',
      message: 'Nilai tabel lampiran dimasukkan petugas: periksa dokumen dasarnya',
    });
    return toDec(obj.tableAmount, 'tableAmount');
  };

  let amount: Dec;
  const out: Partial<OpeningResult> = {};
  let formula: string;
  if (route === 'PENGANGKATAN_PERTAMA') {
    const k = convert(null);
    amount = k.total;
    out.konversi = roundHalfUp(k.total, precision);
    out.entries = k.entries;
    formula = `Σ konversi predikat CPNS (${k.entries.map((e) => e.amount).join(' + ') || '0'}) = ${out.konversi}`;
  } else if (route === 'PROMOSI') {
    const d = dasar(golongan());
    amount = d;
    out.akDasar = roundHalfUp(d, precision);
    formula = `AK Dasar ${ctx.jenjang} ${golongan()} = ${out.akDasar}`;
  } else if (route === 'PENGANGKATAN_KEMBALI') {
    if (obj.lastBalance === undefined || obj.lastBalance === null)
      throw new RuleInputError('is required for this route', 'lastBalance');
    const last = toDec(obj.lastBalance, 'lastBalance');
    const k = convert(cfg.opening.pengangkatanKembaliMaxMonths);
    amount = last.plus(k.total);
    out.lastBalance = roundHalfUp(last, precision);
    out.konversi = roundHalfUp(k.total, precision);
    out.entries = k.entries;
    formula = `AK terakhir ${out.lastBalance} + konversi ${cfg.opening.pengangkatanKembaliMaxMonths} bulan terakhir ${out.konversi} = ${roundHalfUp(amount, precision)}`;
  } else if (route === 'PENYESUAIAN') {
    const g = golongan();
    const t = tableValue('penyesuaian', g);
    const value = t.row ? new Dec(t.row.amount) : manual('Lampiran II angka 5');
    const d = ctx.row.golongans.includes(g) ? dasar(g) : new Dec(0);
    amount = value.plus(d);
    out.tableAmount = roundHalfUp(value, precision);
    out.akDasar = roundHalfUp(d, precision);
    formula = `nilai Lampiran II angka 5 ${out.tableAmount}${t.row ? ` (${t.row.source})` : ' (dimasukkan petugas)'} + AK Dasar ${out.akDasar}`;
  } else {
    const g = golongan();
    if (!ctx.row.golongans.includes(g)) {
      // Golongan not matching the jenjang: fixed value of Lampiran II angka 3 (04 §4).
      const t = tableValue('perpindahan', g);
      const value = t.row ? new Dec(t.row.amount) : manual('Lampiran II angka 3');
      amount = value;
      out.tableAmount = roundHalfUp(value, precision);
      formula = `golongan ${g} tidak sesuai jenjang ${ctx.jenjang}: nilai Lampiran II angka 3 = ${out.tableAmount}${t.row ? ` (${t.row.source}; tabel ${t.version})` : ' (dimasukkan petugas)'}`;
    } else {
      const months = asInt(obj.monthsInLastGolongan, 'monthsInLastGolongan', 0);
      const top = asBool(obj.topPangkatOfJa, 'topPangkatOfJa', false);
      const max = cfg.opening.perpindahanMaxMonths;
      const window = top && months > max ? max : months;
      const k = convert(window);
      const d = dasar(g);
      amount = k.total.plus(d);
      out.konversi = roundHalfUp(k.total, precision);
      out.akDasar = roundHalfUp(d, precision);
      out.entries = k.entries;
      formula = `konversi ${window} bulan terakhir dalam golongan ${g}${top && months > max ? ` (pangkat puncak JA > ${max} bulan: ${max} bulan)` : ''} ${out.konversi} + AK Dasar ${out.akDasar} = ${roundHalfUp(amount, precision)}`;
    }
  }
  const total = roundHalfUp(amount, precision);
  return {
    route,
    amount: total,
    ...out,
    entries: out.entries ?? [],
    warnings,
    explanation: explanation({
      ruleId: 'ak.opening',
      legalBasis: LEGAL[route],
      status:
        route === 'PROMOSI' || route === 'PENGANGKATAN_KEMBALI' || route === 'PENGANGKATAN_PERTAMA'
          ? 'INFERRED'
          : 'CONFIRMED',
      inputs: { ...obj, precision },
      formula: `${formula} → ${total} (${show(amount)})`,
      steps,
    }),
  };
}
