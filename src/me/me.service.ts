import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../authz/access-policy';
import { Clock } from '../common/clock';
import { EvaluationStatusReader } from '../evaluation/evaluation-status.repository';
import { isAdmin, Principal } from '../identity/principal';
import { toEmployeeView } from '../org/dto/employee-view.dto';
import { AssignmentSnapshot, OrgDirectory } from '../org/org-directory.service';
import { SkpStatusReader } from '../skp/skp-status-reader.service';
import { MeRole, MeView, PersonRef, TeamMember, TeamView } from './me.views';

// One collator for every sort: localeCompare(…, 'id') builds a new ICU collator per comparison (team list profile).
const NAME_ORDER = new Intl.Collator('id');

const ref = (s: AssignmentSnapshot): PersonRef => ({
  nip: s.nip,
  name: s.name,
  positionTitle: s.positionTitle,
  unitCode: s.unitCode,
  unitName: s.unitName,
});

/**
 * "Who am I, and who is mine, on a date": the console's first call. Relations come from the
 * access policy (the same rule that grants PPK / atasan PPK access); a handful of queries in all.
 */
@Injectable()
export class MeService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly org: OrgDirectory,
    private readonly skp: SkpStatusReader,
    private readonly evaluations: EvaluationStatusReader,
    private readonly clock: Clock,
  ) {}

  async me(p: Principal & { kind: 'user' }, on = this.clock.today()): Promise<MeView> {
    const team = await this.policy.teamOf(p, on);
    const ppkId = p.employeeId ? await this.org.ppkOf(p.employeeId, on) : null;
    const atasanId = ppkId ? await this.org.ppkOf(ppkId, on) : null;
    const ids = [p.employeeId, ppkId, atasanId, ...team.ppkOf, ...team.atasanPpkOf.map((r) => r.employeeId)].filter(
      (x): x is string => !!x,
    );
    const snaps = new Map((await this.org.snapshotsByIds([...new Set(ids)], on)).map((s) => [s.employeeId, s]));
    const self = p.employeeId ? snaps.get(p.employeeId) : undefined;
    const nipOf = (id: string | null) => (id ? (snaps.get(id)?.nip ?? null) : null);
    const ppkOf = team.ppkOf.flatMap((id) => {
      const s = snaps.get(id);
      return s ? [ref(s)] : [];
    });
    const atasanPpkOf = team.atasanPpkOf.flatMap((r) => {
      const s = snaps.get(r.employeeId);
      return s ? [{ ...ref(s), ppkNip: nipOf(r.ppkId) ?? '' }] : [];
    });
    const refOf = (id: string | null) => {
      const s = id ? snaps.get(id) : undefined;
      return s ? ref(s) : null;
    };
    const roles: MeRole[] = [];
    if (self) roles.push('EMPLOYEE');
    if (ppkOf.length) roles.push('PPK');
    if (atasanPpkOf.length) roles.push('ATASAN_PPK');
    if (isAdmin(p)) roles.push('ADMIN');
    return {
      on,
      account: { nip: p.nip, role: p.role },
      roles,
      employee: self
        ? toEmployeeView(self, on, {
            supervisor: nipOf(self.supervisorId),
            ppk: nipOf(ppkId),
            atasanPpk: nipOf(atasanId),
          })
        : null,
      ppk: refOf(ppkId),
      atasanPpk: refOf(atasanId),
      ppkOf: sortByName(ppkOf),
      atasanPpkOf: sortByName(atasanPpkOf),
      plt: p.employeeId
        ? await this.org.pltDelegationsOf(p.employeeId, `${on.slice(0, 4)}-01-01`, `${on.slice(0, 4)}-12-31`)
        : [],
    };
  }

  /** My reports (and their reports) with the status of their SKP of the year and of its evaluations: five queries. */
  async team(p: Principal, q: { on?: string; year?: number; relation?: 'PPK' | 'ATASAN_PPK' }): Promise<TeamView> {
    const on = q.on ?? this.clock.today();
    const year = q.year ?? Number(on.slice(0, 4));
    const team = await this.policy.teamOf(p, on);
    const members: { employeeId: string; relation: 'PPK' | 'ATASAN_PPK'; ppkId: string }[] = [];
    const myId = p.kind === 'user' ? p.employeeId : null;
    if (q.relation !== 'ATASAN_PPK' && myId)
      members.push(...team.ppkOf.map((id) => ({ employeeId: id, relation: 'PPK' as const, ppkId: myId })));
    if (q.relation !== 'PPK') members.push(...team.atasanPpkOf.map((r) => ({ ...r, relation: 'ATASAN_PPK' as const })));
    const ids = [...new Set([...members.map((m) => m.employeeId), ...members.map((m) => m.ppkId)])];
    const snaps = new Map((await this.org.snapshotsByIds(ids, on)).map((s) => [s.employeeId, s]));
    const skps = await this.skp.forEmployees(
      members.map((m) => m.employeeId),
      year,
    );
    const evals = await this.evaluations.forSkps([...skps.values()].map((s) => s.skpId));
    const items: TeamMember[] = members.flatMap((m) => {
      const s = snaps.get(m.employeeId);
      if (!s) return [];
      const skp = skps.get(m.employeeId);
      return [
        {
          ...ref(s),
          relation: m.relation,
          ppkNip: snaps.get(m.ppkId)?.nip ?? '',
          skp: skp
            ? { id: skp.skpId, status: skp.status, rejectionReason: skp.rejectionReason, updatedAt: skp.updatedAt }
            : null,
          evaluations: (skp ? (evals.get(skp.skpId) ?? []) : []).map(({ skpId: _s, ...e }) => e),
        },
      ];
    });
    items.sort((a, b) =>
      a.relation === b.relation
        ? NAME_ORDER.compare(a.name, b.name) || a.nip.localeCompare(b.nip)
        : a.relation === 'PPK'
          ? -1
          : 1,
    );
    return { on, year, items };
  }
}

function sortByName<T extends PersonRef>(xs: T[]): T[] {
  return xs.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || a.nip.localeCompare(b.nip));
}
