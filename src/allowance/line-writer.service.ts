import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError } from '../common/domain-errors';
import { AllowanceLinesRepository } from './allowance-lines.repository';
import { AllowanceMonthsRepository } from './allowance-months.repository';
import { addMonths } from './months';
import { ComputedLine } from './computed-line';

export interface WriteReport {
  computed: number;
  noRuleSet: number;
  errors: number;
  attendanceMissing: number;
  created: number;
  changed: number;
  unchanged: number;
  adjustments: number;
  /** Lines carrying each warning code (a line counts once per code). */
  warnings: Record<string, number>;
  /** First few employees that were not computed, with the reason (never silently paid). */
  problems: { nip: string; status: string; problem: string }[];
}

const PROBLEMS_PER_CHUNK = 20;

function baseReport(lines: ComputedLine[]): WriteReport {
  return {
    computed: lines.filter((l) => l.status === 'COMPUTED').length,
    noRuleSet: lines.filter((l) => l.status === 'NO_RULE_SET').length,
    errors: lines.filter((l) => l.status === 'ERROR').length,
    attendanceMissing: lines.filter((l) => l.status === 'COMPUTED' && l.attendanceMissing).length,
    created: 0,
    changed: 0,
    unchanged: 0,
    adjustments: 0,
    warnings: countWarnings(lines),
    problems: lines
      .filter((l) => l.status !== 'COMPUTED')
      .slice(0, PROBLEMS_PER_CHUNK)
      .map((l) => ({ nip: l.nip, status: l.status, problem: l.problem })),
  };
}

const byNip = (a: { nip: string }, b: { nip: string }): number => (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0);

export function countWarnings(lines: Pick<ComputedLine, 'warnings'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const l of lines)
    for (const code of new Set(l.warnings.map((w) => w.code))) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

/**
 * Writes computed lines. An open month: one multi-row upsert per chunk; a line's version moves
 * only when its figures hash changes. A closed month: never edited — a difference becomes an
 * audited adjustment carried by the next open month.
 */
@Injectable()
export class LineWriter {
  constructor(
    private readonly lines: AllowanceLinesRepository,
    private readonly months: AllowanceMonthsRepository,
    private readonly audit: AuditService,
  ) {}

  async upsert(month: string, runId: string, lines: ComputedLine[]): Promise<WriteReport> {
    const report = baseReport(lines);
    if (lines.length === 0) return report;
    // Written in NIP order, the order payroll pages read them in: a page of 1,000 lines then reads about
    // 500 heap pages instead of 1,000 (EXPLAIN in docs/performance.md).
    const rows = [...lines].sort(byNip).map((l) => ({
      employee_id: l.employeeId,
      nip: l.nip,
      status: l.status,
      kelas_jabatan: l.kelasJabatan,
      unit_id: l.unitId,
      rule_set: l.ruleSet,
      basic_amount: l.basicAmount,
      performance_part: l.performancePart,
      discipline_part: l.disciplinePart,
      total_deductions: l.totalDeductions,
      net_amount: l.netAmount,
      deductions: l.deductions.map((d) => ({ code: d.code, amount: d.amount, reason: d.reason })),
      explanation: l.explanation,
      problem: l.problem,
      figures_hash: l.figuresHash,
      warnings: l.warnings,
      held_amount: l.heldAmount,
    }));
    const written = await this.lines.upsertLines(month, runId, rows);
    report.created = written.filter((w) => w.inserted).length;
    report.changed = written.length - report.created;
    report.unchanged = lines.length - written.length;
    return report;
  }

  /** Re-run of a CLOSED month: compare with the frozen lines (+ earlier adjustments) and carry differences forward. */
  async adjust(forMonth: string, runId: string, lines: ComputedLine[]): Promise<WriteReport> {
    const report = baseReport(lines);
    const computed = lines.filter((l) => l.status === 'COMPUTED');
    if (computed.length === 0) return report;
    const ids = computed.map((l) => l.employeeId);
    const frozen = await this.lines.frozenLines(ids, forMonth);
    const byId = new Map(frozen.map((f) => [f.employee_id, f]));
    const target = await this.nextOpenMonth(forMonth);
    const adjustments: Record<string, unknown>[] = [];
    for (const l of computed) {
      const f = byId.get(l.employeeId);
      // frozenLines answers one row per employee asked, whether the closed month has a line for them or not.
      if (!f)
        throw new ConflictError(
          `Baris TPP ${forMonth} pegawai ${l.nip} tidak terbaca / no frozen line read for ${l.nip}`,
        );
      const currentHash = f.last_hash ?? f.figures_hash;
      if (currentHash === l.figuresHash) {
        report.unchanged++;
        continue;
      }
      const paid = Number(f.net_amount ?? 0) + Number(f.adjusted);
      const amount = l.netAmount - paid;
      if (amount === 0) {
        report.unchanged++;
        continue;
      }
      adjustments.push({
        employee_id: l.employeeId,
        amount,
        previous_net: paid,
        corrected_net: l.netAmount,
        corrected_hash: l.figuresHash,
        corrected: {
          ruleSet: l.ruleSet,
          basicAmount: l.basicAmount,
          performancePart: l.performancePart,
          disciplinePart: l.disciplinePart,
          deductions: l.deductions,
          netAmount: l.netAmount,
          warnings: l.warnings,
          explanation: l.explanation,
        },
        reason: `Koreksi TPP ${forMonth} setelah bulan ditutup: dibayar Rp${paid}, seharusnya Rp${l.netAmount} → selisih ${amount > 0 ? '+' : ''}${amount} / correction of closed month ${forMonth}`,
      });
    }
    if (adjustments.length === 0) return report;
    const inserted = await this.lines.insertAdjustments(target, forMonth, runId, adjustments);
    if (inserted.length) {
      await this.lines.bumpVersions(
        target,
        inserted.map((i) => i.employee_id),
      );
      await this.audit.recordMany(
        inserted.map((i) => ({
          action: 'allowance.adjustment.created',
          entityType: 'allowance_adjustment',
          entityId: i.id,
          before: null,
          after: { employeeId: i.employee_id, month: target, forMonth, amount: Number(i.amount), runId },
          reason: i.reason,
        })),
      );
    }
    report.adjustments = inserted.length;
    report.unchanged += adjustments.length - inserted.length;
    return report;
  }

  /** The first month after `month` that is not closed (created OPEN when it has no row yet). */
  async nextOpenMonth(month: string): Promise<string> {
    const closed = new Set(await this.lines.closedMonthsAfter(month));
    let next = addMonths(month, 1);
    while (closed.has(next)) next = addMonths(next, 1);
    await this.months.ensure(next);
    return next;
  }
}
