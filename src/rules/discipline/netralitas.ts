import {
  NETRALITAS_ACTS,
  NETRALITAS_STAGES,
  parseEnum,
  type DisciplineLevel,
  type NetralitasAct,
  type NetralitasStage,
  type NetralitasTrack,
  type Sanction,
} from '../common/enums';
import { explanation, type Explanation } from '../common/explanation';
import { selectVersion } from '../common/versioning';
import { asObject } from '../common/validate';
import { mergeConfig, type DeepPartial } from '../common/merge';
import { disciplineDefaults, type DisciplineConfig } from '../config/defaults';
import { SANCTIONS_BY_LEVEL } from './tables';

export interface NetralitasResult {
  act: NetralitasAct;
  stage: NetralitasStage;
  /** null for N99 (case by case). */
  track: NetralitasTrack | null;
  level: DisciplineLevel | null;
  /** False when the matrix states no level (the official sets it). */
  levelStated: boolean;
  candidateSanctions: Sanction[];
  manualReview: boolean;
  explanation: Explanation;
}

/** Netralitas violation matrix: act × stage → track, level, candidate sanctions (03 §13.2). */
export function classifyNetralitas(
  input: { act: NetralitasAct; stage: NetralitasStage; onDate?: string },
  config?: DeepPartial<DisciplineConfig>,
): NetralitasResult {
  const cfg = mergeConfig(disciplineDefaults, config);
  const obj = asObject(input, 'input');
  const act = parseEnum(NETRALITAS_ACTS, obj.act, 'act');
  const stage = parseEnum(NETRALITAS_STAGES, obj.stage, 'stage');
  const version = selectVersion(cfg.netralitas, input.onDate);
  const row = version.data[act];
  const cell = stage === 'BAKAL_CALON' && row.bakalCalon !== null ? row.bakalCalon : row.calon;
  let candidateSanctions: Sanction[];
  if (cell.track === 'KODE_ETIK') candidateSanctions = ['MORAL_TERTUTUP', 'MORAL_TERBUKA'];
  else if (cell.track === 'PTDH') candidateSanctions = ['PTDH'];
  else if (cell.track === 'DISIPLIN')
    candidateSanctions = cell.level
      ? SANCTIONS_BY_LEVEL[cell.level]
      : [...SANCTIONS_BY_LEVEL.RINGAN, ...SANCTIONS_BY_LEVEL.SEDANG, ...SANCTIONS_BY_LEVEL.BERAT];
  else candidateSanctions = [];
  const stageNote =
    stage === 'BAKAL_CALON' && row.bakalCalon === null
      ? ' (tidak ada klasifikasi tahap bakal calon; kolom calon berlaku)'
      : '';
  return {
    act,
    stage,
    track: cell.track,
    level: cell.level,
    levelStated: cell.track !== 'DISIPLIN' || cell.level !== null,
    candidateSanctions,
    manualReview: cell.track === null || (cell.track === 'DISIPLIN' && cell.level === null),
    explanation: explanation({
      ruleId: `netralitas.classify@${version.id}`,
      legalBasis: version.legalBasis,
      status: version.status,
      inputs: { act, stage, onDate: input.onDate },
      formula: `${act} (${row.descriptionId}), tahap ${stage}${stageNote} → ${cell.track ?? 'kasus per kasus'}${cell.level ? ` ${cell.level}` : ''}: ${cell.note}`,
    }),
  };
}
