import { GOLONGANS, JENJANGS, parseEnum, type Golongan, type Jenjang, type StepKind } from '../common/enums';
import { Dec } from '../common/decimal';
import { RuleInputError } from '../common/errors';
import { scalarText } from '../common/validate';
import { selectVersion, type RuleTableVersion } from '../common/versioning';
import type { AkConfig } from '../config/defaults';
import type { JenjangRow } from './tables';

export const AK_LEGAL = {
  conversion:
    'PermenPANRB 1/2023 Pasal 37; Peraturan BKN 3/2023 Pasal 13 ayat (1) (konversi predikat kinerja, proporsional per bulan)',
  akk: 'PermenPANRB 1/2023 Lampiran (AKK kenaikan pangkat/jenjang); Peraturan BKN 3/2023',
  carry: 'PermenPANRB 1/2023: kelebihan AKK diperhitungkan kembali sepanjang dalam jenjang yang sama (02 §8)',
  akDasar: 'Peraturan BKN 3/2023 Lampiran II angka 2 (Angka Kredit Dasar)',
  integrasi: 'PermenPANRB 1/2023 Pasal 57; Peraturan BKN 3/2023 (AK integrasi = AK konvensional − Nilai Dasar)',
  pendidikan: 'PermenPANRB 1/2023: tambahan 25% AKK kenaikan pangkat untuk ijazah lebih tinggi, 1 (satu) kali',
  kp: 'Peraturan BKN 3/2023 (≥ 2 tahun dalam pangkat, AK terpenuhi, predikat ≥ Baik 2 tahun terakhir); PermenPANRB 1/2023 (KP tanpa lowongan satu tingkat)',
  aboveRange:
    'Peraturan BKN 3/2023 Lampiran II angka 3 (golongan tidak sesuai jenjang: AK tetap, kenaikan jenjang setelah paling singkat 1 tahun); PermenPANRB 1/2023 (kenaikan pangkat dalam rentang golongan jenjang)',
  kj: 'Peraturan BKN 3/2023; PermenPANRB 1/2023 (AKK jenjang, lowongan, uji kompetensi, predikat ≥ Baik 1 tahun terakhir)',
} as const;

export interface JenjangContext {
  jenjang: Jenjang;
  row: JenjangRow;
  version: RuleTableVersion<Record<Jenjang, JenjangRow>>;
}

export function jenjangContext(jenjangRaw: unknown, cfg: AkConfig, onDate?: string, field = 'jenjang'): JenjangContext {
  const jenjang = parseEnum(JENJANGS, jenjangRaw, field);
  const version = selectVersion(cfg.jenjangs, onDate);
  return { jenjang, row: version.data[jenjang], version };
}

export function parseGolongan(value: unknown, field = 'golongan'): Golongan {
  return parseEnum(GOLONGANS, value, field);
}

/** The golongan one rank above `g`, or null at IV/e. */
export function golonganAbove(g: Golongan): Golongan | null {
  const i = GOLONGANS.indexOf(g);
  return i + 1 < GOLONGANS.length ? GOLONGANS[i + 1] : null;
}

/**
 * Position of a golongan in its jenjang: index in the jenjang's golongans; `len` when it is above the
 * top — one rank above after the vacancy-less KP, or further above when the official entered the JF by
 * perpindahan with a golongan not matching the jenjang (PerBKN 3/2023 Lampiran II angka 3, 04 §4).
 * Above the top there is no KP inside the jenjang; the next step is the KJ. Only a jenjang with a next
 * jenjang has such positions; any other golongan → RuleInputError.
 */
export function golonganIndex(ctx: JenjangContext, g: Golongan, field = 'golongan'): number {
  const i = ctx.row.golongans.indexOf(g);
  if (i >= 0) return i;
  if (ctx.row.next !== null && rankDistance(topGolongan(ctx), g) > 0) return ctx.row.golongans.length;
  throw new RuleInputError(
    `golongan ${g} tidak sesuai jenjang ${ctx.jenjang} (${ctx.row.golongans.join(', ')}) / golongan does not match the jenjang`,
    field,
  );
}

/** The highest golongan of the jenjang's range. */
export function topGolongan(ctx: JenjangContext): Golongan {
  return ctx.row.golongans[ctx.row.golongans.length - 1];
}

/**
 * More than one rank above the jenjang's top: not reachable by the vacancy-less KP, only by entering the
 * JF with that golongan (perpindahan, Lampiran II angka 3: "S2, IV/a → Ahli Pertama 100").
 */
export function aboveJenjangRange(ctx: JenjangContext, g: Golongan): boolean {
  return rankDistance(topGolongan(ctx), g) > 1;
}

