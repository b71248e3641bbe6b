import { Injectable } from '@nestjs/common';
import { ForbiddenError, UnprocessableError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { actorLabel, Principal } from '../identity/principal';
import { OutboxService } from '../outbox/outbox.service';
import { decisionEffectiveDate, SANCTION_CATALOGUE } from '../rules';
import { addMonthsToDate } from '../rules/common/dates';
import { DisciplineCalendar, CompetentOfficials } from './discipline-calendar.service';
import { RecommendationLevel, sanctionLevel } from './discipline-policy.util';
import { DecisionDto, DeliveryDto, DismissDto, RecommendationDto, VerifyDto } from './dto/discipline.dto';
import type { DisciplineStepResult } from './dto/discipline-views.dto';
import { officialIds, recorded } from './discipline-case.util';
import { DisciplineCasesRepository } from './discipline-cases.repository';
import { DisciplineCaseSteps } from './discipline-case-steps.service';
import { DisciplineSweepsService } from './discipline-sweeps.service';

/**
 * The steps of a case (spec 03 §12–§13): verify → recommendation → decision by the competent
 * official → delivery (then effective in the background); or dismissal. Every write is audited;
 * decisions and effective dates are outbox events for the background effects.
 */
@Injectable()
export class DisciplineWorkflowService {
  constructor(
    private readonly officials: CompetentOfficials,
    private readonly calendar: DisciplineCalendar,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly steps: DisciplineCaseSteps,
    private readonly sweeps: DisciplineSweepsService,
    private readonly cases: DisciplineCasesRepository,
  ) {}

  // ---- workflow -------------------------------------------------------------------------------

  async verify(p: Principal, id: string, dto: VerifyDto): Promise<DisciplineStepResult> {
    return this.steps.step(p, id, async (c, rel) => {
      if (!rel.has('ADMIN'))
        throw new ForbiddenError('Hanya admin kepegawaian / Satgas yang memverifikasi / only an ADMIN verifies');
      this.steps.requireStatus(c, ['REPORTED'], 'verify');
      const on = dto.verifiedOn ?? this.clock.today();
      this.steps.requireDate(on, c.reported_on, 'verifiedOn');
      await this.steps.update(c, 'VERIFIED', 'VERIFY', dto.note ?? null, { verified_on: on });
    });
  }

  async recommend(p: Principal, id: string, dto: RecommendationDto): Promise<DisciplineStepResult> {
    return this.steps.step(p, id, async (c, rel) => {
      if (!rel.has('ADMIN'))
        throw new ForbiddenError(
          'Hanya admin kepegawaian yang mencatat rekomendasi / only an ADMIN records the recommendation',
        );
      this.steps.requireStatus(c, ['VERIFIED'], 'recommend');
      const on = dto.recommendedOn ?? this.clock.today();
      this.steps.requireDate(on, recorded(c.verified_on, 'verifiedOn'), 'recommendedOn');
      this.steps.requireSanctionOfLevel(dto.level, dto.sanction);
      const expected: RecommendationLevel | null =
        c.track === 'KODE_ETIK' ? 'KODE_ETIK' : c.track === 'PTDH' ? 'PTDH' : c.level;
      if (expected && dto.level !== expected) {
        throw new UnprocessableError(
          `Klasifikasi kasus menetapkan ${expected}; rekomendasi ${dto.level} tidak sesuai matriks/tangga (03 §12.2, §13.2) / the classification fixes the level at ${expected}`,
          [{ field: 'level', problem: `must be ${expected} (classification of the case)` }],
        );
      }
      const officials = await this.officials.forLevels(c.employee_id, c.subject, [dto.level], this.clock.today());
      await this.steps.update(c, 'RECOMMENDED', 'RECOMMEND', dto.note ?? null, {
        recommended_level: dto.level,
        recommended_sanction: dto.sanction,
        recommended_on: on,
        competent_officials: JSON.stringify(officials),
        competent_official_ids: officialIds(officials),
      });
    });
  }

  async decide(p: Principal, id: string, dto: DecisionDto): Promise<DisciplineStepResult> {
    return this.steps.step(p, id, async (c, rel) => {
      this.steps.requireStatus(c, ['RECOMMENDED'], 'decide');
      const level = recorded(c.recommended_level, 'recommendation.level');
      this.steps.requireSanctionOfLevel(level, dto.sanction, 'sanction');
      const today = this.clock.today();
      if (dto.decidedOn > today)
        throw new UnprocessableError('Tanggal SK di masa depan / decidedOn is in the future', [
          { field: 'decidedOn', problem: `after today (${today})` },
        ]);
      this.steps.requireDate(dto.decidedOn, recorded(c.recommended_on, 'recommendation.recommendedOn'), 'decidedOn');
      const officials = await this.officials.forLevels(c.employee_id, c.subject, [level], today);
      const competent = officials[0];
      const isOfficial = p.kind === 'user' && !!p.employeeId && p.employeeId === competent.employeeId;
      if (!rel.has('ADMIN') && !isOfficial) {
        throw new ForbiddenError(
          `Hanya pejabat yang berwenang menghukum (${competent.role}${competent.name ? `: ${competent.name}` : ''}) atau admin atas namanya yang dapat menetapkan / only the competent official (or an ADMIN on their behalf) decides`,
        );
      }
      await this.steps.update(
        c,
        'DECIDED',
        'DECIDE',
        dto.note ??
          (rel.has('ADMIN') && !isOfficial
            ? `dicatat admin atas nama ${competent.role}${competent.name ? ` ${competent.name}` : ''}`
            : null),
        {
          decided_sanction: dto.sanction,
          decided_level: sanctionLevel(dto.sanction),
          decided_on: dto.decidedOn,
          decision_ref: dto.decisionRef ?? null,
          decided_by: actorLabel(p).actor,
          competent_officials: JSON.stringify(officials),
          competent_official_ids: officialIds(officials),
        },
      );
      await this.outbox.add({
        type: 'DisciplineDecided',
        aggregateType: 'DisciplineCase',
        aggregateId: c.id,
        payload: { caseId: c.id },
        dedupeKey: `discipline-decided:${c.id}`,
      });
    });
  }

  async deliver(p: Principal, id: string, dto: DeliveryDto): Promise<DisciplineStepResult> {
    return this.steps.step(p, id, async (c, rel) => {
      if (!rel.has('ADMIN') && !rel.has('OFFICIAL'))
        throw new ForbiddenError(
          'Hanya admin atau pejabat yang berwenang yang mencatat penyampaian SK / only an ADMIN or the competent official records delivery',
        );
      this.steps.requireStatus(c, ['DECIDED'], 'deliver');
      const today = this.clock.today();
      if (dto.deliveredOn > today)
        throw new UnprocessableError('Tanggal penyampaian di masa depan / deliveredOn is in the future', [
          { field: 'deliveredOn', problem: `after today (${today})` },
        ]);
      this.steps.requireDate(dto.deliveredOn, recorded(c.decided_on, 'decision.decidedOn'), 'deliveredOn');
      const eff = decisionEffectiveDate({
        deliveredOn: dto.deliveredOn,
        holidays: await this.calendar.holidaysAfter(dto.deliveredOn),
      });
      const sanction = recorded(c.decided_sanction, 'decision.sanction');
      const months = SANCTION_CATALOGUE[sanction].months;
      const permanent = sanction === 'PDHTAPS' || sanction === 'PTDH';
      const effectiveTo = permanent ? null : months ? addMonthsToDate(eff.effectiveFrom, months) : eff.effectiveFrom;
      await this.steps.update(c, 'DELIVERED', 'DELIVER', null, {
        delivered_on: dto.deliveredOn,
        effective_from: eff.effectiveFrom,
        effective_to: effectiveTo,
        effective_explanation: JSON.stringify(eff.explanation),
      });
      await this.sweeps.advanceDue(today, c.id);
    });
  }

  async dismiss(p: Principal, id: string, dto: DismissDto): Promise<DisciplineStepResult> {
    return this.steps.step(p, id, async (c, rel) => {
      if (!rel.has('ADMIN'))
        throw new ForbiddenError('Hanya admin kepegawaian yang menutup kasus / only an ADMIN dismisses a case');
      this.steps.requireStatus(c, ['REPORTED', 'VERIFIED', 'RECOMMENDED'], 'dismiss');
      await this.steps.update(c, 'DISMISSED', 'DISMISS', dto.reason, { dismissed_reason: dto.reason });
      await this.cases.resolveEscalations(c.id, this.clock.today());
    });
  }
}
