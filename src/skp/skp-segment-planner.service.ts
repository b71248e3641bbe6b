import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { CreateSkpDto, ResultDto } from './dto/skp.dto';
import { SkpRepository } from './skp.repository';
import { SkpSegmentsRepository } from './skp-segments.repository';
import { SkpContentRepository } from './skp-content.repository';
import { SkpKind } from './skp.enums';
import { SkpOrg } from './skp-org.service';

export interface SkpSpan {
  periodStart: string;
  periodEnd: string;
  kind: SkpKind;
  delegationId: string | null;
  previousSkpId: string | null;
}

const invalid = 'Data tidak valid / invalid input';

/**
 * Where a new SKP sits in its year (spec 04 §1.2): DEFINITIVE from `periodStart` (TMT, SPMT; default
 * 1 January) to 31 December, never overlapping another DEFINITIVE SKP of the employee (409); ACTING for
 * a Plt delegation naming the caller as acting official, within the delegation's dates. A new
 * DEFINITIVE SKP may start from the RHK of the previous one ("Ambil SKP Lama", `skp.split.copyRhk`).
 */
@Injectable()
export class SkpSegmentPlanner {
  constructor(
    private readonly segments: SkpSegmentsRepository,
    private readonly store: SkpContentRepository,
    private readonly config: AppConfig,
    private readonly skp: SkpRepository,
    private readonly org: SkpOrg,
  ) {}

  async span(employeeId: string, dto: CreateSkpDto): Promise<SkpSpan> {
    const yearStart = `${dto.year}-01-01`;
    const yearEnd = `${dto.year}-12-31`;
    const kind: SkpKind = dto.kind ?? 'DEFINITIVE';
    const inYear = (d: string) => d >= yearStart && d <= yearEnd;
    if (dto.periodStart && !inYear(dto.periodStart))
      throw new InvalidInputError(invalid, [{ field: 'periodStart', problem: `must lie in ${dto.year}` }]);
    if (kind === 'DEFINITIVE') {
      if (dto.delegationId)
        throw new InvalidInputError(invalid, [{ field: 'delegationId', problem: 'only for kind ACTING (a Plt)' }]);
      const periodStart = dto.periodStart ?? yearStart;
      const clash = await this.segments.overlapping(employeeId, 'DEFINITIVE', periodStart, yearEnd, null);
      if (clash)
        throw new ConflictError(
          `SKP tahun ${dto.year} sudah ada untuk periode ${clash.periodStart} s.d. ${clash.periodEnd}; ubah yang ada (PATCH /skp/{id}) atau mulai setelahnya / an SKP for ${dto.year} already covers that period`,
          [{ field: 'periodStart', problem: `overlaps SKP ${clash.id} (${clash.periodStart}…${clash.periodEnd})` }],
        );
      const before = (await this.segments.segmentsOfYear(employeeId, dto.year)).filter(
        (s) => s.kind === 'DEFINITIVE' && s.periodEnd < periodStart,
      );
      return {
        periodStart,
        periodEnd: yearEnd,
        kind,
        delegationId: null,
        previousSkpId: before.length ? before[before.length - 1].id : null,
      };
    }
    if (!dto.delegationId)
      throw new InvalidInputError(invalid, [
        { field: 'delegationId', problem: 'is required for kind ACTING (the Plt delegation)' },
      ]);
    const d = await this.org.delegation(dto.delegationId);
    if (!d || d.ppkId !== employeeId) throw new NotFoundError('Delegasi');
    if (d.kind !== 'PLT')
      throw new UnprocessableError(
        `Delegasi ${d.kind} tidak memerlukan SKP tersendiri; SKP Plt hanya untuk Plt (Plh dicatat sebagai RHK TAMBAHAN) / only a PLT delegation gets an ACTING SKP`,
        [{ field: 'delegationId', problem: `is a ${d.kind} delegation, must be PLT` }],
      );
    const from = d.validFrom > yearStart ? d.validFrom : yearStart;
    const to = d.validTo && d.validTo < yearEnd ? d.validTo : yearEnd;
    const periodStart = dto.periodStart ?? from;
    if (periodStart < from || periodStart > to)
      throw new UnprocessableError(`Periode Plt ${from} s.d. ${to} / outside the delegation's dates in ${dto.year}`, [
        { field: 'periodStart', problem: `must lie in ${from}…${to}` },
      ]);
    const clash = await this.segments.overlapping(employeeId, 'ACTING', periodStart, to, d.id);
    if (clash)
      throw new ConflictError(
        `SKP Plt untuk delegasi ini sudah ada / an ACTING SKP for this delegation already exists`,
        [{ field: 'delegationId', problem: `SKP ${clash.id} covers ${clash.periodStart}…${clash.periodEnd}` }],
      );
    return { periodStart, periodEnd: to, kind, delegationId: d.id, previousSkpId: null };
  }

  /** The RHK the SKP starts with: the given ones, or a copy of an earlier SKP's (links to the old leader dropped). */
  async initialResults(employeeId: string, dto: CreateSkpDto, previousSkpId: string | null) {
    const mode = this.config.get('SKP_SPLIT_COPY_RHK');
    const source = dto.copyFromSkpId ?? (mode === 'ALWAYS' && dto.results.length === 0 ? previousSkpId : null);
    if (!source) return dto.results;
    if (mode === 'NEVER')
      throw new UnprocessableError('Salin RHK dari SKP sebelumnya tidak diaktifkan / copying RHK is switched off', [
        { field: 'copyFromSkpId', problem: 'skp.split.copyRhk is NEVER' },
      ]);
    if (dto.results.length)
      throw new InvalidInputError(invalid, [
        { field: 'copyFromSkpId', problem: 'give either results or copyFromSkpId' },
      ]);
    if ((await this.skp.ownerOf(source)) !== employeeId) throw new NotFoundError('SKP');
    const old = await this.store.results(source);
    return old.map(
      (r) =>
        ({
          kind: r.kind,
          text: r.text,
          parentResultId: null,
          indicators: r.indicators.map((i) => ({
            text: i.text,
            aspect: i.aspect,
            perspective: i.perspective,
            target: i.target,
          })),
        }) as ResultDto,
    );
  }
}
