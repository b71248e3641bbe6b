import { GOLONGANS, JENJANGS, parseEnum, type Rating } from '../common/enums';
import { RuleInputError } from '../common/errors';
import { explanation, type Explanation } from '../common/explanation';
import { asBool, asInt, asObject, asString, scalarText } from '../common/validate';
import { parsePeriod } from '../angka-kredit/periods';
import { SIASN_KOEFISIEN_CODES, SIASN_PERIODIK_CODES, siasnGolonganId } from './codes';
import { siasnKuadran } from './kuadran';

/** Document reference of a SIASN write body (`path`); empty until uploaded (§8.3). */
export interface SiasnPath {
  dok_id: string;
  dok_nama: string;
  dok_uri: string;
  object: string;
  slug: string;
}

export interface PenilaiInput {
  name: string;
  /** NIP, or NRP for a TNI/Polri PPK; absent for a non-ASN PPK. */
  nip?: string;
  golongan?: string;
  jabatan: string;
  unitName: string;
  asn: boolean;
}

export interface Skp22Body {
  tahun: number;
  hasilKinerjaNilai: number;
  perilakuKerjaNilai: number;
  kuadranKinerjaNilai: number;
  penilaiNama: string;
  penilaiNipNrp: string;
  penilaiGolongan: string;
  penilaiJabatan: string;
  penilaiUnorNama: string;
  statusPenilai: 'ASN' | 'NON ASN';
  pnsDinilaiOrang: string;
  path: SiasnPath[];
  id?: string;
}

export interface KinerjaPeriodikBody {
  tahun: number;
  tahunMulaiPenilaian: number;
  tahunSelesaiPenilaian: number;
  bulanMulaiPenilaian: number;
  bulanSelesaiPenilaian: number;
  periodikId: string;
  koefisienId: string;
  hasilKinerjaNilai: number;
  perilakuKerjaNilai: number;
  kuadranKinerjaNilai: number;
  penilaiNama: string;
  penilaiNipNrp: string;
  penilaiGolongan: string;
  penilaiJabatanNama: string;
  penilaiUnorNama: string;
  statusPenilai: 'ASN' | 'NON ASN';
  pnsDinilaiId: string;
  path: SiasnPath[];
  id?: string;
}

/** All values strings; "Penailan" is SIASN's own spelling (§8.2). */
export interface AngkaKreditBody {
  pnsId: string;
  rwJabatanId: string;
  nomorSk: string;
  tanggalSk: string;
  bulanMulaiPenailan: string;
  tahunMulaiPenailan: string;
  bulanSelesaiPenailan: string;
  tahunSelesaiPenailan: string;
  kreditUtamaBaru: string;
  kreditPenunjangBaru: string;
  kreditBaruTotal: string;
  isAngkaKreditPertama: '0' | '1';
  isIntegrasi: '0' | '1';
  isKonversi: '0' | '1';
  path: SiasnPath[];
  id?: string;
}

export interface PayloadResult<B> {
  body: B;
  explanation: Explanation;
}

function penilaiFields(value: unknown) {
  const p = asObject(value, 'penilai');
  const asn = asBool(p.asn, 'penilai.asn', true);
  const nip = p.nip === undefined || p.nip === null ? '' : scalarText(p.nip);
  // A non-ASN PPK (political, TNI/Polri) has no golongan; TNI/Polri send the NRP as nip (§9.1).
  const golongan = asn ? siasnGolonganId(parseEnum(GOLONGANS, p.golongan, 'penilai.golongan')) : '';
  return {
    penilaiNama: asString(p.name, 'penilai.name'),
    penilaiNipNrp: nip,
    penilaiGolongan: golongan,
    jabatan: asString(p.jabatan, 'penilai.jabatan'),
    penilaiUnorNama: asString(p.unitName, 'penilai.unitName'),
    statusPenilai: asn ? ('ASN' as const) : ('NON ASN' as const),
  };
}

function optionalId(value: unknown): { id?: string } {
  return value === undefined || value === null ? {} : { id: asString(value, 'siasnId') };
}

const LEGAL = 'Spec 04 §8.2 (SIASN Swagger samples), §8.3 codes';

