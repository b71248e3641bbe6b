import { scalarText } from '../common/validate';
import { parsePeriod } from '../angka-kredit/periods';
import { Dec } from '../common/decimal';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation } from '../common/explanation';
import type { SiasnKind } from './natural-key';
import {
  SIASN_COMPARED_FIELDS,
  SIASN_NUMERIC_FIELDS,
  siasnMatchKey,
  type HoldingValue,
  type NormalisedHolding,
} from './read-side';

export const RECONCILIATION_CODES = [
  'MISSING_IN_SIASN',
  'MISSING_IN_ENGINE',
  'VALUE_MISMATCH',
  'DUPLICATE_IN_SIASN',
  'PENILAI_MISMATCH',
  'ENGINE_NOT_READY',
] as const;
export type ReconciliationCode = (typeof RECONCILIATION_CODES)[number];

/** A row the engine would send (a draft of the ready payloads), keyed like the SIASN rows. */
export interface EngineRow {
  nip: string;
  matchKey: string;
  naturalKey: string | null;
  sourceRef: string;
  /** The `…/save` body; null when the row is NOT_READY. */
  payload: Record<string, unknown> | null;
  problems: { code: string; message: string }[];
}

export interface FieldDifference {
  field: string;
  engine: HoldingValue;
  siasn: HoldingValue;
}

export interface ReconciliationFinding {
  code: ReconciliationCode;
  nip: string;
  matchKey: string;
  naturalKey: string | null;
  sourceRef: string | null;
  siasnIds: string[];
  /** The differing fields (write-side names, §8.2): engine value vs SIASN value. */
  fields: FieldDifference[];
  /** For people (Bahasa Indonesia). */
  message: string;
}

export interface ReconciliationResult {
  findings: ReconciliationFinding[];
  explanation: Explanation;
}

const MESSAGES: Record<ReconciliationCode, string> = {
  MISSING_IN_SIASN: 'Ada di mesin, belum ada di SIASN: kirim (atau unggah manual) data ini',
  MISSING_IN_ENGINE: 'Ada di SIASN, tidak ada di mesin: periksa apakah data SIASN ini benar atau dientri ganda',
  VALUE_MISMATCH: 'Nilai di SIASN berbeda dengan mesin',
  DUPLICATE_IN_SIASN: 'SIASN menyimpan lebih dari satu baris untuk periode yang sama: hapus yang tidak benar di SIASN',
  PENILAI_MISMATCH: 'Pejabat penilai di SIASN berbeda dengan mesin',
  ENGINE_NOT_READY: 'Ada di SIASN, tetapi data mesin belum siap dikirim sehingga belum dapat dibandingkan',
};

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;

/**
 * Match key of an engine row: an evaluation's period (`2026`, `2026-Q2`, `2026-03`), or an angka kredit
 * entry's months and source (PREDIKAT → KONVERSI, INTEGRASI, AK_DASAR → PERTAMA).
 */
export function engineMatchKey(
  kind: SiasnKind,
  nip: string,
  ref: { period: string } | { fromMonth: string; toMonth: string; source: string },
): string {
  if ('period' in ref) {
    if (kind === 'SKP22') {
      if (!/^\d{4}$/.test(ref.period)) throw new RuleInputError(`must be a year, got "${ref.period}"`, 'period');
      return siasnMatchKey(kind, nip, { from: `${ref.period}-01`, to: `${ref.period}-12` });
    }
    const p = parsePeriod(ref.period, 'period');
    const periodikId = p.fromMonth === p.toMonth ? '1' : '2';
    return siasnMatchKey(kind, nip, { from: monthOf(p.fromMonth), to: monthOf(p.toMonth), periodikId });
  }
  const jenis =
    ref.source === 'PREDIKAT'
      ? 'KONVERSI'
      : ref.source === 'INTEGRASI'
        ? 'INTEGRASI'
        : ref.source === 'AK_DASAR'
          ? 'PERTAMA'
          : 'LAINNYA';
  return siasnMatchKey(kind, nip, { from: ref.fromMonth, to: ref.toMonth, jenis });
}

const text = (v: unknown) =>
  v === undefined || v === null ? '' : scalarText(v).trim().replace(/\s+/g, ' ').toLocaleUpperCase('id-ID');

/** Numbers as decimals ("18.750" = 18.75); text trimmed, spaces collapsed, case ignored (SIASN upper-cases names). */
export function sameSiasnValue(field: string, engine: unknown, siasn: unknown): boolean {
  if (SIASN_NUMERIC_FIELDS.has(field)) {
    const a = text(engine);
    const b = text(siasn);
    const num = /^[+-]?\d+(\.\d+)?$/;
    if (num.test(a) && num.test(b)) return new Dec(a).eq(new Dec(b));
    return a === b;
  }
  return text(engine) === text(siasn);
}

