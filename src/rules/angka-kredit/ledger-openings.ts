import { roundHalfUp, toDec } from '../common/decimal';
import { RuleInputError } from '../common/errors';
import { explanation } from '../common/explanation';
import type { Golongan } from '../common/enums';
import { asObject } from '../common/validate';
import type { AkConfig } from '../config/defaults';
import type { DeepPartial } from '../common/merge';
import { akDasar } from './ak-dasar';
import { integrasi } from './integrasi';
import { aboveJenjangRange, golonganRange, topGolongan, type JenjangContext } from './jenjang';
import type { Segment } from './ledger-timeline';
import type { LedgerEntry, LedgerWarning } from './ledger-model';

/**
 * The opening entry of the first ledger (AK Dasar, integrasi or LAMA from an earlier PAK) into `entries`;
 * a PPPK's AK Dasar / integrasi is shown ignored (04 §6).
 */
export function addFirstOpening(
  raw: unknown,
  first: { ctx: JenjangContext; golongan: Golongan; pppk: boolean },
  precision: number,
  config: DeepPartial<AkConfig> | undefined,
  entries: LedgerEntry[],
  warnings: LedgerWarning[],
): void {
  const { ctx: firstCtx, golongan: firstGol, pppk } = first;
  const opening = raw === undefined || raw === null ? null : asObject(raw, 'opening');
  if (!opening) return;
  const kind = opening.kind;
  if (pppk && (kind === 'AK_DASAR' || kind === 'INTEGRASI')) {
    // 04 §6: both rest on a PNS golongan ruang; a PPPK's ledger never fails on them, it shows them ignored.
    warnings.push({
      code: 'PPPK_OPENING_IGNORED',
      message: `Entri awal ${kind} bergantung pada golongan ruang PNS dan tidak berlaku untuk PPPK: tidak dihitung`,
    });
  } else if (kind === 'AK_DASAR') {
    const r = akDasar({ jenjang: firstCtx.jenjang, golongan: firstGol, precision }, config);
    entries.push({
      source: 'AK_DASAR',
      jenjang: firstCtx.jenjang,
      exact: r.amount,
      amount: r.amount,
      explanation: r.explanation,
    });
  } else if (kind === 'INTEGRASI') {
    const r = integrasi(
      {
        jenjang: firstCtx.jenjang,
        golongan: firstGol,
        conventionalTotal: opening.conventionalTotal as string,
        precision,
      },
      config,
    );
    entries.push({
      source: 'INTEGRASI',
      jenjang: firstCtx.jenjang,
      exact: r.amount,
      amount: r.amount,
      explanation: r.explanation,
    });
  } else if (kind === 'LAMA') {
    const amt = toDec(opening.amount, 'opening.amount');
    if (amt.isNeg()) throw new RuleInputError('must not be negative', 'opening.amount');
    const amount = roundHalfUp(amt, precision);
    entries.push({
      source: 'LAMA',
      jenjang: firstCtx.jenjang,
      exact: amt.toString(),
      amount,
      explanation: explanation({
        ruleId: 'ak.ledger.lama',
        legalBasis: 'Peraturan BKN 3/2023 Lampiran II angka 12 (kolom LAMA: AK pada PAK sebelumnya)',
        status: 'INFERRED',
        inputs: { amount: opening.amount },
        formula: `AK lama dari PAK sebelumnya = ${amount}`,
      }),
    });
  } else {
    throw new RuleInputError(`must be AK_DASAR | INTEGRASI | LAMA, got ${String(kind)}`, 'opening.kind');
  }
}

/**
 * AK Dasar opening the ledger of a KJ (02 §8, P-10). A golongan above the new jenjang's range (entered the JF
 * by perpindahan with a golongan not matching its jenjang, Lampiran II angka 3) has no AK Dasar row: the row of
 * the jenjang's highest golongan is used (INFERRED), so the next KJ still needs the AK of that last rank.
 */
export function kjAkDasar(seg: Segment, precision: number, config: DeepPartial<AkConfig> | undefined) {
  const golongan = seg.golongan as Golongan;
  if (!aboveJenjangRange(seg.ctx, golongan) && seg.ctx.row.golongans.includes(golongan))
    return akDasar({ jenjang: seg.jenjang, golongan, precision }, config);
  const top = topGolongan(seg.ctx);
  const r = akDasar({ jenjang: seg.jenjang, golongan: top, precision }, config);
  return {
    amount: r.amount,
    explanation: {
      ...r.explanation,
      status: 'INFERRED' as const,
      inputs: { ...r.explanation.inputs, golongan, rowOf: top },
      formula: `golongan ${golongan} di atas rentang ${seg.jenjang} (${golonganRange(seg.ctx)}): AK Dasar baris golongan tertinggi ${top}; ${r.explanation.formula}`,
    },
  };
}
