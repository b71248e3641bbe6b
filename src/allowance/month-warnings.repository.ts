import { EntityManager } from 'typeorm';

/** Lines of a month carrying each warning code (a line counts once per code). */
export async function monthWarningCounts(m: EntityManager, month: string): Promise<Record<string, number>> {
  const rows: { code: string; n: number }[] = await m.query(
    `SELECT w->>'code' AS code, count(DISTINCT l.id)::int AS n FROM allowance_lines l, json_array_elements(l.warnings) w
      WHERE l.month = $1 AND json_array_length(l.warnings) > 0 GROUP BY 1 ORDER BY 1`,
    [month],
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}
