/**
 * The evaluations of an SKP as one json array for a reader that joins them in its own statement (the team
 * list): `{ period, periodKind, status, predicate, objectionDeadline }` each, periodic first then ANNUAL,
 * `[]` when none has started (or `skpId` is null). `objectionDeadline` is an ISO instant, set while ISSUED.
 */
export function evaluationStatusJsonSql(skpId: string): string {
  return `(SELECT COALESCE(json_agg(json_build_object('period', v.period, 'periodKind', v.period_kind, 'status', v.status,
                    'predicate', v.predicate,
                    'objectionDeadline', to_char(v.objection_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                    ORDER BY v.period_kind = 'ANNUAL', v.period), '[]'::json)
             FROM evaluations v WHERE v.skp_id = ${skpId})`;
}
