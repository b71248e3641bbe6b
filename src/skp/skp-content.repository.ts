import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorDetail, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { BaseRepository } from '../database/transaction';
import { BehaviorDto, LampiranDto, ResultDto } from './dto/skp.dto';
import { SkpBehaviorEntity } from './entities/skp-behavior.entity';
import { SkpIndicatorEntity } from './entities/skp-indicator.entity';
import { SkpResultEntity } from './entities/skp-result.entity';
import { SkpEntity } from './entities/skp.entity';
import { CORE_VALUES } from './skp.enums';

export interface IndicatorView {
  id: string;
  text: string;
  aspect: string | null;
  perspective: string | null;
  target: string | null;
}

export interface ResultView {
  id: string;
  kind: string;
  text: string;
  parentResultId: string | null;
  /** The leader's RHK this one intervenes (printed in the "RHK Pimpinan yang Diintervensi" column). */
  parentResultText?: string | null;
  indicators: IndicatorView[];
}

export interface BehaviorView {
  coreValue: string;
  specialExpectation: string | null;
}

export interface LampiranView {
  resources: string[];
  accountabilityScheme: string[];
  consequences: string[];
}

export interface SkpContent {
  results: ResultView[];
  behaviors: BehaviorView[];
}

/**
 * The content read as two select-list columns (`results`, `behaviors`, json) of the SKP `skpId` (an SQL
 * expression): `content`, and the SKP read that brings the content along (`withSegmentsOfYear`).
 */
export function contentColumnsSql(skpId: string): string {
  return `(SELECT COALESCE(json_agg(json_build_object(
             'id', r.id, 'kind', r.kind, 'text', r.text, 'parentResultId', r.parent_result_id, 'parentResultText', p.text,
             'indicators', (SELECT COALESCE(json_agg(json_build_object('id', i.id, 'text', i.text, 'aspect', i.aspect,
                                    'perspective', i.perspective, 'target', i.target) ORDER BY i.position), '[]'::json)
                              FROM skp_indicators i WHERE i.result_id = r.id)) ORDER BY r.position), '[]'::json)
             FROM skp_results r LEFT JOIN skp_results p ON p.id = r.parent_result_id WHERE r.skp_id = ${skpId}) AS results,
          (SELECT COALESCE(json_agg(json_build_object('coreValue', b.core_value, 'specialExpectation', b.special_expectation)), '[]'::json)
             FROM skp_behaviors b WHERE b.skp_id = ${skpId}) AS behaviors`;
}

/** The content as read by `contentColumnsSql`, behaviours in BerAKHLAK order. */
export function sortedContent(row: SkpContent): SkpContent {
  const order = (v: string) => CORE_VALUES.indexOf(v as never);
  return { results: row.results, behaviors: row.behaviors.sort((a, b) => order(a.coreValue) - order(b.coreValue)) };
}

/** The SKP row and its content (results, indicators, behaviours): reads and whole rewrites. */
@Injectable()
export class SkpContentRepository extends BaseRepository {
  async header(id: string, lock = false): Promise<SkpEntity> {
    const m = this.db();
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('SKP');
    const skp = await m
      .getRepository(SkpEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!skp) throw new NotFoundError('SKP');
    return skp;
  }

  /** The SKP's results (with indicators and the leader's RHK text) and behaviours, in one read. */
  async content(skpId: string): Promise<SkpContent> {
    const [row]: SkpContent[] = await this.db().query(`SELECT ${contentColumnsSql('$1::uuid')}`, [skpId]);
    return sortedContent(row);
  }

  async results(skpId: string): Promise<ResultView[]> {
    return (await this.content(skpId)).results;
  }

  async behaviors(skpId: string): Promise<BehaviorView[]> {
    const m = this.db();
    const rows = await m.getRepository(SkpBehaviorEntity).find({ where: { skpId } });
    const order = (v: string) => CORE_VALUES.indexOf(v as never);
    return rows
      .sort((a, b) => order(a.coreValue) - order(b.coreValue))
      .map((b) => ({ coreValue: b.coreValue, specialExpectation: b.specialExpectation }));
  }

  /** Replaces all results; ids given in the DTO must already belong to this SKP (kept), others are new. */
  async replaceResults(skpId: string, results: ResultDto[]): Promise<void> {
    const m = this.db();
    const old = await this.results(skpId);
    const oldResultIds = new Set(old.map((r) => r.id));
    const oldIndicatorIds = new Set(old.flatMap((r) => r.indicators.map((i) => i.id)));
    const problems: ErrorDetail[] = [];
    results.forEach((r, i) => {
      if (r.id && !oldResultIds.has(r.id))
        problems.push({ field: `results[${i}].id`, problem: 'bukan RHK dari SKP ini / not a result of this SKP' });
      r.indicators.forEach((ind, j) => {
        if (ind.id && !oldIndicatorIds.has(ind.id))
          problems.push({
            field: `results[${i}].indicators[${j}].id`,
            problem: 'bukan indikator dari SKP ini / not an indicator of this SKP',
          });
      });
    });
    if (problems.length) throw new InvalidInputError('Data tidak valid / invalid input', problems);
    await m.query(`DELETE FROM skp_results WHERE skp_id = $1`, [skpId]);
    if (results.length === 0) return;
    const resultRows = results.map((r, i) => ({
      id: r.id ?? randomUUID(),
      skpId,
      position: i + 1,
      kind: r.kind,
      text: r.text,
      parentResultId: r.parentResultId ?? null,
    }));
    await m.getRepository(SkpResultEntity).insert(resultRows);
    const indicatorRows = results.flatMap((r, i) =>
      r.indicators.map((ind, j) => ({
        id: ind.id ?? randomUUID(),
        resultId: resultRows[i].id,
        position: j + 1,
        text: ind.text,
        aspect: ind.aspect ?? null,
        perspective: ind.perspective ?? null,
        target: ind.target ?? null,
      })),
    );
    if (indicatorRows.length) await m.getRepository(SkpIndicatorEntity).insert(indicatorRows);
  }

  async replaceBehaviors(skpId: string, behaviors: BehaviorDto[]): Promise<void> {
    const m = this.db();
    await m.query(`DELETE FROM skp_behaviors WHERE skp_id = $1`, [skpId]);
    if (behaviors.length) {
      await m
        .getRepository(SkpBehaviorEntity)
        .insert(
          behaviors.map((b) => ({ skpId, coreValue: b.coreValue, specialExpectation: b.specialExpectation ?? null })),
        );
    }
  }

  static lampiran(dto: LampiranDto | undefined): LampiranView {
    return {
      resources: dto?.resources ?? [],
      accountabilityScheme: dto?.accountabilityScheme ?? [],
      consequences: dto?.consequences ?? [],
    };
  }
}
