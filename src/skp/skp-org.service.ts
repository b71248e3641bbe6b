import { Injectable } from '@nestjs/common';
import { ErrorDetail } from '../common/domain-errors';
import { AssignmentSnapshot, DelegationRef, OrgDirectory } from '../org/org-directory.service';
import { SkpRepository } from './skp.repository';

export interface PersonSnapshot {
  nip: string;
  name: string;
  positionTitle: string;
  positionKind: string;
  jenjang: string | null;
  kelasJabatan: number;
  golongan: string;
  unitCode: string;
  unitName: string;
}

/** Who the employee and the PPK were on a date; stored on the SKP at creation and at approval. */
export interface SkpSnapshot {
  onDate: string;
  employee: PersonSnapshot;
  ppk: PersonSnapshot | null;
}

const person = (s: AssignmentSnapshot): PersonSnapshot => ({
  nip: s.nip,
  name: s.name,
  positionTitle: s.positionTitle,
  positionKind: s.positionKind,
  jenjang: s.jenjang,
  kelasJabatan: s.kelasJabatan,
  golongan: s.golongan,
  unitCode: s.unitCode,
  unitName: s.unitName,
});

/** The organisation facts an SKP depends on: snapshots, the PPK on the reference date, the leader's approved results. */
@Injectable()
export class SkpOrg {
  constructor(
    private readonly org: OrgDirectory,
    private readonly skp: SkpRepository,
  ) {}

  /** Serialises writers of one employee's SKPs (segment overlap checks stay true until commit). */
  lockEmployee(employeeId: string): Promise<void> {
    return this.org.lockEmployee(employeeId);
  }

  /** The delegation an ACTING (Plt) SKP is written under. */
  delegation(id: string): Promise<DelegationRef | null> {
    return this.org.delegation(id);
  }

  async snapshot(employeeId: string, onDate: string): Promise<SkpSnapshot | null> {
    const emp = await this.org.snapshotById(employeeId, onDate);
    if (!emp) return null;
    const ppkId = await this.org.ppkOf(employeeId, onDate);
    const ppk = ppkId ? await this.org.snapshotById(ppkId, onDate) : null;
    return { onDate, employee: person(emp), ppk: ppk ? person(ppk) : null };
  }

  ppkOf(employeeId: string, onDate: string): Promise<string | null> {
    return this.org.ppkOf(employeeId, onDate);
  }

  /** The PPK's APPROVED SKP of the year, if any (the results subordinates cascade from). */
  async leaderApprovedSkpId(ppkId: string | null, year: number): Promise<string | null> {
    if (!ppkId) return null;
    return this.skp.approvedSkpId(ppkId, year);
  }

  /** Every parentResultId must be a result of the PPK's APPROVED SKP of the same year. */
  async parentProblems(
    results: { parentResultId: string | null }[],
    leaderSkpId: string | null,
  ): Promise<ErrorDetail[]> {
    const wanted = results.map((r) => r.parentResultId).filter((x): x is string => !!x);
    if (wanted.length === 0) return [];
    const ok = new Set<string>(leaderSkpId ? await this.skp.resultIdsOf(leaderSkpId, wanted) : []);
    const out: ErrorDetail[] = [];
    results.forEach((r, i) => {
      if (r.parentResultId && !ok.has(r.parentResultId)) {
        out.push({
          field: `results[${i}].parentResultId`,
          problem: leaderSkpId
            ? 'bukan RHK pada SKP PPK yang sudah disetujui tahun ini / not a result of the PPK’s approved SKP of this year'
            : 'PPK belum punya SKP yang disetujui tahun ini / the PPK has no approved SKP for this year',
        });
      }
    });
    return out;
  }
}
