import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError, UnprocessableError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { OrgDirectory } from '../org/org-directory.service';
import { SkpEntity } from '../skp/entities/skp.entity';
import type { SkpContent } from '../skp/skp-content.repository';
import { SegmentRow, SkpSegmentsRepository } from '../skp/skp-segments.repository';
import { EvaluationEntity } from './entities/evaluation.entity';
import { block, EvaluationSnapshot } from './evaluation-snapshot.util';
import { fitsCadence, parsePeriodId, periodReferenceDate, type Cadence, type EvaluationPeriod } from './periods';
import { AnnualMode, segmentPeriod } from './segment-periods.util';

/** What an evaluation is judged against: its SKP, the period as the SKP sees it, the reference date, the people. */
@Injectable()
export class EvaluationLookup {
  constructor(
    private readonly segments: SkpSegmentsRepository,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  annualMode(): AnnualMode {
    return this.config.get('SKP_ANNUAL_MODE');
  }

  /** The SKP (404 when unknown) with its employee's SKPs of the year, in one read. */
  async skpWithSegments(id: string): Promise<{ skp: SkpEntity; segments: SegmentRow[] }> {
    return this.segments.withSegmentsOfYear(id, false);
  }

  /** `skpWithSegments` with the SKP's content (results, indicators, behaviours), in one read. */
  async skpWithContent(id: string): Promise<{ skp: SkpEntity; segments: SegmentRow[]; content: SkpContent }> {
    const { skp, segments, content } = await this.segments.withSegmentsOfYear(id, true);
    if (!content) throw new NotFoundError('SKP');
    return { skp, segments, content };
  }

  /** The calendar period a period id names (400 when malformed, 404 outside the SKP's year). */
  calendarPeriod(skp: SkpEntity, id: string): EvaluationPeriod {
    const p = parsePeriodId(id);
    if (!p)
      throw new InvalidInputError('Periode tidak valid / invalid period', [
        { field: 'period', problem: 'must be YYYY, YYYY-Q1..YYYY-Q4 or YYYY-01..YYYY-12' },
      ]);
    if (p.year !== skp.year) throw new NotFoundError('Evaluasi');
    return p;
  }

  /** The calendar period checked against the year's cadence (422) and intersected with the SKP's dates. */
  fitPeriod(skp: SkpEntity, segments: SegmentRow[], p: EvaluationPeriod, cadence: Cadence): EvaluationPeriod {
    if (!fitsCadence(p, cadence)) {
      throw new UnprocessableError(
        `Periode ${p.period} tidak ada: evaluasi periodik tahun ${p.year} bersifat ${cadence} / the ${p.year} periodic cadence is ${cadence}`,
        [{ field: 'period', problem: `the ${p.year} cadence is ${cadence} (plus the ANNUAL evaluation)` }],
      );
    }
    return segmentPeriod(p, skp, segments, this.annualMode());
  }

  /** The date relations are judged on: frozen at rating, else today kept inside the period. */
  refDate(e: EvaluationEntity | null, p: EvaluationPeriod): string {
    return e?.refDate ?? periodReferenceDate(p, this.clock.today());
  }

  async snapshot(employeeId: string, onDate: string): Promise<EvaluationSnapshot> {
    const emp = await this.org.snapshotById(employeeId, onDate);
    if (!emp)
      throw new UnprocessableError(
        `Pegawai tidak memiliki jabatan pada ${onDate} / the employee has no position on ${onDate}`,
      );
    const ppkId = await this.org.ppkOf(employeeId, onDate);
    const ppk = ppkId ? await this.org.snapshotById(ppkId, onDate) : null;
    const atasanId = ppkId ? await this.org.ppkOf(ppkId, onDate) : null;
    const atasan = atasanId ? await this.org.snapshotById(atasanId, onDate) : null;
    return {
      onDate,
      agencyName: this.config.get('AGENCY_NAME'),
      employee: block(emp),
      ppk: ppk ? block(ppk) : null,
      atasanPpk: atasan ? block(atasan) : null,
    };
  }
}