/** "III/a–III/b": the jenjang's golongan range as written. */
export function golonganRange(ctx: JenjangContext): string {
  const gs = ctx.row.golongans;
  return gs.length === 1 ? gs[0] : `${gs[0]}–${gs[gs.length - 1]}`;
}

/**
 * Integrasi case C (02 §10): the golongan is below the jenjang's lowest (jenjang above pangkat).
 * The ledger counts from the conventional AKK of that golongan, so the pangkat catches up one KP at
 * a time (threshold = conventional AKK difference) and every threshold of the jenjang is shifted by
 * `offset` = conventional AKK(lowest golongan of the jenjang) − conventional AKK(from). INFERRED.
 */
export interface CatchUp {
  from: Golongan;
  offset: Dec;
  conv: Partial<Record<Golongan, string>>;
}

/** The golongan above `g` where one must exist (below a jenjang's top golongan); golonganAbove otherwise. */
export function nextGolongan(g: Golongan): Golongan {
  const above = golonganAbove(g);
  if (above === null) throw new Error(`no golongan above ${g}`);
  return above;
}

/** Null when `g` is not below the jenjang's lowest golongan. */
export function catchUpOf(ctx: JenjangContext, g: Golongan, cfg: AkConfig, field = 'golongan'): CatchUp | null {
  const lowest = ctx.row.golongans[0];
  if (GOLONGANS.indexOf(g) >= GOLONGANS.indexOf(lowest)) return null;
  const conv = cfg.integrasi.conventionalAkk[ctx.row.kategori];
  const a = conv[g];
  const b = conv[lowest];
  if (a === undefined || b === undefined) {
    throw new RuleInputError(
      `golongan ${g} di bawah jenjang ${ctx.jenjang} (${ctx.row.golongans.join(', ')}) dan tidak ada AKK konvensional golongan ${g} (config ak.integrasi.conventionalAkk) / golongan does not match the jenjang`,
      field,
    );
  }
  return { from: g, offset: new Dec(b).minus(a), conv };
}

/** Number of golongan ranks from `from` to `to` (positive upwards). */
export function rankDistance(from: Golongan, to: Golongan): number {
  return GOLONGANS.indexOf(to) - GOLONGANS.indexOf(from);
}

/** AKK of a KJ from the jenjang = AKK_PANGKAT × number of golongan (02 §14.1). */
export function akkJenjang(ctx: JenjangContext): Dec {
  return new Dec(ctx.row.akkPangkat).times(ctx.row.golongans.length);
}

/** Cumulative threshold of the KP from golongan index i: AKK_PANGKAT × (i + 1). */
export function kpThreshold(ctx: JenjangContext, index: number): Dec {
  return new Dec(ctx.row.akkPangkat).times(index + 1);
}

export interface NextStep {
  kind: StepKind;
  to: string;
  threshold: Dec;
}

/**
 * Next promotion step from (jenjang, golongan) per 02 §7.1: KP to the next golongan of the jenjang,
 * at (or above) its top golongan KJ to the next jenjang; null at the top of PENYELIA / AHLI_UTAMA.
 */
export function nextStep(ctx: JenjangContext, g: Golongan, catchUp: CatchUp | null = null): NextStep | null {
  if (catchUp !== null && rankDistance(ctx.row.golongans[0], g) < 0) {
    const to = nextGolongan(g);
    return { kind: 'KENAIKAN_PANGKAT', to, threshold: catchUpThreshold(catchUp, to) };
  }
  const offset = catchUp?.offset ?? new Dec(0);
  const i = golonganIndex(ctx, g);
  if (i < ctx.row.golongans.length - 1) {
    return { kind: 'KENAIKAN_PANGKAT', to: ctx.row.golongans[i + 1], threshold: kpThreshold(ctx, i).plus(offset) };
  }
  if (ctx.row.next === null) return null;
  return { kind: 'KENAIKAN_JENJANG', to: ctx.row.next, threshold: akkJenjang(ctx).plus(offset) };
}

/** Case C: AK needed (from the ledger's start) to reach golongan `to` = conv(to) − conv(from). */
export function catchUpThreshold(catchUp: CatchUp, to: Golongan): Dec {
  const hi = catchUp.conv[to];
  const lo = catchUp.conv[catchUp.from];
  if (hi === undefined || lo === undefined)
    throw new RuleInputError(
      `tidak ada AKK konvensional golongan ${to} (config ak.integrasi.conventionalAkk)`,
      'golongan',
    );
  return new Dec(hi).minus(lo);
}

export function parsePrecision(value: unknown, cfg: AkConfig): number {
  if (value === undefined || value === null) return cfg.rounding.precision;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10) {
    throw new RuleInputError(`must be an integer 0..10, got ${scalarText(value)}`, 'precision');
  }
  return value;
}
