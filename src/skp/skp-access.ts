import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy, Relation } from '../authz/access-policy';
import { forbidden, notFound } from '../common/api-error';
import { Clock } from '../common/clock';
import { Principal } from '../identity/principal';
import { skpReferenceDate } from './skp.enums';

/**
 * Who may see or act on an SKP, judged on the SKP's reference date (today, kept inside its year):
 * the employee (SELF), their PPK on that date, ADMIN; a direct report may read their PPK's
 * APPROVED SKP (to pick the leader's result they intervene). Anyone else: 404.
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

  async visible(
    p: Principal,
    skp: { employeeId: string; year: number; status: string },
    m?: EntityManager,
  ): Promise<Set<Relation>> {
    const rel = await this.policy.require(
      p,
      skp.employeeId,
      this.refDate(skp.year),
      ['ADMIN', 'SELF', 'PPK', 'REPORT'],
      'SKP',
      m,
    );
    const full = rel.has('ADMIN') || rel.has('SELF') || rel.has('PPK');
    if (!full && skp.status !== 'APPROVED') throw notFound('SKP');
    return rel;
  }

  /** Visible and held in the given role (the employee for edits/submit, the PPK for approve/reject); else 403. */
  async requireActor(
    p: Principal,
    skp: { employeeId: string; year: number; status: string },
    role: 'SELF' | 'PPK',
    m?: EntityManager,
  ): Promise<void> {
    const rel = await this.visible(p, skp, m);
    if (rel.has(role)) return;
    throw forbidden(
      role === 'SELF'
        ? 'Hanya pegawai pemilik SKP yang dapat melakukan ini / only the employee who owns this SKP may do this'
        : 'Hanya Pejabat Penilai Kinerja pegawai pada tanggal ini yang dapat melakukan ini / only the employee’s PPK on this date may do this',
    );
  }
}
