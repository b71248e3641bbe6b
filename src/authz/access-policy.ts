import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { AssignmentSnapshot, OrgDirectory } from '../org/org-directory.service';
import { ppkChainSql, supervisionScopeSql, type PpkChainRow } from '../org/org-directory.repository';
import { teamMembersSql } from '../org/team-members.repository';
import { isAdmin, Principal } from '../identity/principal';

export type { PpkChainRow };

/**
 * How the caller relates to an employee on a date, derived from the organisation.
 * REPORT: the employee is the caller's own PPK (a subordinate reading the leader's approved plan to cascade from it).
 */
export type Relation = 'ADMIN' | 'SELF' | 'PPK' | 'ATASAN_PPK' | 'REPORT';

/** A SQL predicate (with its parameters) restricting employee-owned rows to what the caller may list. */
export interface ScopeSql {
  sql: string;
  params: unknown[];
}

/** The relations a user caller `me` holds to `employeeId` given the PPK chain on the date (added to `out`). */
function relationsOf(out: Set<Relation>, me: string, employeeId: string, chain: PpkChainRow): Set<Relation> {
  if (me === employeeId) out.add('SELF');
  if (chain.ppk && chain.ppk === me) out.add('PPK');
  if (chain.atasan && chain.atasan === me) out.add('ATASAN_PPK');
  if (me !== employeeId && chain.callerPpk === employeeId) out.add('REPORT');
  return out;
}

