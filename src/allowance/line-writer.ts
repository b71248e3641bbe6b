import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
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
      .map((l) => ({ nip: l.nip, status: l.status, problem: l.problem ?? '' })),
  };
}

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
  constructor(private readonly audit: AuditService) {}

  async upsert(m: EntityManager, month: string, runId: string, lines: ComputedLine[]): Promise<WriteReport> {
    const report = baseReport(lines);
    if (lines.length === 0) return report;
    const rows = lines.map((l) => ({
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
    const written: { inserted: boolean }[] = await m.query(
      `INSERT INTO allowance_lines AS t (employee_id, month, nip, status, kelas_jabatan, unit_id, rule_set, basic_amount, performance_part,
              discipline_part, total_deductions, net_amount, deductions, explanation, problem, figures_hash, warnings, held_amount, run_id)
       SELECT r.employee_id, $1, r.nip, r.status, r.kelas_jabatan, r.unit_id, r.rule_set, r.basic_amount, r.performance_part,
              r.discipline_part, r.total_deductions, r.net_amount, r.deductions, r.explanation, r.problem, r.figures_hash, r.warnings, r.held_amount, $3::uuid
         FROM jsonb_to_recordset($2::jsonb) AS r(employee_id uuid, nip text, status text, kelas_jabatan smallint, unit_id uuid, rule_set text,
              basic_amount bigint, performance_part bigint, discipline_part bigint, total_deductions bigint, net_amount bigint,
              deductions json, explanation json, problem text, figures_hash text, warnings json, held_amount bigint)
       ON CONFLICT (employee_id, month) DO UPDATE SET
         nip = EXCLUDED.nip, status = EXCLUDED.status, kelas_jabatan = EXCLUDED.kelas_jabatan, unit_id = EXCLUDED.unit_id,
         rule_set = EXCLUDED.rule_set, basic_amount = EXCLUDED.basic_amount, performance_part = EXCLUDED.performance_part,
         discipline_part = EXCLUDED.discipline_part, total_deductions = EXCLUDED.total_deductions, net_amount = EXCLUDED.net_amount,
         deductions = EXCLUDED.deductions, explanation = EXCLUDED.explanation, problem = EXCLUDED.problem,
         figures_hash = EXCLUDED.figures_hash, warnings = EXCLUDED.warnings, held_amount = EXCLUDED.held_amount, version = t.version + 1, run_id = EXCLUDED.run_id, updated_at = now()
       WHERE t.figures_hash <> EXCLUDED.figures_hash
       RETURNING (xmax = 0) AS inserted`,
      [month, JSON.stringify(rows), runId],
    );
    report.created = written.filter((w) => w.inserted).length;
    report.changed = written.length - report.created;
    report.unchanged = lines.length - written.length;
    return report;
  }

  /** Re-run of a CLOSED month: compare with the frozen lines (+ earlier adjustments) and carry differences forward. */
  async adjust(m: EntityManager, forMonth: string, runId: string, lines: ComputedLine[]): Promise<WriteReport> {
    const report = baseReport(lines);
    const computed = lines.filter((l) => l.status === 'COMPUTED');
    if (computed.length === 0) return report;
    const ids = computed.map((l) => l.employeeId);
    const frozen: {
      employee_id: string;
      net_amount: string | null;
      figures_hash: string;
      adjusted: string;
      last_hash: string | null;
    }[] = await m.query(
      `SELECT e.id AS employee_id, l.net_amount, COALESCE(l.figures_hash, '') AS figures_hash,
              COALESCE((SELECT sum(a.amount) FROM allowance_adjustments a WHERE a.employee_id = e.id AND a.for_month = $2), 0)::text AS adjusted,
              (SELECT a.corrected_hash FROM allowance_adjustments a WHERE a.employee_id = e.id AND a.for_month = $2 ORDER BY a.created_at DESC LIMIT 1) AS last_hash
         FROM unnest($1::uuid[]) AS e(id) LEFT JOIN allowance_lines l ON l.employee_id = e.id AND l.month = $2`,
      [ids, forMonth],
    );
    const byId = new Map(frozen.map((f) => [f.employee_id, f]));
    const target = await this.nextOpenMonth(m, forMonth);
    const adjustments: Record<string, unknown>[] = [];
    for (const l of computed) {
      const f = byId.get(l.employeeId)!;
      const currentHash = f.last_hash ?? f.figures_hash;
      if (currentHash === l.figuresHash) {
        report.unchanged++;
        continue;
      }
      const paid = Number(f.net_amount ?? 0) + Number(f.adjusted);
      const amount = l.netAmount! - paid;
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
    const inserted: { id: string; employee_id: string; amount: string; reason: string }[] = await m.query(
      `INSERT INTO allowance_adjustments (employee_id, month, for_month, amount, previous_net, corrected_net, corrected_hash, corrected, reason, run_id)
       SELECT r.employee_id, $1, $2, r.amount, r.previous_net, r.corrected_net, r.corrected_hash, r.corrected, r.reason, $4::uuid
         FROM jsonb_to_recordset($3::jsonb) AS r(employee_id uuid, amount bigint, previous_net bigint, corrected_net bigint, corrected_hash text, corrected jsonb, reason text)
       ON CONFLICT (employee_id, for_month, corrected_hash) DO NOTHING
       RETURNING id, employee_id, amount::text, reason`,
      [target, forMonth, JSON.stringify(adjustments), runId],
    );
    if (inserted.length) {
      // The carrying line changes for payroll, so its version moves.
      await m.query(
        `UPDATE allowance_lines SET version = version + 1, updated_at = now() WHERE month = $1 AND employee_id = ANY($2::uuid[])`,
        [target, inserted.map((i) => i.employee_id)],
      );
      await this.audit.recordMany(
        m,
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
  async nextOpenMonth(m: EntityManager, month: string): Promise<string> {
    const closed = new Set(
      (
        (await m.query(`SELECT month FROM allowance_months WHERE month > $1 AND status = 'CLOSED'`, [month])) as {
          month: string;
        }[]
      ).map((r) => r.month),
    );
    let next = addMonths(month, 1);
    while (closed.has(next)) next = addMonths(next, 1);
    await m.query(`INSERT INTO allowance_months (month) VALUES ($1) ON CONFLICT (month) DO NOTHING`, [next]);
    return next;
  }
}
