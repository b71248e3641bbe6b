import { formatDate, fromDayNumber, isoWeekday, parseDate, toDayNumber } from '../common/dates';
import { explanation, type Explanation } from '../common/explanation';
import { asArray, asInt, asObject, asString } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { disciplineDefaults, type DisciplineConfig } from '../config/defaults';

export interface EffectiveDateInput {
  /** Date the decision (SK) was delivered, YYYY-MM-DD. */
  deliveredOn: string;
  /** Public holidays / cuti bersama (YYYY-MM-DD); weekends are always excluded. */
  holidays?: string[];
  /** Override of the Nth working day (default 15). */
  workingDays?: number;
}

export interface EffectiveDateResult {
  effectiveFrom: string;
  explanation: Explanation;
}

/** A discipline decision takes effect on the Nth working day after delivery (03 §12.4; default 15). */
export function decisionEffectiveDate(
  input: EffectiveDateInput,
  config?: DeepPartial<DisciplineConfig>,
): EffectiveDateResult {
  const cfg = mergeConfig(disciplineDefaults, config);
  const obj = asObject(input, 'input');
  const delivered = parseDate(asString(obj.deliveredOn, 'deliveredOn'), 'deliveredOn');
  const n =
    obj.workingDays === undefined || obj.workingDays === null
      ? cfg.effectiveDate.workingDaysAfterDelivery
      : asInt(obj.workingDays, 'workingDays', 1, 366);
  const holidays = new Set(
    (obj.holidays === undefined ? [] : asArray(obj.holidays, 'holidays')).map((h, i) =>
      formatDate(parseDate(h, `holidays[${i}]`)),
    ),
  );
  let day = toDayNumber(delivered);
  let counted = 0;
  const skipped: string[] = [];
  while (counted < n) {
    day += 1;
    const ymd = fromDayNumber(day);
    const iso = formatDate(ymd);
    if (cfg.effectiveDate.weekendDays.includes(isoWeekday(ymd))) continue;
    if (holidays.has(iso)) {
      skipped.push(iso);
      continue;
    }
    counted += 1;
  }
  const effectiveFrom = formatDate(fromDayNumber(day));
  return {
    effectiveFrom,
    explanation: explanation({
      ruleId: 'discipline.decisionEffectiveDate',
      legalBasis:
        'PP 94/2021; Peraturan BKN 6/2022 (keputusan hukuman disiplin berlaku pada hari kerja ke-15 setelah diterima, bila tidak diajukan upaya administratif)',
      status: 'INFERRED',
      inputs: { deliveredOn: obj.deliveredOn, holidays: [...holidays], workingDays: n },
      formula: `hari kerja ke-${n} setelah ${formatDate(delivered)} (tanpa Sabtu/Minggu${skipped.length ? ` dan libur ${skipped.join(', ')}` : ''}) = ${effectiveFrom}`,
    }),
  };
}
