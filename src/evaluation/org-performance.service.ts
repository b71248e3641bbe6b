import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError, ForbiddenError, ConflictError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { TransactionHost, type TxHost } from '../database/transaction';
import { isAdmin, Principal } from '../identity/principal';
import { actorLabel } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { unitHeadPredicate } from '../rules';
import type { OrgPredicate, Predicate, Rating } from '../rules/common/enums';
import { CadenceDto, UnitPerformanceDto } from './dto/evaluation.dto';
import { DistributionReport, DistributionService } from './distribution.service';
import { DistributionRepository } from './distribution.repository';
import { EvaluationWorkflow } from './evaluation-workflow.service';
import { EvaluationRepository } from './evaluation.repository';
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
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly distribution: DistributionService,
    private readonly performance: DistributionRepository,
    private readonly repo: EvaluationRepository,
    private readonly w: EvaluationWorkflow,
    private readonly org: OrgDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private period(id: string): EvaluationPeriod {
    const p = parsePeriodId(id);
    if (!p)
      throw new InvalidInputError('Periode tidak valid / invalid period', [
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
    return this.txHost.withTransaction(async () => {
      const unit = await this.distribution.unitByCode(code);
      if (!unit) throw new NotFoundError('Unit');
      const { cadence } = await this.repo.cadence(p.year);
      if (p.kind !== 'ANNUAL' && p.kind !== cadence) {
        throw new InvalidInputError(
          `Evaluasi periodik tahun ${p.year} bersifat ${cadence} / the ${p.year} cadence is ${cadence}`,
          [{ field: 'period', problem: `the ${p.year} cadence is ${cadence}` }],
        );
      }
      const refDate = periodReferenceDate(p, this.clock.today());
      if (!isAdmin(principal)) {
        const leader = unit.parentId ? await this.org.unitHeadId(unit.parentId, refDate) : null;
        if (!leader || principal.kind !== 'user' || principal.employeeId !== leader) {
          throw new ForbiddenError(
            'Capaian kinerja organisasi ditetapkan oleh pimpinan unit di atasnya atau admin / only the leader of the parent unit or an ADMIN sets the organisation performance',
          );
        }
      }
      await this.performance.lockUnit(unit.id);
      const before = await this.distribution.performance(unit.id, p.period);
      // The unit head's rating hasil kerja follows this predicate (§9): once his DEKP is issued it is frozen.
      const headId = await this.org.unitHeadId(unit.id, refDate);
      const head = headId ? await this.repo.unitHeadEvaluation(headId, p.period) : null;
      if (head && ['ISSUED', 'OBJECTED', 'FINAL'].includes(head.status) && before?.predicate !== dto.predicate) {
        throw new ConflictError(
          `Evaluasi pimpinan unit ${code} periode ${p.period} sudah ditetapkan (${head.status}); capaian organisasi tidak dapat diubah lagi / the unit head's evaluation is already issued`,
          [{ field: 'predicate', problem: `unit head evaluation is ${head.status}` }],
        );
      }
      const setBy = actorLabel(principal).actor;
      await this.performance.upsertPerformance(unit.id, p.period, {
        predicate: dto.predicate,
        note: dto.note ?? null,
        setBy,
        at: this.clock.now(),
      });
      await this.audit.record({
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
          await this.repo.save(head);
          await this.w.transition(
            principal,
            head,
            'RATED',
            'RATED',
            'ORG_PREDICATE',
            `capaian organisasi ${dto.predicate}`,
          );
          await this.audit.record({
            action: 'evaluation.rate.org-predicate',
            entityType: 'Evaluation',
            entityId: head.id,
            before: old,
            after: { resultRating: r.resultRating, predicate: r.predicate },
          });
          const nip = (await this.org.nipsByIds([head.employeeId])).get(head.employeeId);
          if (!nip) throw new NotFoundError('Pegawai');
          headRerated = { nip, resultRating: r.resultRating, predicate: r.predicate };
        }
      }
      return { unitCode: code, period: p.period, predicate: dto.predicate, note: dto.note ?? null, setBy, headRerated };
    });
  }

  async getDistribution(principal: Principal, code: string, periodId: string): Promise<DistributionReport> {
    const p = this.period(periodId);
    const unit = await this.distribution.unitByCode(code);
    if (!unit) throw new NotFoundError('Unit');
    if (!isAdmin(principal)) {
      const me = principal.kind === 'user' ? principal.employeeId : null;
      if (!me) throw new NotFoundError('Unit');
      const refDate = periodReferenceDate(p, this.clock.today());
      const ancestors = await this.org.ancestorUnits(unit.id);
      let allowed = false;
      for (const a of ancestors) if (!allowed && (await this.org.unitHeadId(a.id, refDate)) === me) allowed = true;
      if (!allowed) allowed = (await this.distribution.raterIds(unit.id, p.period)).includes(me);
      if (!allowed) throw new NotFoundError('Unit');
    }
    return this.distribution.report(unit.id, p);
  }

  async setCadence(year: number, dto: CadenceDto): Promise<EvaluationCalendar> {
    return this.txHost.withTransaction(async () => {
      const before = await this.repo.cadence(year);
      if (before.cadence !== dto.cadence) {
        const used = await this.repo.countOfKind(before.cadence, year);
        if (used > 0) {
          throw new ConflictError(
            `Sudah ada evaluasi ${before.cadence} tahun ${year}; kadensi tidak dapat diubah / ${before.cadence} evaluations of ${year} exist`,
            [{ field: 'cadence', problem: `${used} ${before.cadence} evaluations exist` }],
          );
        }
      }
      await this.repo.setCadence(year, dto.cadence);
      await this.audit.record({
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
    const c = await this.repo.cadence(year);
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
