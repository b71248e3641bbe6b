import type { TestApp } from './test-app';

/**
 * Records a FINAL evaluation and its EvaluationFinalized outbox event in one transaction, exactly as
 * the evaluation service does when a result becomes FINAL (for pipeline tests that start from FINAL).
 */
export async function recordFinalEvaluation(
  t: TestApp,
  nip: string,
  period: string,
  predicate: string,
  revision = 0,
): Promise<string> {
  return t.dataSource.transaction(async (m) => {
    const [emp] = await m.query(`SELECT id FROM employees WHERE nip = $1`, [nip]);
    const year = Number(period.slice(0, 4));
    const snapshot = JSON.stringify({ nip });
    const [skp] = await m.query(
      `INSERT INTO skp (employee_id, year, approach, form_type, status, created_snapshot, approved_at)
       VALUES ($1, $2, 'KUANTITATIF', 'JA_JF', 'APPROVED', $3, now())
       ON CONFLICT (employee_id, period_start) WHERE kind = 'DEFINITIVE' DO UPDATE SET status = 'APPROVED' RETURNING id`,
      [emp.id, year, snapshot],
    );
    const kind = period.length === 4 ? 'ANNUAL' : period.includes('Q') ? 'QUARTERLY' : 'MONTHLY';
    const q = kind === 'QUARTERLY' ? Number(period.slice(6)) : 0;
    const from =
      kind === 'ANNUAL'
        ? `${year}-01`
        : kind === 'QUARTERLY'
          ? `${year}-${String(q * 3 - 2).padStart(2, '0')}`
          : period;
    const to =
      kind === 'ANNUAL' ? `${year}-12` : kind === 'QUARTERLY' ? `${year}-${String(q * 3).padStart(2, '0')}` : period;
    const [ev] = await m.query(
      `INSERT INTO evaluations (skp_id, employee_id, period, period_kind, from_month, to_month, status, result_rating, behavior_rating, predicate, finalized_at, finalized_by, revision)
       VALUES ($1, $2, $3, $4, $5, $6, 'FINAL', 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', $7, now(), 'ACCEPT', $8) RETURNING id`,
      [skp.id, emp.id, period, kind, from, to, predicate, revision],
    );
    await m.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dedupe_key, correlation_id)
       VALUES ('EvaluationFinalized', 'Evaluation', $1, $2, $3, 'test')`,
      [ev.id, JSON.stringify({ evaluationId: ev.id, revision }), `evaluation-finalized:${ev.id}:${revision}`],
    );
    return ev.id as string;
  });
}
