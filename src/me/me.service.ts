import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../authz/access-policy';
import { Clock } from '../common/clock';
import { isAdmin, Principal } from '../identity/principal';
import { toEmployeeView } from '../org/dto/employee-view.dto';
import { AssignmentSnapshot, OrgDirectory } from '../org/org-directory.service';
import { MeRole, MeView, PersonRef, TeamMember, TeamView } from './me.views';
import { TEAM_ALIAS, TeamRepository } from './team.repository';

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
    private readonly teams: TeamRepository,
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

  /**
   * My reports (and their reports) with the status of their SKP of the year and of its evaluations: one
   * statement, whose rows are the items (only sorted here: the name order is the console's collation).
   */
  async team(p: Principal, q: { on?: string; year?: number; relation?: 'PPK' | 'ATASAN_PPK' }): Promise<TeamView> {
    const on = q.on ?? this.clock.today();
    const year = q.year ?? Number(on.slice(0, 4));
    const team = this.policy.teamSql(p, on, 1, TEAM_ALIAS);
    if (!team) return { on, year, items: [] };
    const items = await this.teams.members(team, on, year, q.relation ? [q.relation] : ['PPK', 'ATASAN_PPK']);
    items.sort(byRelationThenName);
    return { on, year, items };
  }
}

/** PPK rows first, then ATASAN_PPK; by name in the Indonesian collation, then NIP. */
function byRelationThenName(a: TeamMember, b: TeamMember): number {
  if (a.relation !== b.relation) return a.relation === 'PPK' ? -1 : 1;
  return NAME_ORDER.compare(a.name, b.name) || a.nip.localeCompare(b.nip);
}

function sortByName<T extends PersonRef>(xs: T[]): T[] {
  return xs.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || a.nip.localeCompare(b.nip));
}
