import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-errors';
import { Clock } from '../common/clock';
import { Cursor } from '../common/pagination';
import { checkDistribution, PREDICATES, type OrgPredicate, type PredicateCounts } from '../rules';
import { skpReferenceDate } from '../skp/skp.enums';
import { OwnProgressRow, UnitRow, YearEndProgressRepository } from './year-end-progress.repository';
import { YearEndSnapshot, YearEndSnapshotsService } from './year-end-snapshots.service';
import type {
  DistributionStatus,
  YearEndBehindPageDto,
  YearEndBehindQuery,
  YearEndProgressDto,
  YearEndQuery,
  YearEndUnitProgressDto,
} from './year-end.dto';

type Counts = Omit<OwnProgressRow, 'unitId'>;
const ZERO: Counts = { employees: 0, skpApproved: 0, rated: 0, issued: 0, final: 0, objectionsOpen: 0 };
const add = (a: Counts, b: Counts): Counts => ({
  employees: a.employees + b.employees,
  skpApproved: a.skpApproved + b.skpApproved,
  rated: a.rated + b.rated,
  issued: a.issued + b.issued,
  final: a.final + b.final,
  objectionsOpen: a.objectionsOpen + b.objectionsOpen,
});
const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((n * 1000) / of) / 10);

interface Tree {
  units: Map<string, UnitRow>;
  children: Map<string | null, UnitRow[]>;
}

/**
 * GET /monitoring/year-end: how far the year-end close has come, per unit rolled up the tree, and who
 * is behind. The distribution check per distribution unit is the rules library's (same inputs as
 * GET /units/{code}/distribution/{period}: an evaluation counts in the nearest unit up the tree with an
 * organisation predicate for the period, else in its own unit, which then lacks one).
 */
@Injectable()
export class YearEndMonitorService {
  constructor(
    private readonly store: YearEndProgressRepository,
    private readonly snapshots: YearEndSnapshotsService,
    private readonly clock: Clock,
  ) {}

  /** Served from the pre-aggregated snapshot of the whole agency (YearEndSnapshotsService); views memoised per unit. */
  async progress(q: YearEndQuery): Promise<YearEndProgressDto> {
    const asOf = skpReferenceDate(q.year, this.clock.today());
    const snap = await this.snapshots.get(q.year, asOf);
    const key = q.unitCode ?? '';
    const known = snap.views.get(key) as YearEndProgressDto | undefined;
    if (known) return known;
    const view = this.view(q, asOf, snap);
    snap.views.set(key, view);
    return view;
  }

  private view(q: YearEndQuery, asOf: string, snap: YearEndSnapshot): YearEndProgressDto {
    const period = String(q.year);
    const tree = this.tree(snap.units);
    const root = q.unitCode ? this.unitByCode(tree, q.unitCode) : null;
    const { own, predicates } = snap;
    const ownBy = new Map(own.map((r) => [r.unitId, r as Counts]));
    const distribution = this.distributionByUnit(tree, predicates, `${q.year}-12-31`);

    const rollUp = new Map<
      string,
      { counts: Counts; dist: { ok: number; violated: number; orgPredicateMissing: number } }
    >();
    const visit = (
      u: UnitRow,
    ): { counts: Counts; dist: { ok: number; violated: number; orgPredicateMissing: number } } => {
      let counts = ownBy.get(u.id) ?? ZERO;
      const st = distribution.get(u.id);
      const dist = {
        ok: st === 'OK' ? 1 : 0,
        violated: st === 'VIOLATED' ? 1 : 0,
        orgPredicateMissing: st === 'ORG_PREDICATE_MISSING' ? 1 : 0,
      };
      for (const c of tree.children.get(u.id) ?? []) {
        const r = visit(c);
        counts = add(counts, r.counts);
        dist.ok += r.dist.ok;
        dist.violated += r.dist.violated;
        dist.orgPredicateMissing += r.dist.orgPredicateMissing;
      }
      const out = { counts, dist };
      rollUp.set(u.id, out);
      return out;
    };
    const tops = root ? [root] : (tree.children.get(null) ?? []);
    tops.forEach(visit);

    const view = (u: UnitRow | null): YearEndUnitProgressDto => {
      const kids = u ? (tree.children.get(u.id) ?? []) : tops;
      const r = u
        ? (rollUp.get(u.id) ?? visit(u))
        : kids
            .map((k) => rollUp.get(k.id) ?? visit(k))
            .reduce(
              (a, b) => ({
                counts: add(a.counts, b.counts),
                dist: {
                  ok: a.dist.ok + b.dist.ok,
                  violated: a.dist.violated + b.dist.violated,
                  orgPredicateMissing: a.dist.orgPredicateMissing + b.dist.orgPredicateMissing,
                },
              }),
              { counts: ZERO, dist: { ok: 0, violated: 0, orgPredicateMissing: 0 } },
            );
      const c = r.counts;
      return {
        unitCode: u?.code ?? null,
        unitName: u?.name ?? 'Seluruh instansi',
        parentCode: u?.parentId ? (tree.units.get(u.parentId)?.code ?? null) : null,
        childCount: kids.length,
        ...c,
        shares: {
          skpApproved: percent(c.skpApproved, c.employees),
          rated: percent(c.rated, c.employees),
          issued: percent(c.issued, c.employees),
          final: percent(c.final, c.employees),
        },
        distribution: { own: u ? (distribution.get(u.id) ?? null) : null, units: r.dist },
      };
    };
    const children = root ? (tree.children.get(root.id) ?? []) : tops;
    return {
      year: q.year,
      period,
      asOf,
      computedAt: snap.computedAt,
      scope: view(root),
      items: children.map((c) => view(c)),
    };
  }

