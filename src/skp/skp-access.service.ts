import { Injectable } from '@nestjs/common';
import { AccessPolicy, Relation } from '../authz/access-policy';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { Principal } from '../identity/principal';
import { segmentReferenceDate, skpReferenceDate } from './skp.enums';

/** What access needs to know of an SKP. */
export interface SkpHeader {
  employeeId: string;
  year: number;
  status: string;
  periodStart: string;
  periodEnd: string;
}

/**
 * Who may see or act on an SKP, judged on the SKP's reference date (today, kept inside the SKP's own
 * period, spec 04 §1.3): the employee (SELF, also after the SKP is CLOSED), their PPK on that date, ADMIN;
 * a direct report may read their PPK's APPROVED SKP (to pick the leader's result they intervene).
 * Anyone else, e.g. the PPK of a later segment: 404.
 */
@Injectable()
export class SkpAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return this.clock.today();
  }

  refDate(year: number): string {
    return skpReferenceDate(year, this.clock.today());
  }

  /** Today kept inside the SKP's period. */
  segmentRefDate(skp: { periodStart: string; periodEnd: string }): string {
    return segmentReferenceDate(skp, this.clock.today());
  }

  async visible(p: Principal, skp: SkpHeader): Promise<Set<Relation>> {
    const rel = await this.policy.require(
      p,
      skp.employeeId,
      this.segmentRefDate(skp),
      ['ADMIN', 'SELF', 'PPK', 'REPORT'],
      'SKP',
    );
    const full = rel.has('ADMIN') || rel.has('SELF') || rel.has('PPK');
    if (!full && skp.status !== 'APPROVED') throw new NotFoundError('SKP');
    return rel;
  }

  /** Visible and held in the given role (the employee for edits/submit, the PPK for approve/reject); else 403. */
  async requireActor(p: Principal, skp: SkpHeader, role: 'SELF' | 'PPK'): Promise<void> {
    const rel = await this.visible(p, skp);
    if (rel.has(role)) return;
    throw new ForbiddenError(
      role === 'SELF'
        ? 'Hanya pegawai pemilik SKP yang dapat melakukan ini / only the employee who owns this SKP may do this'
        : 'Hanya Pejabat Penilai Kinerja pegawai pada tanggal ini yang dapat melakukan ini / only the employee’s PPK on this date may do this',
    );
  }
}