/** `POST /skp22/save` body for a FINAL annual evaluation (rule `siasn.skp22Payload`). */
export function skp22Payload(input: {
  year: number;
  resultRating: Rating;
  behaviorRating: Rating;
  siasnPnsId: string;
  penilai: PenilaiInput;
  siasnId?: string;
}): PayloadResult<Skp22Body> {
  const obj = asObject(input, 'input');
  const tahun = asInt(obj.year, 'year', 1900, 9999);
  const k = siasnKuadran({ resultRating: obj.resultRating as Rating, behaviorRating: obj.behaviorRating as Rating });
  const { jabatan, ...penilai } = penilaiFields(obj.penilai);
  const body: Skp22Body = {
    tahun,
    hasilKinerjaNilai: k.hasilKinerjaNilai,
    perilakuKerjaNilai: k.perilakuKerjaNilai,
    kuadranKinerjaNilai: k.kuadranKinerjaNilai,
    ...penilai,
    penilaiJabatan: jabatan,
    pnsDinilaiOrang: asString(obj.siasnPnsId, 'siasnPnsId'),
    path: [],
    ...optionalId(obj.siasnId),
  };
  return {
    body,
    explanation: explanation({
      ruleId: 'siasn.skp22Payload',
      legalBasis: LEGAL,
      status: 'CONFIRMED',
      inputs: { year: tahun, resultRating: obj.resultRating, behaviorRating: obj.behaviorRating },
      formula: `skp22 ${tahun}: ${k.explanation.formula}`,
    }),
  };
}

/** `POST /kinerjaperiodik/save` body for a FINAL monthly/quarterly evaluation (rule `siasn.kinerjaPeriodikPayload`). */
export function kinerjaPeriodikPayload(input: {
  period: string;
  jenjang: string;
  resultRating: Rating;
  behaviorRating: Rating;
  siasnPnsId: string;
  penilai: PenilaiInput;
  siasnId?: string;
}): PayloadResult<KinerjaPeriodikBody> {
  const obj = asObject(input, 'input');
  const period = parsePeriod(obj.period, 'period');
  if (period.basis !== 'PERIODIK')
    throw new RuleInputError(`must be a month ("2026-03") or quarter ("2026-Q2"), got "${period.period}"`, 'period');
  const type = period.fromMonth === period.toMonth ? 'MONTHLY' : 'QUARTERLY';
  const jenjang = parseEnum(JENJANGS, obj.jenjang, 'jenjang');
  const k = siasnKuadran({ resultRating: obj.resultRating as Rating, behaviorRating: obj.behaviorRating as Rating });
  const { jabatan, ...penilai } = penilaiFields(obj.penilai);
  const body: KinerjaPeriodikBody = {
    tahun: period.year,
    tahunMulaiPenilaian: Math.floor(period.fromMonth / 12),
    tahunSelesaiPenilaian: Math.floor(period.toMonth / 12),
    bulanMulaiPenilaian: (period.fromMonth % 12) + 1,
    bulanSelesaiPenilaian: (period.toMonth % 12) + 1,
    periodikId: SIASN_PERIODIK_CODES.codes[type],
    koefisienId: SIASN_KOEFISIEN_CODES.codes[jenjang],
    hasilKinerjaNilai: k.hasilKinerjaNilai,
    perilakuKerjaNilai: k.perilakuKerjaNilai,
    kuadranKinerjaNilai: k.kuadranKinerjaNilai,
    ...penilai,
    penilaiJabatanNama: jabatan,
    pnsDinilaiId: asString(obj.siasnPnsId, 'siasnPnsId'),
    path: [],
    ...optionalId(obj.siasnId),
  };
  return {
    body,
    explanation: explanation({
      ruleId: 'siasn.kinerjaPeriodikPayload',
      legalBasis: LEGAL,
      status: 'CONFIRMED',
      inputs: { period: period.period, jenjang, resultRating: obj.resultRating, behaviorRating: obj.behaviorRating },
      formula: `kinerja periodik ${period.period} (periodikId ${body.periodikId}, koefisienId ${body.koefisienId}): ${k.explanation.formula}`,
    }),
  };
}