  async behind(q: YearEndBehindQuery): Promise<YearEndBehindPageDto> {
    const period = String(q.year);
    const asOf = skpReferenceDate(q.year, this.clock.today());
    let scopeIds: string[] | null = null;
    if (q.unitCode) {
      const tree = this.tree(await this.store.units(period));
      scopeIds = this.subtreeIds(tree, this.unitByCode(tree, q.unitCode).id);
    }
    const limit = q.limit ?? 100;
    const after = Cursor.decode(q.after);
    const rows = await this.store.behind(
      asOf,
      q.year,
      period,
      scopeIds,
      q.stage,
      after ? String(after[0]) : null,
      limit + 1,
    );
    const items = rows.slice(0, limit);
    return {
      year: q.year,
      stage: q.stage,
      asOf,
      items,
      nextCursor: rows.length > limit ? Cursor.encode([items[items.length - 1].nip]) : null,
    };
  }

  private tree(rows: UnitRow[]): Tree {
    const units = new Map(rows.map((r) => [r.id, r]));
    const children = new Map<string | null, UnitRow[]>();
    for (const r of [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
      const list = children.get(r.parentId) ?? [];
      list.push(r);
      children.set(r.parentId, list);
    }
    return { units, children };
  }

  private unitByCode(tree: Tree, code: string): UnitRow {
    for (const u of tree.units.values()) if (u.code === code) return u;
    throw new NotFoundError('Unit');
  }

  private subtreeIds(tree: Tree, id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
      out.push(x);
      for (const c of tree.children.get(x) ?? []) stack.push(c.id);
    }
    return out;
  }

  /** Distribution units and their outcome: counts gathered where DistributionService.distributionUnitId puts them. */
  private distributionByUnit(
    tree: Tree,
    rows: { unitId: string; predicate: string; n: number }[],
    onDate: string,
  ): Map<string, DistributionStatus> {
    const target = new Map<string, string>();
    const distributionUnit = (unitId: string): string => {
      const known = target.get(unitId);
      if (known) return known;
      let x = tree.units.get(unitId);
      while (x && !x.orgPredicate) x = x.parentId ? tree.units.get(x.parentId) : undefined;
      const id = x?.id ?? unitId;
      target.set(unitId, id);
      return id;
    };
    const counts = new Map<string, PredicateCounts>();
    for (const r of rows) {
      const id = distributionUnit(r.unitId);
      const c = counts.get(id) ?? (Object.fromEntries(PREDICATES.map((p) => [p, 0])) as PredicateCounts);
      c[r.predicate as keyof PredicateCounts] += r.n;
      counts.set(id, c);
    }
    const out = new Map<string, DistributionStatus>();
    for (const u of tree.units.values()) {
      if (!u.orgPredicate) continue;
      const c = counts.get(u.id);
      out.set(
        u.id,
        c
          ? checkDistribution({ orgPredicate: u.orgPredicate as OrgPredicate, counts: c, onDate }).ok
            ? 'OK'
            : 'VIOLATED'
          : 'EMPTY',
      );
    }
    for (const id of counts.keys()) if (!out.has(id)) out.set(id, 'ORG_PREDICATE_MISSING');
    return out;
  }
}
