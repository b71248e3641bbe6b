import { formatDate, parseDate } from '../common/dates';
import { explanation, type Explanation } from '../common/explanation';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { asObject } from '../common/validate';
import { selectVersion } from '../common/versioning';
import { disciplineDefaults, type DisciplineConfig } from '../config/defaults';
import type { NetralitasStage } from '../common/enums';

export interface RecommendingBodyResult {
  /** KASN, BKN (or a later body added to the table). */
  body: string;
  name: string;
  explanation: Explanation;
}

/** Netralitas recommending body on a date (rule `netralitas.recommendingBody`, 04 §7; effective-dated table). */
export function recommendingBody(
  input: { date: string },
  config?: DeepPartial<DisciplineConfig>,
): RecommendingBodyResult {
  const cfg = mergeConfig(disciplineDefaults, config);
  const obj = asObject(input, 'input');
  const date = formatDate(parseDate(obj.date, 'date'));
  const v = selectVersion(cfg.neutrality.recommendingBody, date);
  return {
    body: v.data.body,
    name: v.data.name,
    explanation: explanation({
      ruleId: 'netralitas.recommendingBody',
      legalBasis: v.legalBasis,
      status: v.status,
      inputs: { date },
      formula: `${date}: ${v.data.name} (${v.effectiveFrom} s.d. ${v.effectiveTo ?? 'sekarang'})`,
    }),
  };
}

export interface NetralitasStageResult {
  /** CALON from the penetapan date of the election, BAKAL_CALON before (04 §7). */
  stage: NetralitasStage;
  election: string | null;
  explanation: Explanation;
}

/**
 * Stage of a netralitas act (rule `netralitas.stage`): the election whose window holds the act date (or the
 * one named); CALON on and after its penetapan pasangan calon, BAKAL_CALON before. No election known → null.
 */
export function netralitasStage(
  input: { date: string; election?: string },
  config?: DeepPartial<DisciplineConfig>,
): NetralitasStageResult | null {
  const cfg = mergeConfig(disciplineDefaults, config);
  const obj = asObject(input, 'input');
  const date = formatDate(parseDate(obj.date, 'date'));
  const e = cfg.neutrality.elections.find((x) =>
    typeof obj.election === 'string' ? x.code === obj.election : x.from <= date && date <= x.to,
  );
  if (!e) return null;
  const stage: NetralitasStage = date >= e.penetapan ? 'CALON' : 'BAKAL_CALON';
  return {
    stage,
    election: e.code,
    explanation: explanation({
      ruleId: 'netralitas.stage',
      legalBasis: e.legalBasis,
      status: 'INFERRED',
      inputs: { date, election: e.code, penetapan: e.penetapan },
      formula: `${date} ${stage === 'CALON' ? '≥' : '<'} penetapan pasangan calon ${e.penetapan} (${e.name}) → ${stage}`,
    }),
  };
}
