import { DistributionService } from '../../src/evaluation/distribution.service';
import { EmployeeEvaluationService } from '../../src/evaluation/employee-evaluation.service';
import { EvaluationExpiryHandler } from '../../src/evaluation/evaluation-expiry.handler';
import { EvaluationModule } from '../../src/evaluation/evaluation.module';
import { EvaluationService } from '../../src/evaluation/evaluation.service';
import { OrgPerformanceService } from '../../src/evaluation/org-performance.service';
import { PpkEvaluationService } from '../../src/evaluation/ppk-evaluation.service';
import type { JobContext } from '../../src/jobs/job-context';
import { parsePeriodId } from '../../src/evaluation/periods';
import { OrgDirectory } from '../../src/org/org-directory.service';
import { OrgModule } from '../../src/org/org.module';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumApprovedSkp, mediumOrg, mediumUnit, setMediumToday, type MediumOrg } from '../support/medium-org';

/**
 * One quarter of the evaluation cycle on the real PostgreSQL (medium: the evaluation services with
 * their repositories, no HTTP, no worker): realisations → rating (predicate from the matrix) → issue
 * → objection window expiry to FINAL (spec 01 §11), with the status machine refusing steps out of order.
 */
describe('evaluation cycle (medium: services + repositories on PostgreSQL)', () => {
  let m: MediumModule;
  let org: MediumOrg;
  let skp: Awaited<ReturnType<typeof mediumApprovedSkp>>;
  const Q = '2026-Q1';

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule, EvaluationModule] });
    setMediumToday(m, '2026-02-02');
    org = await mediumOrg(m, 1);
    skp = await mediumApprovedSkp(m, org.staff[0], org.ppk, 2026);
  });
  afterAll(() => m.close());

  const staff = () => org.staff[0];
  const rating = (behaviorRating: 'DI_ATAS_EKSPEKTASI' | 'SESUAI_EKSPEKTASI') =>
    m.get(PpkEvaluationService).rate(org.ppk.p, skp.id, Q, {
      resultRating: 'SESUAI_EKSPEKTASI',
      behaviorRating,
      feedback: [
        { resultId: skp.results[0].id, text: 'Tindak lanjut rujukan konsisten' },
        { coreValue: 'BERORIENTASI_PELAYANAN', text: 'Ramah dan responsif' },
      ],
      note: 'Pertahankan kinerja',
    } as Parameters<PpkEvaluationService['rate']>[3]);
  const read = () => m.get(EvaluationService).get(org.ppk.p, skp.id, Q);

  it('rates the realised quarter: the matrix predicate with its explanation, read back RATED', async () => {
    setMediumToday(m, '2026-04-06');
    const items = skp.results.flatMap((r) =>
      r.indicators.map((i) => ({
        indicatorId: i.id,
        realization: 'Tercapai 97 %',
        evidenceUrls: ['https://bukti.example.go.id/laporan.pdf'],
      })),
    );
    const submitted = await m.get(EmployeeEvaluationService).putRealizations(staff().p, skp.id, Q, { items });
    expect(submitted.status).toBe('SUBMITTED');

    const rated = await rating('DI_ATAS_EKSPEKTASI');
    expect(rated).toMatchObject({
      status: 'RATED',
      resultRating: 'SESUAI_EKSPEKTASI',
      behaviorRating: 'DI_ATAS_EKSPEKTASI',
      predicate: 'BAIK',
    });
    expect(rated.explanation).toMatchObject({ ruleId: expect.stringContaining('predikat.matrix') });
    // A second rating before issue replaces the first (RATED → RATED), as read back.
    await rating('SESUAI_EKSPEKTASI');
    const back = await read();
    expect(back).toMatchObject({ status: 'RATED', behaviorRating: 'SESUAI_EKSPEKTASI', predicate: 'BAIK' });
    expect(back.results[0]).toMatchObject({ feedback: 'Tindak lanjut rujukan konsisten' });
    expect(back.results[0].indicators[0]).toMatchObject({ realization: 'Tercapai 97 %', target: '95 %' });
    // Realisations are locked once rated.
    await expect(m.get(EmployeeEvaluationService).putRealizations(staff().p, skp.id, Q, { items })).rejects.toThrow(
      /RATED/,
    );
  });

  it('issues it (objection window from the clock) and refuses a new rating or a second issue', async () => {
    await m
      .get(OrgPerformanceService)
      .setPerformance(org.leader.p, org.unitCode, Q, { predicate: 'BAIK', note: 'Capaian rencana aksi' } as Parameters<
        OrgPerformanceService['setPerformance']
      >[3]);
    const issued = await m
      .get(PpkEvaluationService)
      .finalize(org.ppk.p, skp.id, Q, { justification: 'Unit kecil: satu pegawai dinilai' });
    expect(issued).toMatchObject({ status: 'ISSUED', orgPredicate: 'BAIK', predicate: 'BAIK' });
    const deadline = Date.parse(issued.objectionDeadline!) - Date.parse(issued.issuedAt!);
    expect(deadline).toBe(14 * 24 * 3600 * 1000);

    await expect(rating('DI_ATAS_EKSPEKTASI')).rejects.toThrow(/ISSUED/);
    await expect(m.get(PpkEvaluationService).finalize(org.ppk.p, skp.id, Q, {})).rejects.toThrow();
    expect(await read()).toMatchObject({ status: 'ISSUED', behaviorRating: 'SESUAI_EKSPEKTASI' });
  });

  it('gives a batch the same distribution unit and report per unit as one finalisation computes', async () => {
    const dir = m.get(OrgDirectory);
    const below = await mediumUnit(m, org.unitCode, 'MS');
    const ids = await Promise.all([org.parentCode, org.unitCode, below].map(async (c) => (await dir.unitIdByCode(c))!));
    const dist = m.get(DistributionService);
    const per = parsePeriodId(Q)!;
    const batch = await dist.reportsByUnit(ids, per);
    for (const id of ids) {
      const unitId = await dist.distributionUnitId(id, Q);
      expect(batch.get(id)).toEqual({ unitId, report: await dist.report(unitId, per) });
    }
    // The sub-unit without its own org predicate counts in its parent's (BAIK) distribution, which counts the issued one.
    expect(batch.get(ids[2])).toMatchObject({ unitId: ids[1], report: { orgPredicate: 'BAIK', population: 1 } });
    expect(batch.get(ids[0])).toMatchObject({ unitId: ids[0], report: { orgPredicate: null, ok: false } });
  });

  it('becomes FINAL when the objection window has passed, once, with its transition and event', async () => {
    // The repeatable job's handler, as the worker runs it (its own transactions).
    const sweep = () => m.get(EvaluationExpiryHandler).handle({}, {} as JobContext);
    const before = await read();
    // Inside the window nothing expires.
    await sweep();
    expect((await read()).status).toBe('ISSUED');

    m.clock.advance(15 * 24 * 3600 * 1000);
    expect((await sweep()).finalized).toBeGreaterThanOrEqual(1);
    await sweep();

    const final = await read();
    expect(final).toMatchObject({ status: 'FINAL', finalizedBy: 'EXPIRY', predicate: 'BAIK', revision: 0 });
    expect(final.history.map((h) => [h.from, h.to, h.action])).toEqual([
      ['DRAFT', 'SUBMITTED', expect.any(String)],
      ['SUBMITTED', 'RATED', expect.any(String)],
      ['RATED', 'RATED', expect.any(String)],
      ['RATED', 'ISSUED', 'FINALIZE'],
      ['ISSUED', 'FINAL', 'EXPIRY'],
    ]);
    expect(final.history.at(-1)).toMatchObject({ actor: 'system' });
    const events = await m.dataSource.query(
      `SELECT payload FROM outbox WHERE event_type = 'EvaluationFinalized' AND aggregate_id = $1`,
      [before.id],
    );
    expect(events).toEqual([{ payload: { evaluationId: before.id, revision: 0 } }]);
  });
});
