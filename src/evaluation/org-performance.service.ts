import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, forbidden, notFound } from '../common/api-error';
import { Clock } from '../common/clock';
import { isAdmin, Principal } from '../identity/principal';
import { actorLabel } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { unitHeadPredicate } from '../rules';
import type { OrgPredicate, Predicate, Rating } from '../rules/common/enums';
import { CadenceDto, UnitPerformanceDto } from './dto/evaluation.dto';
import { EvaluationEntity } from './entities/evaluation.entity';
import { DistributionReport, DistributionService } from './distribution.service';
import { EvaluationStore } from './evaluation-store';
import {
  Cadence,
  EvaluationCalendar,
  EvaluationPeriod,
  parsePeriodId,
  periodReferenceDate,
  periodsOfYear,
} from './periods';

/**
 * Organisation performance (capaian kinerja organisasi) per unit × period, set by the leader of the
 * parent unit or ADMIN (spec 01 §10.1), the distribution report, and the evaluation cadence per year.
 */
/** Capaian kinerja organisasi of a unit for a period, as set. */
export interface UnitPerformanceView {
  unitCode: string;
  period: string;
  predicate: OrgPredicate;
  note: string | null;
  setBy: string;
  /** The unit head's RATED evaluation whose rating hasil kerja followed the new predicate (§9), if any. */
  headRerated: { nip: string; resultRating: Rating; predicate: Predicate } | null;
}

