import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AllowanceWarning } from '../rules/allowance/types';
import type { AllowanceDeductionView, AllowanceRuleSetInfo, MyAllowanceLine } from './my-allowances.views';

interface Row {
  month: string;
  month_status: 'OPEN' | 'CLOSED';
  status: MyAllowanceLine['status'];
  kelas_jabatan: number | null;
  rule_set: string | null;
  basic_amount: string | null;
  performance_part: string | null;
  discipline_part: string | null;
  total_deductions: string | null;
  net_amount: string | null;
  deductions: AllowanceDeductionView[];
  warnings: AllowanceWarning[];
  held_amount: string;
  problem: string | null;
  explanation: Record<string, unknown>;
  version: number;
  adjustments: { forMonth: string; amount: number; reason: string }[] | null;
  rs_version: number | null;
  rs_code: string | null;
  rs_name: string | null;
  rs_status: AllowanceRuleSetInfo['status'] | null;
  rs_legal_refs: string[] | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

const num = (v: string | null) => (v === null ? null : Number(v));

/** One employee's allowance lines of a year, with the month's status and the corrections each carries. */
@Injectable()
export class MyAllowancesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async linesOfYear(employeeId: string, year: number): Promise<MyAllowanceLine[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT l.month, m.status AS month_status, l.status, l.kelas_jabatan, l.rule_set,
              l.basic_amount::text, l.performance_part::text, l.discipline_part::text,
              l.total_deductions::text, l.net_amount::text, l.deductions, l.warnings, l.held_amount::text,
              l.problem, l.explanation, l.version, adj.items AS adjustments,
              rs.code AS rs_code, rs.version AS rs_version, rs.body->>'name' AS rs_name,
              rs.body->>'status' AS rs_status, rs.body->'legalRefs' AS rs_legal_refs
         FROM allowance_lines l
         JOIN allowance_months m ON m.month = l.month
         LEFT JOIN allowance_rule_sets rs ON rs.code || '@' || rs.version = l.rule_set
         LEFT JOIN LATERAL (
           SELECT json_agg(json_build_object('forMonth', a.for_month, 'amount', a.amount, 'reason', a.reason)
                           ORDER BY a.created_at) AS items
             FROM allowance_adjustments a WHERE a.month = l.month AND a.employee_id = l.employee_id) adj ON true
        WHERE l.employee_id = $1 AND l.month BETWEEN $2 AND $3
        ORDER BY l.month`,
      [employeeId, `${year}-01`, `${year}-12`],
    );
    return rows.map((r) => {
      const adjustments = r.adjustments ?? [];
      const net = num(r.net_amount);
      const inputs = (r.explanation.inputs ?? {}) as Record<string, unknown>;
      return {
        month: r.month,
        monthStatus: r.month_status,
        status: r.status,
        kelasJabatan: r.kelas_jabatan,
        ruleSet: r.rule_set,
        ruleSetInfo:
          r.rs_code === null || r.rs_version === null
            ? null
            : {
                code: r.rs_code,
                version: r.rs_version,
                name: r.rs_name,
                status: r.rs_status === 'CONFIRMED' ? 'CONFIRMED' : 'INFERRED',
                legalRefs: Array.isArray(r.rs_legal_refs) ? r.rs_legal_refs.filter((x) => typeof x === 'string') : [],
              },
        predicatePeriod: str(inputs.predicatePeriod),
        predicateApplied: str(inputs.predicateApplied),
        workingDays: typeof inputs.workingDays === 'number' ? inputs.workingDays : null,
        basicAmount: num(r.basic_amount),
        performancePart: num(r.performance_part),
        disciplinePart: num(r.discipline_part),
        deductions: r.deductions,
        totalDeductions: num(r.total_deductions),
        netAmount: net,
        adjustments,
        payableAmount: net === null ? null : net + adjustments.reduce((s, a) => s + a.amount, 0),
        warnings: r.warnings,
        heldAmount: Number(r.held_amount),
        problem: r.problem,
        explanation: r.explanation,
        version: r.version,
      };
    });
  }
}