/**
 * The one place that decides who may see or act on whose records. Features ask for the
 * relations they accept; anything else is a 404 (the record is "not there" for the caller).
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly org: OrgDirectory) {}

  async relationsTo(p: Principal, employeeId: string, onDate: string): Promise<Set<Relation>> {
    return (await this.relate(p, employeeId, onDate, false)).rel;
  }

  /**
   * The relations, and the employee's snapshot on the date (null without an assignment then): for a user
   * caller read with the relations in one round trip, else on its own.
   */
  private async relate(
    p: Principal,
    employeeId: string,
    onDate: string,
    withSubject: boolean,
  ): Promise<{ rel: Set<Relation>; subject?: AssignmentSnapshot | null }> {
    const out = new Set<Relation>();
    if (isAdmin(p)) out.add('ADMIN');
    if (p.kind !== 'user' || !p.employeeId)
      return withSubject && out.size
        ? { rel: out, subject: await this.org.snapshotById(employeeId, onDate) }
        : { rel: out };
    // One round trip (the context's transaction): the PPK, the atasan PPK and the caller's own PPK on the date.
    const chain = await this.org.ppkChain(employeeId, p.employeeId, onDate, withSubject);
    return { rel: relationsOf(out, p.employeeId, employeeId, chain), subject: chain.subject };
  }

  /**
   * The read behind `requireWithSubject` for a user caller as a SELECT of one row over SQL expressions (the
   * employee, the date; the caller is `$firstParam`), for a reader that folds it into its own statement and
   * hands the row to `requireWithChain`. Null when the caller is not an employee (nothing to read then).
   */
  chainSql(p: Principal, employee: string, onDate: string, firstParam: number): ScopeSql | null {
    if (p.kind !== 'user' || !p.employeeId) return null;
    return { sql: ppkChainSql(employee, `$${firstParam}::uuid`, onDate, true), params: [p.employeeId] };
  }

  /** `requireWithSubject` from the row `chainSql` read for the same employee and date (no statement). */
  requireWithChain(
    p: Principal,
    employeeId: string,
    chain: PpkChainRow,
    accepted: Relation[],
    what = 'Data',
  ): { rel: Set<Relation>; subject: AssignmentSnapshot | null } {
    const rel = new Set<Relation>(isAdmin(p) ? ['ADMIN'] : []);
    if (p.kind === 'user' && p.employeeId) relationsOf(rel, p.employeeId, employeeId, chain);
    if (!accepted.some((r) => rel.has(r))) throw new NotFoundError(what);
    return { rel, subject: chain.subject ?? null };
  }

  /**
   * List scope for records owned by an employee (e.g. SKPs): ADMIN all; an employee their own, those
   * they are PPK of on each record's reference date, and—where `leaderReadable` holds—their own PPK's.
   * Columns are SQL expressions; `firstParam` is the next free $n. Uses the SQL twin of OrgDirectory.ppkOf.
   */
  listScope(
    p: Principal,
    cols: { employeeId: string; refDate: string; leaderReadable?: string },
    firstParam: number,
  ): ScopeSql {
    if (isAdmin(p)) return { sql: 'TRUE', params: [] };
    if (p.kind !== 'user' || !p.employeeId) return { sql: 'FALSE', params: [] };
    return {
      sql: supervisionScopeSql(`$${firstParam}::uuid`, cols.employeeId, cols.refDate, cols.leaderReadable),
      params: [p.employeeId],
    };
  }

  /**
   * Whom the caller is PPK and atasan PPK of on a date (the relations `relationsTo` grants), for a
   * whole team at once: two queries however large the team.
   */
  async teamOf(
    p: Principal,
    onDate: string,
  ): Promise<{ ppkOf: string[]; atasanPpkOf: { employeeId: string; ppkId: string }[] }> {
    if (p.kind !== 'user' || !p.employeeId) return { ppkOf: [], atasanPpkOf: [] };
    const direct = (await this.org.reportsOf([p.employeeId], onDate))
      .map((r) => r.employeeId)
      .filter((id) => id !== p.employeeId);
    const second = (await this.org.reportsOf(direct, onDate)).filter((r) => r.employeeId !== p.employeeId);
    return { ppkOf: direct, atasanPpkOf: second };
  }

  /**
   * `teamOf` as a FROM item named `alias` (employee_id, ppk_id, relation 'PPK' | 'ATASAN_PPK') for a reader
   * that joins the team in its own statement; its parameters take `$firstParam` and the next. Null when the
   * caller is not an employee (no team).
   */
  teamSql(p: Principal, onDate: string, firstParam: number, alias: string): ScopeSql | null {
    if (p.kind !== 'user' || !p.employeeId) return null;
    return {
      sql: teamMembersSql(`$${firstParam}::uuid`, `$${firstParam + 1}::date`, alias),
      params: [p.employeeId, onDate],
    };
  }

  /** Throws 404 unless the caller has one of the accepted relations. Returns the relations held. */
  async require(
    p: Principal,
    employeeId: string,
    onDate: string,
    accepted: Relation[],
    what = 'Data',
  ): Promise<Set<Relation>> {
    const { rel } = await this.relate(p, employeeId, onDate, false);
    if (!accepted.some((r) => rel.has(r))) throw new NotFoundError(what);
    return rel;
  }

  /**
   * `require`, and the employee's assignment snapshot on the date (null without one), read with the
   * relations: a caller that needs both (an evaluation step) saves a round trip.
   */
  async requireWithSubject(
    p: Principal,
    employeeId: string,
    onDate: string,
    accepted: Relation[],
    what = 'Data',
  ): Promise<{ rel: Set<Relation>; subject: AssignmentSnapshot | null }> {
    const { rel, subject } = await this.relate(p, employeeId, onDate, true);
    if (!accepted.some((r) => rel.has(r))) throw new NotFoundError(what);
    return { rel, subject: subject ?? null };
  }

  /**
   * Discipline / netralitas cases: ADMIN, the competent officials named on the case and the reported
   * employee (their own case). Anyone else gets 404. Returns how the caller relates to the case.
   */
  requireCaseVisible(
    p: Principal,
    c: { employeeId: string; competentOfficialIds: string[] },
    what = 'Kasus',
  ): Set<'ADMIN' | 'OFFICIAL' | 'SELF'> {
    const out = new Set<'ADMIN' | 'OFFICIAL' | 'SELF'>();
    if (isAdmin(p)) out.add('ADMIN');
    if (p.kind === 'user' && p.employeeId) {
      if (p.employeeId === c.employeeId) out.add('SELF');
      if (c.competentOfficialIds.includes(p.employeeId)) out.add('OFFICIAL');
    }
    if (out.size === 0) throw new NotFoundError(what);
    return out;
  }

  /** List scope of discipline cases (same rule as requireCaseVisible); columns are SQL expressions. */
  caseListScope(p: Principal, cols: { employeeId: string; officialIds: string }, firstParam: number): ScopeSql {
    if (isAdmin(p)) return { sql: 'TRUE', params: [] };
    if (p.kind !== 'user' || !p.employeeId) return { sql: 'FALSE', params: [] };
    return {
      sql: `(${cols.employeeId} = $${firstParam}::uuid OR $${firstParam}::uuid = ANY(${cols.officialIds}))`,
      params: [p.employeeId],
    };
  }

  requireAdmin(p: Principal): void {
    if (!isAdmin(p)) throw new ForbiddenError();
  }
}