@Injectable()
export class OrgPerformanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly distribution: DistributionService,
    private readonly store: EvaluationStore,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private period(id: string): EvaluationPeriod {
    const p = parsePeriodId(id);
    if (!p)
      throw badRequest('Periode tidak valid / invalid period', [
        { field: 'period', problem: 'must be YYYY, YYYY-Q1..YYYY-Q4 or YYYY-01..YYYY-12' },
      ]);
    return p;
  }

  async setPerformance(
    principal: Principal,
    code: string,
    periodId: string,
    dto: UnitPerformanceDto,
  ): Promise<UnitPerformanceView> {
    const p = this.period(periodId);
    return this.dataSource.transaction(async (m) => {
      const unit = await this.distribution.unitByCode(m, code);
      if (!unit) throw notFound('Unit');
      const { cadence } = await this.store.cadence(m, p.year);
      if (p.kind !== 'ANNUAL' && p.kind !== cadence) {
        throw badRequest(
          `Evaluasi periodik tahun ${p.year} bersifat ${cadence} / the ${p.year} cadence is ${cadence}`,
          [{ field: 'period', problem: `the ${p.year} cadence is ${cadence}` }],
        );
      }
      const refDate = periodReferenceDate(p, this.clock.today());
      if (!isAdmin(principal)) {
        const leader = unit.parentId ? await this.org.unitHeadId(unit.parentId, refDate, m) : null;
        if (!leader || principal.kind !== 'user' || principal.employeeId !== leader) {
          throw forbidden(
            'Capaian kinerja organisasi ditetapkan oleh pimpinan unit di atasnya atau admin / only the leader of the parent unit or an ADMIN sets the organisation performance',
          );
        }
      }
      await m.query(`SELECT 1 FROM units WHERE id = $1 FOR UPDATE`, [unit.id]);
      const before = await this.distribution.performance(m, unit.id, p.period);
      // The unit head's rating hasil kerja follows this predicate (§9): once his DEKP is issued it is frozen.
      const headId = await this.org.unitHeadId(unit.id, refDate, m);
      const head = headId
        ? await m.getRepository(EvaluationEntity).findOne({
            where: { employeeId: headId, period: p.period, isUnitHead: true },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (head && ['ISSUED', 'OBJECTED', 'FINAL'].includes(head.status) && before?.predicate !== dto.predicate) {
        throw conflict(
          `Evaluasi pimpinan unit ${code} periode ${p.period} sudah ditetapkan (${head.status}); capaian organisasi tidak dapat diubah lagi / the unit head's evaluation is already issued`,
          [{ field: 'predicate', problem: `unit head evaluation is ${head.status}` }],
        );
      }
      const setBy = actorLabel(principal).actor;
      await m.query(
        `INSERT INTO unit_performance (unit_id, period, predicate, note, set_by, set_at) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (unit_id, period) DO UPDATE SET predicate = EXCLUDED.predicate, note = EXCLUDED.note, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
        [unit.id, p.period, dto.predicate, dto.note ?? null, setBy, this.clock.now()],
      );
      await this.audit.record(m, {
        action: 'unit.performance',
        entityType: 'UnitPerformance',
        entityId: `${code}:${p.period}`,
        before: before ? { predicate: before.predicate, note: before.note } : null,
        after: { predicate: dto.predicate, note: dto.note ?? null },
      });
      let headRerated: UnitPerformanceView['headRerated'] = null;
      if (head && head.status === 'RATED' && head.behaviorRating) {
        const r = unitHeadPredicate({
          orgPredicate: dto.predicate,
          behaviorRating: head.behaviorRating as never,
          onDate: p.end,
        });
        if (r.resultRating !== head.resultRating || r.predicate !== head.predicate) {
          const old = { resultRating: head.resultRating, predicate: head.predicate };
          Object.assign(head, {
            resultRating: r.resultRating,
            predicate: r.predicate,
            explanation: r.explanation,
            version: head.version + 1,
          });
          await m.getRepository(EvaluationEntity).save(head);
          await this.store.transition(
            m,
            principal,
            head,
            'RATED',
            'RATED',
            'ORG_PREDICATE',
            `capaian organisasi ${dto.predicate}`,
          );
          await this.audit.record(m, {
            action: 'evaluation.rate.org-predicate',
            entityType: 'Evaluation',
            entityId: head.id,
            before: old,
            after: { resultRating: r.resultRating, predicate: r.predicate },
          });
          const [emp] = await m.query(`SELECT nip FROM employees WHERE id = $1`, [head.employeeId]);
          headRerated = { nip: emp.nip, resultRating: r.resultRating, predicate: r.predicate };
        }
      }
      return { unitCode: code, period: p.period, predicate: dto.predicate, note: dto.note ?? null, setBy, headRerated };
    });
  }

  async getDistribution(principal: Principal, code: string, periodId: string): Promise<DistributionReport> {
    const p = this.period(periodId);
    const m = this.dataSource.manager;
    const unit = await this.distribution.unitByCode(m, code);
    if (!unit) throw notFound('Unit');
    if (!isAdmin(principal)) {
      const me = principal.kind === 'user' ? principal.employeeId : null;
      if (!me) throw notFound('Unit');
      const refDate = periodReferenceDate(p, this.clock.today());
      const ancestors = await this.org.ancestorUnits(unit.id, m);
      let allowed = false;
      for (const a of ancestors) if (!allowed && (await this.org.unitHeadId(a.id, refDate, m)) === me) allowed = true;
      if (!allowed) allowed = (await this.distribution.raterIds(m, unit.id, p.period)).includes(me);
      if (!allowed) throw notFound('Unit');
    }
    return this.distribution.report(m, unit.id, p);
  }

  async setCadence(year: number, dto: CadenceDto): Promise<EvaluationCalendar> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.store.cadence(m, year);
      if (before.cadence !== dto.cadence) {
        const used: { n: string }[] = await m.query(
          `SELECT count(*) AS n FROM evaluations WHERE period_kind = $1 AND period LIKE $2`,
          [before.cadence, `${year}-%`],
        );
        if (Number(used[0].n) > 0) {
          throw conflict(
            `Sudah ada evaluasi ${before.cadence} tahun ${year}; kadensi tidak dapat diubah / ${before.cadence} evaluations of ${year} exist`,
            [{ field: 'cadence', problem: `${used[0].n} ${before.cadence} evaluations exist` }],
          );
        }
      }
      await m.query(
        `INSERT INTO evaluation_cadences (year, cadence, updated_at) VALUES ($1,$2,now()) ON CONFLICT (year) DO UPDATE SET cadence = EXCLUDED.cadence, updated_at = now()`,
        [year, dto.cadence],
      );
      await this.audit.record(m, {
        action: 'evaluation.cadence',
        entityType: 'EvaluationCadence',
        entityId: String(year),
        before: before.configured ? { cadence: before.cadence } : null,
        after: { cadence: dto.cadence },
      });
      return this.calendar(year, dto.cadence, true);
    });
  }

  async getCadence(year: number): Promise<EvaluationCalendar> {
    const c = await this.store.cadence(this.dataSource.manager, year);
    return this.calendar(year, c.cadence, c.configured);
  }

  private calendar(year: number, cadence: Cadence, configured: boolean): EvaluationCalendar {
    return {
      year,
      cadence,
      configured,
      periods: periodsOfYear(year, cadence).map((p) => ({
        period: p.period,
        periodKind: p.kind,
        fromMonth: p.fromMonth,
        toMonth: p.toMonth,
        start: p.start,
        end: p.end,
      })),
    };
  }
}
