import { parse } from 'csv-parse/sync';
import { casesPath } from '../support/discipline-fixtures';
import { createEvalOrg, EvalOrg, setToday } from '../support/evaluation-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const electionsPath = '/api/v1/discipline/elections';

/**
 * Spec 04 §7 through HTTP: the recommending body of a netralitas act changes from KASN to BKN on
 * 24 August 2024; elections are data (admin, validated, audited) whose penetapan date decides
 * BAKAL_CALON vs CALON; `listeningOnly` is recorded for the examiner and leaves the classification as is.
 */
describe('netralitas: recommending body, elections and listeningOnly (04 §7)', () => {
  let t: TestApp;
  let admin: string;
  let org: EvalOrg;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.adminToken();
    setToday(t, '2026-02-02');
    org = await createEvalOrg(t, 2);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const report = (body: Record<string, unknown>) =>
    t.request('POST', casesPath, {
      token: admin,
      body: { nip: org.staff[0].nip, kind: 'NETRALITAS', act: 'N05', reportedBy: 'Bawaslu Kabupaten', ...body },
    });

  it('an act on 23 August 2024 shows KASN, one on 24 August 2024 shows BKN, each with the rule explanation', async () => {
    const kasn = await report({ occurredOn: '2024-08-23' });
    expect(kasn.status).toBe(201);
    expect(kasn.body.netralitas.recommendingBody).toMatchObject({
      body: 'KASN',
      name: 'Komisi Aparatur Sipil Negara',
      onDate: '2024-08-23',
      explanation: { ruleId: 'netralitas.recommendingBody', status: 'CONFIRMED' },
    });
    const bkn = await report({ occurredOn: '2024-08-24' });
    expect(bkn.status).toBe(201);
    expect(bkn.body.netralitas.recommendingBody).toMatchObject({ body: 'BKN', onDate: '2024-08-24' });
    expect(bkn.body.netralitas.recommendingBody.explanation.legalBasis).toMatch(/Perpres 91\/2024/);
    // the list shows the same, and GET returns what was recorded
    const got = await t.request('GET', `${casesPath}/${kasn.body.id}`, { token: admin });
    expect(got.body.netralitas.recommendingBody.body).toBe('KASN');
    const listed = await t.request('GET', `${casesPath}?kind=NETRALITAS&nip=${org.staff[0].nip}`, { token: admin });
    const bodies = Object.fromEntries(
      listed.body.items.map((c: { id: string; netralitas: { recommendingBody: { body: string } } }) => [
        c.id,
        c.netralitas.recommendingBody.body,
      ]),
    );
    expect(bodies).toMatchObject({ [kasn.body.id]: 'KASN', [bkn.body.id]: 'BKN' });
    // the body is derived, never typed in
    expect((await report({ occurredOn: '2024-08-23', recommendingBody: 'BKN' })).status).toBe(400);
  });

  it('the stage follows the election: BAKAL_CALON before the penetapan date (22 Sep 2024), CALON from it', async () => {
    const before = await report({ occurredOn: '2024-09-21' });
    expect(before.status).toBe(201);
    expect(before.body).toMatchObject({
      stage: 'BAKAL_CALON',
      classification: { track: 'KODE_ETIK' },
      netralitas: { election: 'PILKADA_2024', stageSource: 'ELECTION', notes: [] },
    });
    expect(before.body.netralitas.stageExplanation.formula).toContain('2024-09-22');
    const after = await report({ occurredOn: '2024-09-22' });
    expect(after.body).toMatchObject({
      stage: 'CALON',
      classification: { track: 'DISIPLIN', level: 'SEDANG' },
      netralitas: { election: 'PILKADA_2024', stageSource: 'ELECTION' },
    });
    // a reported stage must agree with the election
    const wrong = await report({ occurredOn: '2024-09-21', stage: 'CALON' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.details[0]).toMatchObject({ field: 'stage' });
    expect((await report({ occurredOn: '2024-09-23', stage: 'CALON' })).status).toBe(201);
    // no election covers the date: the reporter's stage is required and the case says where it came from
    const none = await report({ occurredOn: '2026-01-20' });
    expect(none.status).toBe(400);
    expect(none.body.details[0].field).toBe('stage');
    const reported = await report({ occurredOn: '2026-01-20', stage: 'CALON' });
    expect(reported.body.netralitas).toMatchObject({ election: null, stageSource: 'REPORTED' });
    expect(reported.body.netralitas.notes[0]).toMatch(/Tidak ada data pemilu\/pilkada/);
    expect((await report({ occurredOn: '2024-09-21', election: 'PEMILU_1999' })).status).toBe(422);
  });

  it('elections are admin data: validated, 409 on a duplicate code, audited; an overlap asks for the election', async () => {
    const list = await t.request('GET', electionsPath, { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ code: 'PILKADA_2024', kind: 'PILKADA', penetapan: '2024-09-22' }),
    ]);
    expect((await t.request('GET', electionsPath, { token: org.staff[0].token })).status).toBe(403);
    const pemilu = {
      code: 'PEMILU_2024',
      kind: 'PEMILU',
      name: 'Pemilihan Umum 2024 (Presiden dan Wakil Presiden)',
      from: '2023-06-01',
      to: '2024-03-31',
      penetapan: '2023-11-13',
      legalBasis: 'Keputusan KPU 1632/2023 (penetapan pasangan calon presiden dan wakil presiden)',
    };
    const bad = await t.request('POST', electionsPath, { token: admin, body: { ...pemilu, penetapan: '2024-04-01' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('penetapan');
    expect(
      (await t.request('POST', electionsPath, { token: admin, body: { ...pemilu, from: 'kemarin' } })).status,
    ).toBe(400);
    expect((await t.request('POST', electionsPath, { token: org.staff[0].token, body: pemilu })).status).toBe(403);
    const created = await t.request('POST', electionsPath, { token: admin, body: pemilu });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'PEMILU_2024', penetapan: '2023-11-13' });
    expect((await t.request('POST', electionsPath, { token: admin, body: pemilu })).status).toBe(409);

    // 2024-02-01 lies in both windows: the reporter names the election
    const ambiguous = await report({ occurredOn: '2024-02-01' });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.details[0].field).toBe('election');
    const named = await report({ occurredOn: '2024-02-01', election: 'PEMILU_2024' });
    expect(named.body).toMatchObject({ stage: 'CALON', netralitas: { election: 'PEMILU_2024' } });
    const early = await report({ occurredOn: '2023-10-02' });
    expect(early.body).toMatchObject({ stage: 'BAKAL_CALON', netralitas: { election: 'PEMILU_2024' } });
    expect(early.body.netralitas.recommendingBody.body).toBe('KASN');

    const { code: _c, ...rest } = pemilu;
    const put = await t.request('PUT', `${electionsPath}/PEMILU_2024`, {
      token: admin,
      body: { ...rest, penetapan: '2023-11-14' },
    });
    expect(put.status).toBe(200);
    expect(put.body.penetapan).toBe('2023-11-14');
    expect((await t.request('PUT', `${electionsPath}/PEMILU_2019`, { token: admin, body: rest })).status).toBe(404);
    const audit: { action: string; before: { penetapan?: string } | null; after: { penetapan: string } }[] =
      await t.dataSource.query(
        `SELECT action, before, after FROM audit_log WHERE entity_type = 'NeutralityElection' AND entity_id = 'PEMILU_2024' ORDER BY id`,
      );
    expect(audit.map((a) => a.action)).toEqual(['discipline.election.create', 'discipline.election.update']);
    expect(audit[1].before?.penetapan).toBe('2023-11-13');
    expect(audit[1].after.penetapan).toBe('2023-11-14');
    // the case reported before the change keeps its recorded stage
    expect((await t.request('GET', `${casesPath}/${early.body.id}`, { token: admin })).body.stage).toBe('BAKAL_CALON');
  });

  it('listeningOnly is recorded for the examiner (N05 only) and leaves the classification unchanged', async () => {
    const plain = await report({ occurredOn: '2024-10-01', nip: org.staff[1].nip });
    const listening = await report({ occurredOn: '2024-10-01', nip: org.staff[1].nip, listeningOnly: true });
    expect(listening.status).toBe(201);
    expect(listening.body.netralitas.listeningOnly).toBe(true);
    expect(listening.body.netralitas.notes.join(' ')).toMatch(/hanya untuk mendengarkan/i);
    expect(plain.body.netralitas.listeningOnly).toBe(false);
    expect(listening.body.classification).toEqual(plain.body.classification);
    const n02 = await report({ occurredOn: '2024-10-01', act: 'N02', listeningOnly: true });
    expect(n02.status).toBe(400);
    expect(n02.body.details[0].field).toBe('listeningOnly');
    const other = await t.request('POST', casesPath, {
      token: admin,
      body: {
        nip: org.staff[1].nip,
        kind: 'OTHER',
        occurredOn: '2026-01-20',
        reportedBy: 'Atasan',
        listeningOnly: true,
      },
    });
    expect(other.status).toBe(400);
    const [row] = await t.dataSource.query(
      `SELECT after FROM audit_log WHERE action = 'discipline.case.create' AND entity_id = $1`,
      [listening.body.id],
    );
    expect(row.after).toMatchObject({ recommendingBody: 'BKN', election: 'PILKADA_2024', listeningOnly: true });
  });

  it('the netralitas summary counts per recommending body; the SBT export carries the body and listeningOnly', async () => {
    const s = await t.request('GET', `/api/v1/discipline/cases/summary?from=2024-08-01&to=2024-08-31`, {
      token: admin,
    });
    expect(s.status).toBe(200);
    expect(s.body.byRecommendingBody).toEqual({ KASN: 1, BKN: 1 });
    const j = await t.request(
      'GET',
      `${casesPath}/export?format=json&unitCode=${org.unitCode}&from=2024-10-01&to=2024-10-01`,
      { token: admin },
    );
    expect(j.body.items.map((r: { recommendingBody: string; listeningOnly: boolean }) => r.recommendingBody)).toEqual([
      'BKN',
      'BKN',
    ]);
    expect(j.body.items.map((r: { listeningOnly: boolean }) => r.listeningOnly).sort()).toEqual([false, true]);
    const csv = await t.request('GET', `${casesPath}/export?unitCode=${org.unitCode}&from=2024-08-23&to=2024-08-24`, {
      token: admin,
    });
    const rows: Record<string, string>[] = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true });
    expect(rows.map((r) => r.recommendingBody)).toEqual(['KASN', 'BKN']);
  });
});
