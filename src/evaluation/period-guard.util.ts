import { ConflictError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { EvaluationPeriod, lastMonthStart, periodLabel, ratableOn } from './periods';
import { tanggalIndonesia } from '../common/format-id';

/** 409 when the period's last month has not begun and EVALUATION_RATE_BEFORE_PERIOD_END is off. */
export function requireRatable(p: EvaluationPeriod, today: string, config: AppConfig): void {
  if (ratableOn(p, today, config.get('EVALUATION_RATE_BEFORE_PERIOD_END') === 'true')) return;
  const from = lastMonthStart(p);
  throw new ConflictError(
    `${periodLabel(p)} baru dapat dinilai dan ditetapkan mulai ${tanggalIndonesia(from)} (bulan terakhir periode) / a period can be rated and finalised once its last month has begun`,
    [{ field: 'period', problem: `ratable from ${from} (evaluation.rateBeforePeriodEnd is off)` }],
  );
}
