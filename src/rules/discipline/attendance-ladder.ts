import type { DisciplineLevel, Sanction } from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { selectVersion } from '../common/versioning';
import { asInt, asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { disciplineDefaults, type DisciplineConfig } from '../config/defaults';
import { SANCTION_CATALOGUE } from './tables';

export interface AttendanceLadderInput {
  /** Unexcused working days of the calendar year so far. */
  cumulativeDays: number;
  /** Longest run of consecutive unexcused days. */
  consecutiveDays?: number;
  /** Late + early-leave minutes of the year so far (450 min = 1 day). */
  lateEarlyMinutes?: number;
  onDate?: string;
}

export interface AttendanceLadderResult {
  level: DisciplineLevel | null;
  sanction: Sanction | null;
  /** Days counted: cumulativeDays + floor(minutes / minutesPerTmkDay). */
  equivalentDays: number;
  /** ≥ 10 consecutive days: salary stopped from the following month without waiting for the SK. */
  salaryStopNextMonth: boolean;
  /** A threshold opens a case (duty to examine), never a sanction by itself. */
  opensCase: boolean;
  explanation: Explanation;
}

/** PP 94/2021 attendance ladder (03 §12.2). */
export function attendanceLadder(
  input: AttendanceLadderInput,
  config?: DeepPartial<DisciplineConfig>,
): AttendanceLadderResult {
  const cfg = mergeConfig(disciplineDefaults, config);
  const obj = asObject(input, 'input');
  const cumulativeDays = asInt(obj.cumulativeDays, 'cumulativeDays', 0);
  const consecutiveDays =
    obj.consecutiveDays === undefined || obj.consecutiveDays === null
      ? 0
      : asInt(obj.consecutiveDays, 'consecutiveDays', 0, cumulativeDays);
  const minutes =
    obj.lateEarlyMinutes === undefined || obj.lateEarlyMinutes === null
      ? 0
      : asInt(obj.lateEarlyMinutes, 'lateEarlyMinutes', 0);
  const version = selectVersion(cfg.attendanceLadder, input.onDate);
  const fromMinutes = Math.floor(minutes / cfg.minutesPerTmkDay);
  const equivalentDays = cumulativeDays + fromMinutes;
  const consecutive = consecutiveDays >= version.data.consecutiveDaysForPdh;
  let level: DisciplineLevel | null = null;
  let sanction: Sanction | null = null;
  let why: string;
  if (consecutive) {
    level = 'BERAT';
    sanction = 'PDHTAPS';
    why = `${consecutiveDays} hari berturut-turut ≥ ${version.data.consecutiveDaysForPdh}: berat, PDHTAPS; gaji dihentikan mulai bulan berikutnya`;
  } else {
    const rung = version.data.rungs.find(
      (r) => equivalentDays >= r.fromDays && (r.toDays === null || equivalentDays <= r.toDays),
    );
    if (rung) {
      level = rung.level;
      sanction = rung.sanction;
      why = `${equivalentDays} hari dalam rentang ${rung.fromDays}${rung.toDays === null ? '+' : `–${rung.toDays}`}: ${rung.level.toLowerCase()}, ${SANCTION_CATALOGUE[rung.sanction].labelId}`;
    } else {
      why = `${equivalentDays} hari < ${version.data.rungs[0].fromDays}: belum ada hukuman disiplin`;
    }
  }
  return {
    level,
    sanction,
    equivalentDays,
    salaryStopNextMonth: consecutive,
    opensCase: level !== null,
    explanation: explanation({
      ruleId: `discipline.attendanceLadder@${version.id}`,
      legalBasis: version.legalBasis,
      status: minutes > 0 ? 'INFERRED' : version.status,
      inputs: { cumulativeDays, consecutiveDays, lateEarlyMinutes: minutes, onDate: input.onDate },
      formula: `${cumulativeDays} hari + floor(${minutes} menit / ${cfg.minutesPerTmkDay}) = ${equivalentDays} hari; ${why}`,
    }),
  };
}
