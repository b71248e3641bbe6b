import { Injectable } from '@nestjs/common';
import { badRequest, notFound, unprocessable } from '../common/api-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { OrgDirectory } from '../org/org-directory.service';
import { SkpEntity } from '../skp/entities/skp.entity';
import { SkpContentRepository } from '../skp/skp-content.repository';
import { SegmentRow, SkpSegmentsRepository } from '../skp/skp-segments.repository';
import { EvaluationEntity } from './entities/evaluation.entity';
import { block, EvaluationSnapshot } from './evaluation-snapshot.util';
import { EvaluationRepository } from './evaluation.repository';
import { fitsCadence, parsePeriodId, periodReferenceDate, type EvaluationPeriod } from './periods';
import { AnnualMode, segmentPeriod } from './segment-periods';

/** What an evaluation is judged against: its SKP, the period as the SKP sees it, the reference date, the people. */
@Injectable()
export class EvaluationLookup {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly skps: SkpContentRepository,
    private readonly segments: SkpSegmentsRepository,
    private readonly org: OrgDirectory,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  annualMode(): AnnualMode {
    return this.config.get('SKP_ANNUAL_MODE');
  }

  segmentsOfYear(skp: SkpEntity): Promise<SegmentRow[]> {
    return this.segments.segmentsOfYear(skp.employeeId, skp.year);
  }

  /** A calendar period as seen by this SKP (intersected with its dates, spec 04 §1.3). */
  async forSkp(skp: SkpEntity, p: EvaluationPeriod): Promise<EvaluationPeriod> {
    return segmentPeriod(p, skp, await this.segmentsOfYear(skp), this.annualMode());
  }

  skp(id: string): Promise<SkpEntity> {
    return this.skps.header(id);
  }

  /** A period id of the SKP's year that fits the year's cadence, intersected with the SKP's own dates. */
  async period(skp: SkpEntity, id: string): Promise<EvaluationPeriod> {
    const p = parsePeriodId(id);
    if (!p)
      throw badRequest('Periode tidak valid / invalid period', [
        { field: 'period', problem: 'must be YYYY, YYYY-Q1..YYYY-Q4 or YYYY-01..YYYY-12' },
      ]);
    if (p.year !== skp.year) throw notFound('Evaluasi');
    const { cadence } = await this.repo.cadence(p.year);
    if (!fitsCadence(p, cadence)) {
      throw unprocessable(
        `Periode ${id} tidak ada: evaluasi periodik tahun ${p.year} bersifat ${cadence} / the ${p.year} periodic cadence is ${cadence}`,
        [{ field: 'period', problem: `the ${p.year} cadence is ${cadence} (plus the ANNUAL evaluation)` }],
      );
    }
    return this.forSkp(skp, p);
  }

  /** The date relations are judged on: frozen at rating, else today kept inside the period. */
  refDate(e: EvaluationEntity | null, p: EvaluationPeriod): string {
    return e?.refDate ?? periodReferenceDate(p, this.clock.today());
  }

  async snapshot(employeeId: string, onDate: string): Promise<EvaluationSnapshot> {
    const emp = await this.org.snapshotById(employeeId, onDate);
    if (!emp)
      throw unprocessable(`Pegawai tidak memiliki jabatan pada ${onDate} / the employee has no position on ${onDate}`);
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
