import { Injectable } from '@nestjs/common';
import { ActionPlansReadService } from '../action-plans/action-plans-read.service';
import { InvalidInputError, NotFoundError, ForbiddenError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { isAdmin, Principal } from '../identity/principal';
import { OrgDirectory } from '../org/org-directory.service';
import { orgPeriodicSuggestion, type Explanation, type OrgPredicate } from '../rules';
import { DistributionService } from './distribution.service';
import { parsePeriodId, periodReferenceDate } from './periods';

export interface OrgSuggestionView {
  unitCode: string;
  period: string;
  /** A suggestion only: the leader of the parent unit sets the predicate (PUT /units/{code}/performance/{period}). */
  suggestion: OrgPredicate | null;
  /** The predicate set for the period, if any. */
  current: OrgPredicate | null;
  headNip: string | null;
  counts: { n: number; met: number; exceeded: number; none: number; ignored: number };
  /** NO_UNIT_HEAD: nobody heads the unit on the date; NO_ACTION_PLANS: no rencana aksi with a numeric target. */
  warnings: { code: 'NO_UNIT_HEAD' | 'NO_ACTION_PLANS'; message: string }[];
  explanation: Explanation;
}

/**
 * The periodic organisation-predicate suggestion (spec 04 §2.2, rule `org.periodicSuggestion`) from the
 * rencana aksi on the unit head's SKP for the period. Readable by ADMIN, the unit head and the leader of
 * the parent unit (who sets the predicate).
 */
@Injectable()
export class OrgSuggestionService {
  constructor(
    private readonly distribution: DistributionService,
    private readonly org: OrgDirectory,
    private readonly plans: ActionPlansReadService,
    private readonly clock: Clock,
  ) {}

  async suggestion(principal: Principal, code: string, periodId: string): Promise<OrgSuggestionView> {
    const p = parsePeriodId(periodId);
    if (!p)
      throw new InvalidInputError('Periode tidak valid / invalid period', [
        { field: 'period', problem: 'must be YYYY, YYYY-Q1..YYYY-Q4 or YYYY-01..YYYY-12' },
      ]);
    const unit = await this.distribution.unitByCode(code);
    if (!unit) throw new NotFoundError('Unit');
    const refDate = periodReferenceDate(p, this.clock.today());
    const headId = await this.org.unitHeadId(unit.id, refDate);
    if (!isAdmin(principal)) {
      const leader = unit.parentId ? await this.org.unitHeadId(unit.parentId, refDate) : null;
      const me = principal.kind === 'user' ? principal.employeeId : null;
      if (!me || (me !== leader && me !== headId))
        throw new ForbiddenError(
          'Saran capaian organisasi untuk pimpinan unit, pimpinan unit di atasnya atau admin / only the unit head, the parent unit’s leader or an ADMIN',
        );
    }
    const items = headId ? await this.plans.suggestionItems(headId, p.period) : [];
    const r = orgPeriodicSuggestion({ items });
    const warnings: OrgSuggestionView['warnings'] = [];
    if (!headId)
      warnings.push({ code: 'NO_UNIT_HEAD', message: `Unit ${code} tidak memiliki pimpinan pada ${refDate}` });
    else if (r.counts.n === 0)
      warnings.push({
        code: 'NO_ACTION_PLANS',
        message: `SKP pimpinan unit belum memiliki rencana aksi bertarget angka untuk ${p.period}`,
      });
    const head = headId ? await this.org.snapshotById(headId, refDate) : null;
    const perf = await this.distribution.performance(unit.id, p.period);
    return {
      unitCode: unit.code,
      period: p.period,
      suggestion: r.suggestion,
      current: perf?.predicate ?? null,
      headNip: head?.nip ?? null,
      counts: r.counts,
      warnings,
      explanation: r.explanation,
    };
  }
}
