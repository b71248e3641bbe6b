import { AK_ENTRY_SOURCES, parseEnum, type AkEntrySource } from '../common/enums';
import { parseDate, parseMonth } from '../common/dates';
import { roundHalfUp, toDec } from '../common/decimal';
import { RuleInputError } from '../common/errors';
import { explanation } from '../common/explanation';
import { asObject, asString } from '../common/validate';
import { siasnDefaults, type SiasnConfig } from './config';
import type { AngkaKreditBody, PayloadResult } from './payloads';

/** Ledger entry sources SIASN has a flag for; PENDIDIKAN and the others are not pushed (§8.2, OPEN). */
export const SIASN_AK_SOURCES = ['PREDIKAT', 'INTEGRASI', 'AK_DASAR'] as const satisfies readonly AkEntrySource[];

export interface AngkaKreditPayloadInput {
  source: AkEntrySource;
  fromMonth: string;
  toMonth: string;
  amount: string;
  nomorSk: string;
  tanggalSk: string;
  siasnPnsId: string;
  rwJabatanId: string;
  siasnId?: string;
}

/**
 * `POST /angkakredit/save` body for one AK ledger entry in a PAK (rule `siasn.angkaKreditPayload`):
 * all values strings, months unpadded, `tanggalSk` dd-mm-yyyy, `kreditBaruTotal` the entry's own
 * amount at 3 dp (not the cumulative), the legacy utama/penunjang split "0" unless `ak.utamaMirror`.
 */
export function angkaKreditPayload(
  input: AngkaKreditPayloadInput,
  cfg: SiasnConfig = siasnDefaults,
): PayloadResult<AngkaKreditBody> {
  const obj = asObject(input, 'input');
  const source = parseEnum(AK_ENTRY_SOURCES, obj.source, 'source');
  if (!(SIASN_AK_SOURCES as readonly string[]).includes(source))
    throw new RuleInputError(
      `entry source ${source} is not sent to SIASN (sent: ${SIASN_AK_SOURCES.join(', ')}; spec 04 §8.2)`,
      'source',
    );
  const from = parseMonth(obj.fromMonth, 'fromMonth');
  const to = parseMonth(obj.toMonth, 'toMonth');
  if (to < from) throw new RuleInputError(`must not be before fromMonth ${String(obj.fromMonth)}`, 'toMonth');
  const amount = roundHalfUp(toDec(obj.amount, 'amount'), 3);
  const sk = parseDate(obj.tanggalSk, 'tanggalSk');
  const pad = (n: number) => String(n).padStart(2, '0');
  const body: AngkaKreditBody = {
    pnsId: asString(obj.siasnPnsId, 'siasnPnsId'),
    rwJabatanId: asString(obj.rwJabatanId, 'rwJabatanId'),
    nomorSk: asString(obj.nomorSk, 'nomorSk'),
    tanggalSk: `${pad(sk.d)}-${pad(sk.m)}-${sk.y}`,
    bulanMulaiPenailan: String((from % 12) + 1),
    tahunMulaiPenailan: String(Math.floor(from / 12)),
    bulanSelesaiPenailan: String((to % 12) + 1),
    tahunSelesaiPenailan: String(Math.floor(to / 12)),
    kreditUtamaBaru: cfg.ak.utamaMirror ? amount : '0',
    kreditPenunjangBaru: '0',
    kreditBaruTotal: amount,
    isAngkaKreditPertama: source === 'AK_DASAR' ? '1' : '0',
    isIntegrasi: source === 'INTEGRASI' ? '1' : '0',
    isKonversi: source === 'PREDIKAT' ? '1' : '0',
    path: [],
    ...(obj.siasnId === undefined || obj.siasnId === null ? {} : { id: asString(obj.siasnId, 'siasnId') }),
  };
  const flag = source === 'PREDIKAT' ? 'isKonversi' : source === 'INTEGRASI' ? 'isIntegrasi' : 'isAngkaKreditPertama';
  return {
    body,
    explanation: explanation({
      ruleId: 'siasn.angkaKreditPayload',
      legalBasis: 'Spec 04 §8.2 angkakredit/save (Swagger sample; public client serialisation)',
      status: 'CONFIRMED',
      inputs: { source, fromMonth: obj.fromMonth, toMonth: obj.toMonth, amount: obj.amount },
      formula: `${source} ${String(obj.fromMonth)}..${String(obj.toMonth)} → ${flag} "1", kreditBaruTotal "${amount}"`,
    }),
  };
}
