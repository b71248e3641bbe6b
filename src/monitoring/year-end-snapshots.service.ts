import { Injectable } from '@nestjs/common';
import { OwnProgressRow, PredicateCountRow, UnitRow, YearEndProgressRepository } from './year-end-progress.repository';

/** The agency-wide counts of one (year, reference date): every unit's own figures, before any roll-up. */
export interface YearEndSnapshot {
  units: UnitRow[];
  own: OwnProgressRow[];
  predicates: PredicateCountRow[];
  /** When the counts were read (ISO 8601). */
  computedAt: string;
  /** Views built from this snapshot, by unit code ('' = the whole agency). */
  views: Map<string, unknown>;
}

interface Entry {
  change: string;
  at: number;
  snapshot?: YearEndSnapshot;
  pending?: Promise<YearEndSnapshot>;
}

/** A snapshot whose change counter still matches is re-read in the background after this many ms. */
const MAX_AGE_MS = 30_000;
const MAX_KEYS = 16;

/**
 * Pre-aggregated year-end counts for the dashboard (100,000 employees: one grouped pass costs ~0.1–1 s of
 * database time, too much per request at 20 concurrent viewers). One snapshot per (year, date) holds every
 * unit's own counts; any unit's roll-up is computed from it in memory. Freshness: the change counter
 * (sequence `monitoring_changes`, advanced by a statement trigger on units, unit_performance,
 * employee_assignments, skp and evaluations) is read per request; a changed counter waits for one shared
 * re-read, so a reader never sees figures older than a committed change it could observe. A snapshot older
 * than MAX_AGE_MS with an unchanged counter is served and re-read behind (covers a writer that advanced the
 * counter before committing).
 */
@Injectable()
export class YearEndSnapshotsService {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly store: YearEndProgressRepository) {}

  async get(year: number, asOf: string): Promise<YearEndSnapshot> {
    const key = `${year}|${asOf}`;
    const change = await this.store.changeCounter();
    const entry = this.entries.get(key);
    if (entry?.snapshot && entry.change === change) {
      if (Date.now() - entry.at > MAX_AGE_MS && !entry.pending)
        void this.refresh(key, year, asOf, change).catch(() => {});
      return entry.snapshot;
    }
    if (entry?.pending && entry.change === change) return entry.pending;
    return this.refresh(key, year, asOf, change);
  }

  private refresh(key: string, year: number, asOf: string, change: string): Promise<YearEndSnapshot> {
    const entry: Entry = this.entries.get(key) ?? { change, at: 0 };
    entry.change = change;
    const pending = this.read(year, asOf).then(
      (snapshot) => {
        if (entry.pending === pending) {
          entry.snapshot = snapshot;
          entry.at = Date.now();
          entry.pending = undefined;
        }
        return snapshot;
      },
      (err: unknown) => {
        if (entry.pending === pending) entry.pending = undefined;
        throw err;
      },
    );
    entry.pending = pending;
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Oldest first (a Map iterates in insertion order; a hit was moved to the end above).
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_KEYS) break;
      this.entries.delete(oldest);
    }
    return pending;
  }

  private async read(year: number, asOf: string): Promise<YearEndSnapshot> {
    const period = String(year);
    const computedAt = new Date().toISOString();
    const [units, own, predicates] = await Promise.all([
      this.store.units(period),
      this.store.ownProgress(asOf, year, period, null),
      this.store.predicateCounts(period, null),
    ]);
    return { units, own, predicates, computedAt, views: new Map() };
  }
}
