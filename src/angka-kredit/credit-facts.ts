import { UnprocessableError } from '../common/domain-errors';
import type { Explanation, Golongan, Jenjang, LedgerInput } from '../rules';

/** One row of `employee_assignments` as the ledger reads it. */
export interface AssignmentRow {
  valid_from: string;
  position_kind: string;
  jenjang: string | null;
  golongan: string;
}

export interface PredicateRow {
  period: string;
  predicate: string;
  evaluation_id: string;
  period_kind: string;
  to_month: string;
  from_month: string;
}

export interface OpeningRow {
  kind: string;
  conventional_total: string | null;
  /** The opening amount (`ak_openings.amount` is NOT NULL); the ledger recomputes it for INTEGRASI/AK_DASAR. */
  amount: string;
  jenjang: string;
  /** The ak.opening explanation of an 04 §4 entry. */
  explanation?: Explanation | null;
}

export interface EducationRow {
  degree: string;
  awarded_on: string;
}

/** A discipline sanction as the KP calendar reads it (04 §3.3). */
export interface KpSanction {
  type: string;
  effectiveFrom: string;
  caseId: string;
}

export interface CreditFacts {
  employeeId: string;
  nip: string;
  /** A PPPK gets an informational ledger (04 §6, AK_PPPK_LEDGER). */
  status: 'PNS' | 'PPPK';
  input: LedgerInput;
  monthsInPangkat: number;
  monthsInJenjang: number;
  /** First day in the current golongan (start of the months in pangkat). */
  pangkatSince: string;
  recentAnnualPredicates: string[];
  /** A SEDANG/BERAT discipline sanction in force today: no kenaikan pangkat (03 §12.4–§12.5). */
  hukdisInForce?: {
    caseId: string;
    sanction: string;
    level: string;
    effectiveFrom: string;
    effectiveTo: string | null;
  } | null;
  /** Decided sanctions that may move the KP TMT (04 §3.3). */
  kpSanctions: KpSanction[];
  /** An entry into the JF by an 04 §4 route: the ledger opens with its amount, shown with this explanation. */
  openingRoute?: { route: string; explanation: Explanation | null } | null;
}

/** First month that counts for a position that starts on `date`: the jenjang held on the 1st (02 P-02). */
export function firstCountedMonth(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (d === 1) return `${y}-${String(m).padStart(2, '0')}`;
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

export function groupBy<T extends { employee_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.employee_id);
    if (list) list.push(r);
    else out.set(r.employee_id, [r]);
  }
  return out;
}

/** The current uninterrupted JF tenure (assignments ordered by valid_from), or null when today's position is not JF. */
export function jfTenure(rows: AssignmentRow[]): AssignmentRow[] | null {
  const last = rows.at(-1);
  if (!last || last.position_kind !== 'FUNGSIONAL' || !last.jenjang) return null;
  let start = rows.length - 1;
  while (start > 0 && rows[start - 1].position_kind === 'FUNGSIONAL' && rows[start - 1].jenjang) start--;
  return rows.slice(start);
}

/** First day of the current golongan in an assignment history ordered by valid_from. */
export function pangkatSince(rows: AssignmentRow[]): string {
  let i = rows.length - 1;
  while (i > 0 && rows[i - 1].golongan === rows[rows.length - 1].golongan) i--;
  return rows[i].valid_from;
}

/**
 * A periodic evaluation cut by an SKP split covers only its SKP's months (spec 04 §1.4: a month goes to
 * the SKP in force on its first day): it is credited month by month, so the two halves of a split
 * quarter never count a month twice. Whole periods and annual evaluations keep their period id.
 */
