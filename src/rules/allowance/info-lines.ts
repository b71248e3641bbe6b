import { Dec, pct, toDecOf, toInt, type Dec as DecT } from '../common/decimal';
import { rupiah } from './money';
import type { AllowanceRuleSet, InfoLine } from './types';

/** BPJS Kesehatan lines on the TPP paid (03 §8): informational, added/withheld by payroll, never netted. */
export function bpjsInfo(rs: AllowanceRuleSet, net: DecT): InfoLine[] {
  if (!rs.bpjs.onTpp) return [];
  const base = rs.bpjs.ceiling === null ? net : Dec.min(net, new Dec(rs.bpjs.ceiling));
  const er = toDecOf(rs.bpjs, 'employer', 'ruleSet.bpjs.');
  const ee = toDecOf(rs.bpjs, 'employee', 'ruleSet.bpjs.');
  return [
    {
      code: 'BPJS_EMPLOYER_4',
      amount: toInt(base.times(er).toDecimalPlaces(0, Dec.ROUND_HALF_UP)),
      reason: `Iuran BPJS Kesehatan pemberi kerja ${pct(er)} × ${rupiah(base)} (ditambahkan ke bruto oleh payroll)`,
    },
    {
      code: 'BPJS_EMPLOYEE_1',
      amount: toInt(base.times(ee).toDecimalPlaces(0, Dec.ROUND_HALF_UP)),
      reason: `Iuran BPJS Kesehatan pegawai ${pct(ee)} × ${rupiah(base)} (dipotong oleh payroll)`,
    },
  ];
}
