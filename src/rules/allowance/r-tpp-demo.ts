import type { AllowanceRuleSet } from './types';

/**
 * R-TPP-DEMO: the demo default rule set of spec 03 §11.3 (worked example §16).
 * Kelas 1, 5, 7, 9, 12, 15 = Kab. Seruyan Basic TPP TA 2023; other kelas are demo interpolations.
 */
export const R_TPP_DEMO: AllowanceRuleSet = {
  code: 'R-TPP-DEMO',
  version: 1,
  employerId: 'DEMO',
  allowanceType: 'TPP',
  employerType: 'PEMDA',
  effectiveFrom: '2023-01-01',
  effectiveTo: null,
  legalRefs: [
    'PP 12/2019 Pasal 58 (TPP)',
    'Kepmendagri 900-4700/2020',
    'PP 94/2021 Pasal 8 (hukuman disiplin sedang: potongan tunjangan kinerja 25%)',
    'Spec 03 §11.3 R-TPP-DEMO (demo, INFERRED)',
  ],
  status: 'INFERRED',
  baseTable: {
    '1': 894961, '2': 1190000, '3': 1581000, '4': 2102000, '5': 2793557, '6': 3282000, '7': 3854725, '8': 4579000,
    '9': 5439503, '10': 6504000, '11': 7777000, '12': 9298296, '13': 11374000, '14': 13913000, '15': 17019369,
    '16': 20819000, '17': 25467000,
  },
  split: { kin: '0.60', dis: '0.40' },
  kinMode: 'PREDIKAT',
  predikatFactor: { SANGAT_BAIK: '1.00', BAIK: '1.00', BUTUH_PERBAIKAN: '0.80', KURANG: '0.70', SANGAT_KURANG: '0.60', NONE: '0' },
  // "Periodic" (03 §11.3) = the engine's default evaluation cadence, QUARTERLY; lag 0: a month is paid
  // with its own quarter's predikat, held (predikatMissing HOLD) until that predikat is FINAL (04 §5.2).
  predikatSource: 'QUARTERLY',
  predikatLag: 0,
  predikatFactorBase: 'KIN_PART',
  predikatMissing: 'HOLD',
  disBase: 'DIS_PART',
  lateBands: [
    { fromMin: 1, toMin: 30, pct: '0.005' },
    { fromMin: 31, toMin: 60, pct: '0.01' },
    { fromMin: 61, toMin: 90, pct: '0.0125' },
    { fromMin: 91, toMin: null, pct: '0.015' },
  ],
  earlyBands: [
    { fromMin: 1, toMin: 30, pct: '0.005' },
    { fromMin: 31, toMin: 60, pct: '0.01' },
    { fromMin: 61, toMin: 90, pct: '0.0125' },
    { fromMin: 91, toMin: null, pct: '0.015' },
  ],
  apelPct: '0.02',
  tkMode: 'DAILY_ACCRUAL',
  leaveRules: { CUTI_TAHUNAN: { pctPerDay: '0', base: 'DIS_PART' } },
  // Every status the engine knows has a row: a status without one is a STATUS_UNKNOWN warning (04 §5.2 keys added).
  statusRules: {
    PNS: '1', PPPK: '1', PPPK_PARUH_WAKTU: '1', CPNS: '0.80', CLTN: '0', PENAHANAN: '0', PEMBERHENTIAN_SEMENTARA: '0', TUGAS_BELAJAR: '0', MPP: '0',
  },
  hukdisMode: 'PP94_25PCT',
  sedangExecutionMode: 'TUKIN_25',
  hukdisBase: 'ENTITLEMENT',
  hukdisStacking: 'REPLACE',
  sanctionStart: 'NEXT_FULL_MONTH',
  deductionCap: '1.0',
  capScope: 'PER_PART',
  rounding: { mode: 'NEAREST', unit: 1, stage: 'PER_LINE' },
  tax: { pph21BorneByEmployer: true },
  bpjs: { employer: '0.04', employee: '0.01', ceiling: null, onTpp: true },
  minutesPerTmkDay: 450,
};
