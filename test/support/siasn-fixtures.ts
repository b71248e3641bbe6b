import {
  createEvalOrg,
  evalPath,
  putRealizations,
  rate,
  setPerformance,
  setToday,
  type EvalOrg,
  type Rating,
} from './evaluation-fixtures';
import { approvedSkp, createEmployee, skpBody, type Person } from './org-skp-fixtures';
import type { FakeSiasn } from './siasn-fake';
import type { TestApp } from './test-app';

export interface JfCase {
  person: Person;
  skp: { id: string; results: { id: string; indicators: { id: string }[] }[] };
  resultRating: Rating;
  behaviorRating: Rating;
}

/** A unit with one JF Ahli Pertama per rating pair, each with an APPROVED 2026 SKP (clock left on 2026-02-02). */
export async function jfUnit(t: TestApp, pairs: [Rating, Rating][]): Promise<{ org: EvalOrg; cases: JfCase[] }> {
  setToday(t, '2026-02-02');
  const org = await createEvalOrg(t, 0);
  const cases: JfCase[] = [];
  for (const [resultRating, behaviorRating] of pairs) {
    const person = await createEmployee(t, {
      unitCode: org.unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      supervisorNip: org.ppk.nip,
      golongan: 'III/a',
      kelasJabatan: 8,
      title: 'Perawat Ahli Pertama',
    });
    cases.push({ person, skp: await approvedSkp(t, person, org.ppk, skpBody(2026)), resultRating, behaviorRating });
  }
  return { org, cases };
}

/** Rates, finalises and accepts the 2026 annual evaluation of every case (clock moved to 2027-01-08): all FINAL. */
export async function finalAnnuals(t: TestApp, org: EvalOrg, cases: JfCase[]): Promise<string[]> {
  return finalEvaluations(t, org, cases, '2026', '2027-01-08');
}

/**
 * Rates, finalises and accepts the evaluation of `period` (`2026`, `2026-Q1`, `2026-03`) of every case, on
 * `today` (after the period): all FINAL. Answers the evaluation ids.
 */
export async function finalEvaluations(
  t: TestApp,
  org: EvalOrg,
  cases: JfCase[],
  period: string,
  today: string,
): Promise<string[]> {
  setToday(t, today);
  for (const c of cases) {
    const r = await putRealizations(t, c.person, c.skp, period);
    if (r.status !== 200) throw new Error(`realizations: ${r.status} ${r.text}`);
    const rated = await rate(t, org.ppk, c.skp, period, c.resultRating, c.behaviorRating);
    if (rated.status !== 200) throw new Error(`rate: ${rated.status} ${rated.text}`);
  }
  const perf = await setPerformance(t, org.leader.token, org.unitCode, period, 'ISTIMEWA');
  if (perf.status !== 200) throw new Error(`performance: ${perf.status} ${perf.text}`);
  const ids: string[] = [];
  for (const c of cases) {
    const fin = await t.request('POST', `${evalPath(c.skp.id, period)}/finalize`, {
      token: org.ppk.token,
      body: { justification: 'Sebaran sesuai capaian unit' },
    });
    if (fin.status !== 200) throw new Error(`finalize: ${fin.status} ${fin.text}`);
    const acc = await t.request('POST', `${evalPath(c.skp.id, period)}/accept`, { token: c.person.token });
    if (acc.status !== 200 || acc.body.status !== 'FINAL') throw new Error(`accept: ${acc.status} ${acc.text}`);
    ids.push(acc.body.id as string);
  }
  return ids;
}

/** A SIASN-looking person id for a NIP (stable, so tests can predict bodies). */
export const pnsIdOf = (nip: string) => `PNS-${nip}`;

/** The cases become persons the fake SIASN knows and are mapped to their SIASN ids; answers the import's status. */
export async function mapSiasnIdentities(t: TestApp, fake: FakeSiasn, admin: string, cases: JfCase[]): Promise<number> {
  for (const c of cases) fake.store.addPerson(c.person.nip, pnsIdOf(c.person.nip));
  const mapped = await t.request('POST', '/api/v1/siasn/identities', {
    token: admin,
    body: cases.map((c) => ({ nip: c.person.nip, siasnPnsId: pnsIdOf(c.person.nip) })),
  });
  return mapped.status;
}