const shown = (v: unknown): HoldingValue =>
  v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v);

function differences(fields: string[], engine: Record<string, unknown>, siasn: Record<string, HoldingValue>) {
  return fields
    .filter((f) => !sameSiasnValue(f, engine[f], siasn[f]))
    .map((f) => ({ field: f, engine: shown(engine[f]), siasn: siasn[f] ?? null }));
}

/**
 * Compares what the engine would send with what SIASN holds, per match key (spec 04 §8.5), for the
 * people whose SIASN rows were imported. Read keys are already normalised (§8.4). Never proposes to
 * change SIASN by itself: each finding says what a person should check.
 */
export function reconcileSiasn(
  kind: SiasnKind,
  engine: EngineRow[],
  holdings: NormalisedHolding[],
): ReconciliationResult {
  const held = new Map<string, NormalisedHolding[]>();
  for (const h of holdings) held.set(h.matchKey, [...(held.get(h.matchKey) ?? []), h]);
  const findings: ReconciliationFinding[] = [];
  const seen = new Set<string>();
  const finding = (
    code: ReconciliationCode,
    nip: string,
    matchKey: string,
    rest: Partial<ReconciliationFinding> = {},
  ): ReconciliationFinding => ({
    code,
    nip,
    matchKey,
    naturalKey: null,
    sourceRef: null,
    siasnIds: [],
    fields: [],
    message: MESSAGES[code],
    ...rest,
  });
  for (const e of engine) {
    seen.add(e.matchKey);
    const rows = held.get(e.matchKey) ?? [];
    const ids = rows.map((h) => h.siasnId).sort();
    const ref = { naturalKey: e.naturalKey, sourceRef: e.sourceRef, siasnIds: ids };
    if (rows.length === 0) {
      const why = e.payload ? '' : ` (belum siap: ${e.problems.map((p) => p.message).join('; ')})`;
      findings.push(
        finding('MISSING_IN_SIASN', e.nip, e.matchKey, { ...ref, message: MESSAGES.MISSING_IN_SIASN + why }),
      );
      continue;
    }
    if (rows.length > 1) {
      findings.push(finding('DUPLICATE_IN_SIASN', e.nip, e.matchKey, ref));
      continue;
    }
    if (!e.payload) {
      const why = e.problems.map((p) => p.message).join('; ');
      findings.push(
        finding('ENGINE_NOT_READY', e.nip, e.matchKey, { ...ref, message: `${MESSAGES.ENGINE_NOT_READY}: ${why}` }),
      );
      continue;
    }
    const f = SIASN_COMPARED_FIELDS[kind];
    const values = differences(f.values, e.payload, rows[0].body);
    if (values.length)
      findings.push(
        finding('VALUE_MISMATCH', e.nip, e.matchKey, {
          ...ref,
          fields: values,
          message: `${MESSAGES.VALUE_MISMATCH}: ${values.map((d) => d.field).join(', ')}`,
        }),
      );
    const penilai = differences(f.penilai, e.payload, rows[0].body);
    if (penilai.length)
      findings.push(
        finding('PENILAI_MISMATCH', e.nip, e.matchKey, {
          ...ref,
          fields: penilai,
          message: `${MESSAGES.PENILAI_MISMATCH}: ${penilai.map((d) => d.field).join(', ')}`,
        }),
      );
  }
  for (const [key, rows] of held) {
    if (seen.has(key)) continue;
    const ids = rows.map((h) => h.siasnId).sort();
    findings.push(finding('MISSING_IN_ENGINE', rows[0].nip, key, { siasnIds: ids }));
    if (rows.length > 1) findings.push(finding('DUPLICATE_IN_SIASN', rows[0].nip, key, { siasnIds: ids }));
  }
  findings.sort((a, b) =>
    a.nip !== b.nip
      ? a.nip < b.nip
        ? -1
        : 1
      : a.matchKey !== b.matchKey
        ? a.matchKey < b.matchKey
          ? -1
          : 1
        : RECONCILIATION_CODES.indexOf(a.code) - RECONCILIATION_CODES.indexOf(b.code),
  );
  return {
    findings,
    explanation: explanation({
      ruleId: 'siasn.reconciliation',
      legalBasis: 'Spec 04 §8.4 (read-side names), §8.5 reconciliation (INFERRED design)',
      status: 'INFERRED',
      inputs: { kind, engineRows: engine.length, siasnRows: holdings.length },
      formula:
        `match on (NIP, months${kind === 'SKP22' ? '' : kind === 'ANGKA_KREDIT' ? ', jenis' : ', periodikId'}); ` +
        `compare ${[...SIASN_COMPARED_FIELDS[kind].values, ...SIASN_COMPARED_FIELDS[kind].penilai].join(', ')} ` +
        '(numbers as decimals, text without case and extra spaces)',
    }),
  };
}
