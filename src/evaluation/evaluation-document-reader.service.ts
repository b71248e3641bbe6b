import { Injectable } from '@nestjs/common';
import { AgencyService } from '../agency/agency.service';
import { Clock } from '../common/clock';
import { renderDekp } from './dekp-document.util';
import { EvaluationLookup } from './evaluation-lookup.service';
import { EvaluationViews } from './evaluation-views.service';
import { EvaluationRepository } from './evaluation.repository';

/**
 * Published read port: the DEKP (spec 01 §12) of a FINAL evaluation as PDF, the same document
 * `GET /skp/{id}/evaluations/{period}/document.pdf` prints, for processes that act for the agency
 * (the SIASN upload, spec 04 §8.3) rather than for a person: no caller, no access check, no write.
 */
@Injectable()
export class EvaluationDocumentReader {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly lookup: EvaluationLookup,
    private readonly views: EvaluationViews,
    private readonly agency: AgencyService,
    private readonly clock: Clock,
  ) {}

  /** The DEKP of a FINAL evaluation; null when the evaluation does not exist or is not FINAL. */
  async dekpPdf(evaluationId: string): Promise<{ pdf: Buffer; fileName: string } | null> {
    if (!/^[0-9a-f-]{36}$/i.test(evaluationId)) return null;
    const found = await this.repo.byId(evaluationId);
    if (!found || found.status !== 'FINAL') return null;
    const { skp, segments, content } = await this.lookup.skpWithContent(found.skpId);
    const calendar = this.lookup.calendarPeriod(skp, found.period);
    const loaded = await this.repo.load(skp.id, calendar.period, calendar.year, false);
    const p = this.lookup.fitPeriod(skp, segments, calendar, loaded.cadence.cadence);
    const e = loaded.e;
    if (!e) return null;
    const { realizations, history, feedback, feedbackLog } = loaded;
    const view = await this.views.view(skp, p, e, { ...content, realizations, history, feedback, feedbackLog });
    if (!view.snapshot) view.snapshot = await this.lookup.snapshot(skp.employeeId, this.lookup.refDate(e, p));
    const pdf = await renderDekp(view, view.distribution, this.clock.today(), await this.agency.profile());
    return { pdf, fileName: `DEKP-${view.nip}-${view.period}.pdf` };
  }
}
