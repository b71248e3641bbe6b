import { Injectable } from '@nestjs/common';
import { UnprocessableError } from '../common/domain-errors';
import { RequestContext } from '../common/request-context';
import { actorLabel } from '../identity/principal';
import { DecidedSanction, DisciplineSanctionsReader } from './discipline-sanctions.repository';

export interface BehaviorRatingCheck {
  employeeId: string;
  fromMonth: string;
  toMonth: string;
  behaviorRating: string;
  justification?: string | null;
  /** What is being rated, e.g. `evaluation:<id>` or `skp:<id>:2026-Q1`. */
  subjectRef: string;
}

export interface BehaviorRatingVerdict {
  sanctions: DecidedSanction[];
  /** Shown to the PPK in the rating response (empty when nothing applies). */
  warnings: { code: 'DISCIPLINE_SANCTION_IN_PERIOD'; message: string; caseIds: string[] }[];
  justificationRecorded: boolean;
}

/**
 * Behaviour rating vs discipline (issue 8 §4): when the rated employee has a decided netralitas or
 * discipline sanction in the period and the PPK rates behaviour above DI_BAWAH_EKSPEKTASI, the call
 * needs a justification (422 without one); the justification is recorded and the response warns.
 * Call `check` inside the rating transaction.
 */
@Injectable()
export class DisciplineRatingGuard {
  constructor(private readonly reader: DisciplineSanctionsReader) {}

  /**
   * `read`: the sanctions of the employee in exactly `fromMonth`..`toMonth` when the caller already read them in
   * its own statement (`sanctionsInPeriodJsonSql`, `decidedSanctionsOf`); else they are read here.
   */
  async check(c: BehaviorRatingCheck, read?: DecidedSanction[]): Promise<BehaviorRatingVerdict> {
    const sanctions = read ?? (await this.reader.sanctionsInPeriod(c.employeeId, c.fromMonth, c.toMonth));
    if (sanctions.length === 0 || c.behaviorRating === 'DI_BAWAH_EKSPEKTASI')
      return { sanctions, warnings: [], justificationRecorded: false };
    const list = sanctions
      .map(
        (s) =>
          `${s.kind} #${s.caseNumber}: ${s.labelId} (SK ${s.decidedOn}${s.decisionRef ? `, ${s.decisionRef}` : ''})`,
      )
      .join('; ');
    const justification = c.justification?.trim() ?? '';
    if (justification.length < 10) {
      throw new UnprocessableError(
        `Pegawai menerima hukuman disiplin/netralitas pada periode ini (${list}); rating perilaku ${c.behaviorRating} di atas DI_BAWAH_EKSPEKTASI memerlukan "behaviorJustification" (≥ 10 karakter) / the employee has a decided discipline sanction in this period: a behaviour rating above DI_BAWAH_EKSPEKTASI needs a justification`,
        [
          {
            field: 'behaviorJustification',
            problem: 'required (≥ 10 characters) because of a discipline sanction in the period',
          },
        ],
        { extra: { sanctions } },
      );
    }
    await this.reader.recordRatingJustification({
      employeeId: c.employeeId,
      subjectRef: c.subjectRef,
      fromMonth: c.fromMonth,
      toMonth: c.toMonth,
      behaviorRating: c.behaviorRating,
      caseIds: sanctions.map((s) => s.caseId),
      justification,
      recordedBy: actorLabel(RequestContext.principal()).actor,
    });
    return {
      sanctions,
      justificationRecorded: true,
      warnings: [
        {
          code: 'DISCIPLINE_SANCTION_IN_PERIOD',
          message: `Rating perilaku ${c.behaviorRating} diberikan meskipun ada hukuman disiplin/netralitas pada periode ini (${list}); justifikasi dicatat / rated above DI_BAWAH_EKSPEKTASI despite a discipline sanction in the period; the justification is recorded`,
          caseIds: sanctions.map((s) => s.caseId),
        },
      ],
    };
  }
}
