import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../src/authz/access-policy';
import { NotFoundError, UnprocessableError } from '../../src/common/domain-errors';
import { DisciplineIntakeService } from '../../src/discipline/discipline-intake.service';
import { DisciplineModule } from '../../src/discipline/discipline.module';
import { DisciplineSanctionsReader } from '../../src/discipline/discipline-sanctions.repository';
import { EvaluationAccess } from '../../src/evaluation/evaluation-access.service';
import { EvaluationModule } from '../../src/evaluation/evaluation.module';
import { PpkEvaluationService } from '../../src/evaluation/ppk-evaluation.service';
import type { Principal } from '../../src/identity/principal';
import { OrgModule } from '../../src/org/org.module';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumApprovedSkp, mediumOrg, setMediumToday, type MediumOrg } from '../support/medium-org';

/**
 * The evaluation's access decision and the rating's discipline guard read their rows in the SKP + evaluation
 * statement (EvaluationRepository.loadWithSkp): the relations, the subject and the sanctions must be what the
 * separate reads (AccessPolicy.requireWithSubject, DisciplineSanctionsReader.sanctionsInPeriod) give.
 */
describe('evaluation access and sanctions read with the evaluation (medium)', () => {
  let m: MediumModule;
  let org: MediumOrg;
  let skp: Awaited<ReturnType<typeof mediumApprovedSkp>>;
  const Q = '2026-Q1';
  const accepted = ['ADMIN', 'SELF', 'PPK', 'ATASAN_PPK'] as const;

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule, EvaluationModule, DisciplineModule] });
    setMediumToday(m, '2026-02-02');
    org = await mediumOrg(m, 2);
    skp = await mediumApprovedSkp(m, org.staff[0], org.ppk, 2026);
    setMediumToday(m, '2026-03-10');
  });
  afterAll(() => m.close());

  const admin = (employeeId: string | null): Principal => ({
    kind: 'user',
    accountId: randomUUID(),
    nip: 'admin',
    role: 'ADMIN',
    employeeId,
  });

  /** What the separate read decides for the caller: the relations and subject, or the 404. */
  async function separately(p: Principal): Promise<unknown> {
    return m
      .get(AccessPolicy)
      .requireWithSubject(p, org.staff[0].employeeId, '2026-03-10', [...accepted], 'Evaluasi')
      .then(({ rel, subject }) => ({ rel: [...rel], subject }))
      .catch((e: unknown) => (e instanceof NotFoundError ? 'not found' : e));
  }

  it('gives each caller the relations and subject of the separate access read (404 alike)', async () => {
    const callers: [string, Principal][] = [
      ['self', org.staff[0].p],
      ['ppk', org.ppk.p],
      ['atasan ppk (no appeal: 404 from the step, the relation from the read)', org.head.p],
      ['peer', org.staff[1].p],
      ['leader', org.leader.p],
      ['admin without an employee', admin(null)],
      ['admin who is the ppk', admin(org.ppk.employeeId)],
    ];
    for (const [who, p] of callers) {
      const expected = await separately(p);
      const loaded = await m
        .get(EvaluationAccess)
        .load(p, skp.id, Q, false)
        .then((c) => ({ rel: [...c.rel], subject: c.subject }))
        .catch((e: unknown) => (e instanceof NotFoundError ? 'not found' : e));
      // The atasan PPK's relation is granted by the read, and then refused without an appeal (as before).
      const want =
        typeof expected === 'object' && (expected as { rel: string[] }).rel.join() === 'ATASAN_PPK'
          ? 'not found'
          : expected;
      expect({ who, loaded }).toEqual({ who, loaded: want });
    }
    expect(await separately(org.ppk.p)).toMatchObject({ rel: ['PPK'], subject: { nip: org.staff[0].nip } });
  });

  /**
   * A decided sanction of the employee: the case opened by the intake (subject and classification as every case
   * has them: other specs list all cases of the shared database), then decided with the columns the guard reads.
   */
  async function sanction(employeeId: string, decidedOn: string, from: string, to: string | null, status: string) {
    const id = await m.txHost.withTransaction(() =>
      m.get(DisciplineIntakeService).open({
        employeeId,
        kind: 'OTHER',
        act: 'LAIN',
        stage: null,
        occurredOn: '2025-12-01',
        reportedOn: '2025-12-02',
        reportedBy: 'test',
        evidenceUrls: [],
        description: null,
      }),
    );
    await m.get(DataSource).query(
      `UPDATE discipline_cases SET status = $2, decided_sanction = 'TEGURAN_TERTULIS', decided_level = 'RINGAN', decided_on = $3,
              effective_from = $4, effective_to = $5, decision_ref = 'SK/1' WHERE id = $1`,
      [id, status, decidedOn, from, to],
    );
  }

  const rate = (skpId: string, behaviorJustification?: string) =>
    m.get(PpkEvaluationService).rate(org.ppk.p, skpId, Q, {
      resultRating: 'SESUAI_EKSPEKTASI',
      behaviorRating: 'SESUAI_EKSPEKTASI',
      feedback: [],
      ...(behaviorJustification ? { behaviorJustification } : {}),
    } as Parameters<PpkEvaluationService['rate']>[3]);

  it('reads the sanctions of the period as DisciplineSanctionsReader does, and the guard uses them', async () => {
    const emp = org.staff[0].employeeId;
    await sanction(emp, '2026-02-10', '2026-02-15', null, 'EFFECTIVE'); // decided in the quarter
    await sanction(emp, '2025-11-01', '2025-11-10', '2026-01-05', 'ENDED'); // in effect into the quarter
    await sanction(emp, '2025-10-01', '2025-10-10', '2025-12-31', 'ENDED'); // over before it: not in the period
    const expected = await m.get(DisciplineSanctionsReader).sanctionsInPeriod(emp, '2026-01', '2026-03');
    expect(expected).toHaveLength(2);
    const c = await m.get(EvaluationAccess).load(org.ppk.p, skp.id, Q, false, { sanctions: true });
    expect(c.read.sanctions).toEqual(expected);
    expect((await m.get(EvaluationAccess).load(org.ppk.p, skp.id, Q, false)).read.sanctions).toBeUndefined();

    setMediumToday(m, '2026-04-06');
    await expect(rate(skp.id)).rejects.toBeInstanceOf(UnprocessableError);
    const rated = await rate(skp.id, 'Perbaikan perilaku sejak teguran');
    expect(rated).toMatchObject({
      status: 'RATED',
      warnings: [{ code: 'DISCIPLINE_SANCTION_IN_PERIOD', caseIds: expected.map((x) => x.caseId) }],
    });
  });

  it('an SKP starting inside the quarter: the guard reads the fitted months, not the calendar ones', async () => {
    setMediumToday(m, '2026-02-02');
    const other = await mediumApprovedSkp(m, org.staff[1], org.ppk, 2026);
    await m.get(DataSource).query(`UPDATE skp SET period_start = '2026-02-15' WHERE id = $1`, [other.id]);
    const emp = org.staff[1].employeeId;
    await sanction(emp, '2026-01-10', '2026-01-10', '2026-02-01', 'ENDED'); // in January only
    expect(await m.get(DisciplineSanctionsReader).sanctionsInPeriod(emp, '2026-01', '2026-03')).toHaveLength(1);
    setMediumToday(m, '2026-04-06');
    const c = await m.get(EvaluationAccess).load(org.ppk.p, other.id, Q, false, { sanctions: true });
    expect({ from: c.p.fromMonth, sanctions: c.read.sanctions }).toEqual({ from: '2026-03', sanctions: undefined });
    const rated = await rate(other.id);
    expect(rated.status).toBe('RATED');
    expect(rated).not.toHaveProperty('warnings');
  });
});