function periodsOf(p: PredicateRow): string[] {
  const span = (from: string, to: string) =>
    Number(to.slice(0, 4)) * 12 +
    Number(to.slice(5, 7)) -
    (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7))) +
    1;
  const natural = p.period_kind === 'QUARTERLY' ? 3 : 1;
  if (p.period_kind === 'ANNUAL' || !p.to_month || span(p.from_month, p.to_month) >= natural) return [p.period];
  const out: string[] = [];
  for (let i = 0; i < span(p.from_month, p.to_month); i++) {
    const idx = Number(p.from_month.slice(0, 4)) * 12 + Number(p.from_month.slice(5, 7)) - 1 + i;
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * The ledger's opening: INTEGRASI/AK_DASAR are recomputed by the ledger; an 04 §4 entry opens it with the amount
 * ak.opening computed when it was recorded (the ledger's fixed-amount opening).
 */
function openingOf(o: OpeningRow | undefined): LedgerInput['opening'] {
  if (!o) return undefined;
  if (o.kind === 'AK_DASAR') return { kind: 'AK_DASAR' };
  if (o.kind === 'INTEGRASI') {
    // An INTEGRASI entry is recorded with its conventional total (02 §9); one without it cannot be recomputed.
    if (o.conventional_total === null)
      throw new UnprocessableError(
        'Entri awal INTEGRASI tanpa total angka kredit konvensional / the INTEGRASI opening has no conventional total',
        [{ field: 'conventionalTotal', problem: 'missing on the stored INTEGRASI opening' }],
      );
    return { kind: 'INTEGRASI', conventionalTotal: o.conventional_total };
  }
  return { kind: 'LAMA', amount: o.amount };
}

export interface FactRows {
  employeeId: string;
  nip: string;
  status: 'PNS' | 'PPPK';
  tenure: AssignmentRow[];
  preds: PredicateRow[];
  openings: OpeningRow[];
  education: EducationRow[];
  today: string;
  hukdisInForce: CreditFacts['hukdisInForce'];
  kpSanctions: KpSanction[];
}

/** Facts from the rows of one employee (shared by the single and the batch path). */
export function buildFacts(r: FactRows): CreditFacts {
  const { tenure, preds } = r;
  const last = tenure[tenure.length - 1];
  const changes: LedgerInput['changes'] = [];
  for (let i = 1; i < tenure.length; i++) {
    const prev = tenure[i - 1];
    const cur = tenure[i];
    if (cur.jenjang !== prev.jenjang || cur.golongan !== prev.golongan) {
      changes.push({
        tmt: `${firstCountedMonth(cur.valid_from)}-01`,
        jenjang: cur.jenjang as Jenjang,
        golongan: cur.golongan as Golongan,
      });
    }
  }
  const input: LedgerInput = {
    status: r.status,
    jenjang: tenure[0].jenjang as Jenjang,
    golongan: tenure[0].golongan as Golongan,
    opening: openingOf(r.openings[0]),
    predicates: preds.flatMap((p) =>
      periodsOf(p).map((period) => ({ period, predicate: p.predicate, evaluationId: p.evaluation_id })),
    ),
    changes,
    education: r.education.map((e) => ({ degree: e.degree, awardedOn: e.awarded_on })),
  };
  let jenjangStart = tenure.length - 1;
  while (jenjangStart > 0 && tenure[jenjangStart - 1].jenjang === last.jenjang) jenjangStart--;
  const annual = preds
    .filter((p) => p.period_kind === 'ANNUAL')
    .map((p) => p.predicate)
    .reverse();
  const since = pangkatSince(tenure);
  return {
    employeeId: r.employeeId,
    nip: r.nip,
    status: r.status,
    input,
    monthsInPangkat: monthsBetween(since, r.today),
    monthsInJenjang: monthsBetween(tenure[jenjangStart].valid_from, r.today),
    pangkatSince: since,
    recentAnnualPredicates: annual,
    hukdisInForce: r.hukdisInForce,
    kpSanctions: r.kpSanctions,
    openingRoute:
      r.openings[0] && !['INTEGRASI', 'AK_DASAR'].includes(r.openings[0].kind)
        ? { route: r.openings[0].kind, explanation: r.openings[0].explanation ?? null }
        : null,
  };
}
