import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decisionEffectiveDate } from '../../src/rules';
import { caseOf, casesPath, runJob, step } from '../support/discipline-fixtures';
import { approvedStaffSkps, createEvalOrg, EvalOrg, rate, setToday } from '../support/evaluation-fixtures';
import { createEmployee, Person } from '../support/org-skp-fixtures';
import { createTestApp, eventually, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * Issue 8 through HTTP and the real worker: a CALON-stage neutrality act (N05, SEDANG) from report to
 * decision, delivery and effective date; effects applied once (outcomes, sanction rows, credit
 * eligibility, behaviour-rating guard); visibility; overdue steps and escalation; overview and export.
 */
describe('discipline and netralitas cases', () => {
  let t: TestApp;
  let admin: string;
  let org: EvalOrg;
  let jf: Person;
  let skps: Awaited<ReturnType<typeof approvedStaffSkps>>;
  let caseId: string;
  let jfCaseId: string;
  let effectiveFrom: string;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    setToday(t, '2026-02-02');
    org = await createEvalOrg(t, 2);
    jf = await createEmployee(t, {
      unitCode: org.unitCode,
      kind: 'FUNGSIONAL',
      jenjang: 'AHLI_PERTAMA',
      supervisorNip: org.ppk.nip,
      kelasJabatan: 8,
      golongan: 'III/a',
    });
    skps = await approvedStaffSkps(t, org);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const report = (nip: string, extra: Record<string, unknown> = {}) =>
    t.request('POST', casesPath, {
      token: admin,
      body: {
        nip,
        kind: 'NETRALITAS',
        act: 'N05',
        stage: 'CALON',
        occurredOn: '2026-01-28',
        reportedBy: 'Bawaslu Kabupaten',
        evidenceUrls: ['https://bukti.example.go.id/foto-kampanye.jpg'],
        ...extra,
      },
    });

  it('classifies a CALON-stage campaign attendance (N05) as DISIPLIN SEDANG with its sanctions, official and deadlines', async () => {
    const bad = await t.request('POST', casesPath, {
      token: admin,
      body: { nip: org.staff[0].nip, kind: 'NETRALITAS', act: 'N05', occurredOn: '2026-01-28', reportedBy: 'x y' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('stage');
    expect(
      (
        await t.request('POST', casesPath, {
          token: org.leader.token,
          body: { nip: org.staff[0].nip, kind: 'OTHER', occurredOn: '2026-01-28', reportedBy: 'Atasan' },
        })
      ).status,
    ).toBe(403);

    const r = await report(org.staff[0].nip);
    expect(r.status).toBe(201);
    caseId = r.body.id;
    expect(r.body).toMatchObject({
      kind: 'NETRALITAS',
      act: 'N05',
      stage: 'CALON',
      status: 'REPORTED',
      nip: org.staff[0].nip,
      reportedOn: '2026-02-02',
      classification: {
        track: 'DISIPLIN',
        level: 'SEDANG',
        candidateSanctions: ['POTONG_TUKIN_25_6M', 'POTONG_TUKIN_25_9M', 'POTONG_TUKIN_25_12M'],
        manualReview: false,
      },
      subject: { unitCode: org.unitCode, agencyCode: org.parentCode },
    });
    expect(r.body.classification.explanation.ruleId).toMatch(/^netralitas\.classify@/);
    expect(r.body.competentOfficials).toEqual([
      expect.objectContaining({ level: 'SEDANG', role: 'PPK_INSTANSI', nip: org.leader.nip }),
    ]);
    expect(r.body.deadlines.verify).toMatchObject({ dueOn: '2026-02-09', doneOn: null, overdue: false });
    expect(r.body.deadlines.decide.dueOn).toBeNull();
    expect(r.body.reference).toMatch(/^DIS-\d{6}$/);
  });

  it('shows the case only to ADMIN, the competent official and the reported employee (others 404)', async () => {
    for (const token of [admin, org.leader.token, org.staff[0].token])
      expect((await caseOf(t, caseId, token)).status).toBe(200);
    for (const token of [org.ppk.token, org.head.token, org.staff[1].token, jf.token])
      expect((await caseOf(t, caseId, token)).status).toBe(404);
    expect((await caseOf(t, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // lists apply the same rule
    const own = await t.request('GET', `${casesPath}?kind=NETRALITAS`, { token: org.staff[0].token });
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const other = await t.request('GET', `${casesPath}?kind=NETRALITAS`, { token: org.staff[1].token });
    expect(other.body.items).toEqual([]);
    // a stranger acting on it also gets 404, before any state check
    expect(
      (await step(t, caseId, 'decision', { sanction: 'POTONG_TUKIN_25_6M', decidedOn: '2026-02-02' }, org.ppk.token))
        .status,
    ).toBe(404);
  });

  it('walks verify → recommendation → decision → delivery with 409 for wrong states and 422 for sanctions outside the level', async () => {
    setToday(t, '2026-02-03');
    expect((await step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' })).status).toBe(
      409,
    );
    expect((await step(t, caseId, 'verify', {}, org.leader.token)).status).toBe(403);
    const v = await step(t, caseId, 'verify', { note: 'Klarifikasi: hadir di kampanye terbuka' });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: 'VERIFIED', verifiedOn: '2026-02-03' });
    expect(v.body.deadlines.recommend).toMatchObject({ dueOn: '2026-02-08', overdue: false });
    expect((await step(t, caseId, 'verify', {})).status).toBe(409);

    setToday(t, '2026-02-04');
    const wrongSanction = await step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'TEGURAN_LISAN' });
    expect(wrongSanction.status).toBe(422);
    expect(wrongSanction.body.details[0].field).toBe('sanction');
    expect((await step(t, caseId, 'recommendation', { level: 'BERAT', sanction: 'TURUN_JABATAN_12M' })).status).toBe(
      422,
    );
    const rec = await step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' });
    expect(rec.status).toBe(200);
    expect(rec.body).toMatchObject({
      status: 'RECOMMENDED',
      recommendation: { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M', recommendedOn: '2026-02-04' },
    });
    expect(rec.body.deadlines.decide).toMatchObject({ dueOn: '2026-02-14', overdue: false });

    setToday(t, '2026-02-05');
    expect((await step(t, caseId, 'delivery', { deliveredOn: '2026-02-05' })).status).toBe(409);
    expect(
      (
        await step(
          t,
          caseId,
          'decision',
          { sanction: 'POTONG_TUKIN_25_6M', decidedOn: '2026-02-05' },
          org.staff[0].token,
        )
      ).status,
    ).toBe(403);
    expect(
      (await step(t, caseId, 'decision', { sanction: 'PDHTAPS', decidedOn: '2026-02-05' }, org.leader.token)).status,
    ).toBe(422);
    expect(
      (await step(t, caseId, 'decision', { sanction: 'POTONG_TUKIN_25_6M', decidedOn: '2026-02-09' }, org.leader.token))
        .status,
    ).toBe(422);
    const d = await step(
      t,
      caseId,
      'decision',
      { sanction: 'POTONG_TUKIN_25_9M', decidedOn: '2026-02-05', decisionRef: '800/17/BKPSDM/2026' },
      org.leader.token,
    );
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      status: 'DECIDED',
      decision: {
        sanction: 'POTONG_TUKIN_25_9M',
        level: 'SEDANG',
        decidedOn: '2026-02-05',
        decisionRef: '800/17/BKPSDM/2026',
        recordedBy: org.leader.nip,
      },
    });
    expect(
      (await step(t, caseId, 'decision', { sanction: 'POTONG_TUKIN_25_9M', decidedOn: '2026-02-05' }, org.leader.token))
        .status,
    ).toBe(409);
    const events = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE event_type = 'DisciplineDecided' AND aggregate_id = $1`,
      [caseId],
    );
    expect(events[0].n).toBe(1);

    // the holiday calendar moves the effective date (15th working day after delivery)
    const hol = await t.request('PUT', '/api/v1/discipline/holidays/2026', {
      token: admin,
      body: { holidays: [{ date: '2026-02-17', name: 'Tahun Baru Imlek' }] },
    });
    expect(hol.status).toBe(200);
    expect(hol.body.effectiveCalendar).toContain('2026-02-17');
    expect(
      (await t.request('PUT', '/api/v1/discipline/holidays/2026', { token: org.leader.token, body: { holidays: [] } }))
        .status,
    ).toBe(403);

    setToday(t, '2026-02-06');
    expect((await step(t, caseId, 'delivery', { deliveredOn: '2026-02-04' })).status).toBe(422);
    const del = await step(t, caseId, 'delivery', { deliveredOn: '2026-02-06' });
    expect(del.status).toBe(200);
    const expected = decisionEffectiveDate({
      deliveredOn: '2026-02-06',
      holidays: hol.body.effectiveCalendar,
    }).effectiveFrom;
    expect(expected).not.toBe(decisionEffectiveDate({ deliveredOn: '2026-02-06' }).effectiveFrom);
    effectiveFrom = del.body.effectiveFrom;
    expect(del.body).toMatchObject({ status: 'DELIVERED', deliveredOn: '2026-02-06', effectiveFrom: expected });
    expect(del.body.effectiveTo).toBe(
      `2026-${String(Number(expected.slice(5, 7)) + 9).padStart(2, '0')}-${expected.slice(8)}`,
    );
    expect(del.body.effectiveExplanation.formula).toContain('2026-02-17');
    expect(del.body.history.map((h: { action: string }) => h.action)).toEqual([
      'REPORT',
      'VERIFY',
      'RECOMMEND',
      'DECIDE',
      'DELIVER',
    ]);
  });

  it('asks for a justification when the PPK rates behaviour above DI_BAWAH_EKSPEKTASI despite a decided sanction, records it and warns', async () => {
    // 2026-Q1 can be rated once its last month (March) has begun; the case timeline resumes on 6 Feb after.
    setToday(t, '2026-03-02');
    const refused = await rate(t, org.ppk, skps[0], '2026-Q1', 'SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI');
    expect(refused.status).toBe(422);
    expect(refused.body.details[0].field).toBe('behaviorJustification');
    const ok = await t.request('PUT', `/api/v1/skp/${skps[0].id}/evaluations/2026-Q1/rating`, {
      token: org.ppk.token,
      body: {
        resultRating: 'SESUAI_EKSPEKTASI',
        behaviorRating: 'SESUAI_EKSPEKTASI',
        behaviorJustification: 'Perilaku kerja di kantor tetap baik; pelanggaran di luar jam kerja sudah dihukum.',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.warnings).toEqual([
      expect.objectContaining({ code: 'DISCIPLINE_SANCTION_IN_PERIOD', caseIds: [caseId] }),
    ]);
    const rows = await t.dataSource.query(
      `SELECT behavior_rating, case_ids::text[] AS case_ids FROM discipline_rating_justifications WHERE subject_ref = $1`,
      [`skp:${skps[0].id}:2026-Q1`],
    );
    expect(rows).toEqual([{ behavior_rating: 'SESUAI_EKSPEKTASI', case_ids: [caseId] }]);
    // rating at DI_BAWAH_EKSPEKTASI needs nothing; a colleague without a case is rated normally
    const low = await rate(t, org.ppk, skps[0], '2026-Q1', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI');
    expect(low.status).toBe(200);
    expect(low.body.warnings).toBeUndefined();
    const colleague = await rate(t, org.ppk, skps[1], '2026-Q1', 'SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI');
    expect(colleague.status).toBe(200);
    expect(colleague.body.warnings).toBeUndefined();
    setToday(t, '2026-02-06');
  });

  it('a JF with a sedang sanction is not eligible for kenaikan pangkat once it takes effect', async () => {
    const r = await t.request('POST', casesPath, {
      token: admin,
      body: {
        nip: jf.nip,
        kind: 'OTHER',
        act: 'BOLOS_APEL',
        level: 'SEDANG',
        occurredOn: '2026-01-20',
        reportedBy: 'Atasan langsung',
      },
    });
    expect(r.status).toBe(201);
    jfCaseId = r.body.id;
    expect(r.body.classification).toMatchObject({ track: 'DISIPLIN', level: 'SEDANG', manualReview: false });
    expect((await step(t, jfCaseId, 'verify', {})).status).toBe(200);
    expect(
      (await step(t, jfCaseId, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' })).status,
    ).toBe(200);
    // ADMIN records the decision on behalf of the competent official
    const d = await step(t, jfCaseId, 'decision', { sanction: 'POTONG_TUKIN_25_6M', decidedOn: '2026-02-06' });
    expect(d.status).toBe(200);
    expect(d.body.history.at(-1).note).toContain('atas nama');
    expect((await step(t, jfCaseId, 'delivery', { deliveredOn: '2026-02-06' })).status).toBe(200);
    const before = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: admin });
    expect(before.status).toBe(200);
    expect(before.body.next.kind).toBe('KENAIKAN_PANGKAT');
    expect(before.body.next.unmet).not.toContain('HUKDIS_IN_FORCE');
  });

  it('after the effective date the sweep applies the effects once: outcomes, sanction rows, credit block; replays change nothing', async () => {
    setToday(t, effectiveFrom);
    await runJob(t, 'discipline.sweep');
    const c = await eventually(async () => {
      const r = await caseOf(t, caseId);
      return r.body.status === 'EFFECTIVE' ? r.body : null;
    });
    expect(c.history.at(-1)).toMatchObject({ from: 'DELIVERED', to: 'EFFECTIVE', actor: 'system' });

    const outcomesOf = async (nip: string, id: string) => {
      const r = await t.request('GET', `/api/v1/employees/${nip}/outcomes`, { token: admin });
      return (
        r.body.items as { type: string; source: { kind: string; id: string }; effectiveFrom: string; reason: string }[]
      ).filter((o) => o.source.id === id);
    };
    const outcomes = await eventually(async () => {
      const o = await outcomesOf(org.staff[0].nip, caseId);
      return o.length >= 3 ? o : null;
    });
    expect(outcomes.map((o) => o.type).sort()).toEqual(['ALLOWANCE_CUT', 'KGB_DELAYED', 'KP_DELAYED']);
    expect(outcomes.every((o) => o.source.kind === 'DISCIPLINE_DECISION' && o.effectiveFrom === effectiveFrom)).toBe(
      true,
    );
    expect(outcomes.find((o) => o.type === 'ALLOWANCE_CUT')!.reason).toContain('9 bulan');

    const sanctions = await eventually(async () => {
      const rows = await t.dataSource.query(
        `SELECT case_id, sanction, level, allowance_cut::text AS cut, to_char(effective_from,'YYYY-MM-DD') AS f, to_char(effective_to,'YYYY-MM-DD') AS t FROM discipline_sanctions WHERE case_id = ANY($1::uuid[]) ORDER BY sanction`,
        [[caseId, jfCaseId]],
      );
      return rows.length === 2 ? rows : null;
    });
    expect(sanctions[1]).toMatchObject({
      case_id: caseId,
      sanction: 'POTONG_TUKIN_25_9M',
      level: 'SEDANG',
      cut: '0.2500',
      f: effectiveFrom,
      t: c.effectiveTo,
    });

    const credit = await eventually(async () => {
      const r = await t.request('GET', `/api/v1/employees/${jf.nip}/credit`, { token: admin });
      return r.body.next?.unmet?.includes('HUKDIS_IN_FORCE') ? r.body : null;
    });
    expect(credit.next.eligible).toBe(false);

    // replay the effect job and the sweep: nothing is added
    await runJob(t, 'discipline.apply-effects', { caseId });
    await runJob(t, 'discipline.apply-effects', { caseId });
    await runJob(t, 'discipline.sweep');
    expect((await outcomesOf(org.staff[0].nip, caseId)).map((o) => o.type).sort()).toEqual([
      'ALLOWANCE_CUT',
      'KGB_DELAYED',
      'KP_DELAYED',
    ]);
    const counts = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM discipline_sanctions WHERE case_id = $1) AS sanctions,
              (SELECT count(*)::int FROM outcomes WHERE source_id = $1::text) AS outcomes,
              (SELECT count(*)::int FROM outbox WHERE event_type = 'DisciplineEffective' AND aggregate_id = $1::text) AS events`,
      [caseId],
    );
    expect(counts[0]).toEqual({ sanctions: 1, outcomes: 3, events: 1 });
  });

  it('flags overdue steps and escalates a recommendation not acted on (SIASN block step), once', async () => {
    setToday(t, '2026-03-02');
    const ke = await t.request('POST', casesPath, {
      token: admin,
      body: {
        nip: org.staff[1].nip,
        kind: 'NETRALITAS',
        act: 'N01',
        stage: 'BAKAL_CALON',
        occurredOn: '2026-02-20',
        reportedBy: 'Media daring',
      },
    });
    expect(ke.status).toBe(201);
    expect(ke.body.classification).toMatchObject({
      track: 'KODE_ETIK',
      level: null,
      candidateSanctions: ['MORAL_TERTUTUP', 'MORAL_TERBUKA'],
    });
    expect((await step(t, ke.body.id, 'verify', {})).status).toBe(200);
    expect(
      (await step(t, ke.body.id, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' })).status,
    ).toBe(422);
    expect(
      (await step(t, ke.body.id, 'recommendation', { level: 'KODE_ETIK', sanction: 'MORAL_TERTUTUP' })).status,
    ).toBe(200);
    const idle = await t.request('POST', casesPath, {
      token: admin,
      body: { nip: org.staff[1].nip, kind: 'OTHER', act: 'LAIN', occurredOn: '2026-02-25', reportedBy: 'Inspektorat' },
    });
    expect(idle.body.classification.manualReview).toBe(true);

    setToday(t, '2026-03-20');
    // Overdue as of today before any sweep: the case and the list say so at once.
    expect((await caseOf(t, idle.body.id)).body.overdueSteps).toEqual(['verify']);
    const listed = await t.request('GET', `${casesPath}?limit=200`, { token: admin });
    expect(listed.body.items.find((i: { id: string }) => i.id === idle.body.id).overdueSteps).toEqual(['verify']);
    await runJob(t, 'discipline.sweep');
    const escalated = (await caseOf(t, ke.body.id)).body;
    expect(escalated).toMatchObject({ status: 'RECOMMENDED', escalated: true, overdueSteps: ['decide'] });
    expect(escalated.escalations).toEqual([
      expect.objectContaining({
        step: 'decide',
        kind: 'SIASN_BLOCK',
        dueOn: '2026-03-12',
        detectedOn: '2026-03-20',
        resolvedOn: null,
      }),
    ]);
    expect((await caseOf(t, idle.body.id)).body.overdueSteps).toEqual(['verify']);
    await runJob(t, 'discipline.sweep');
    const esc = await t.request('GET', '/api/v1/discipline/escalations', { token: admin });
    expect(esc.body.items.filter((e: { caseId: string }) => e.caseId === ke.body.id)).toHaveLength(1);
    const missed = await t.dataSource.query(
      `SELECT payload->>'step' AS step FROM outbox WHERE event_type = 'DisciplineDeadlineMissed' AND aggregate_id = $1`,
      [ke.body.id],
    );
    expect(missed).toEqual([{ step: 'decide' }]);
    // deciding resolves the escalation
    const d = await step(
      t,
      ke.body.id,
      'decision',
      { sanction: 'MORAL_TERTUTUP', decidedOn: '2026-03-20' },
      org.leader.token,
    );
    expect(d.status).toBe(200);
    expect(d.body.escalations[0].resolvedOn).toBe('2026-03-20');
  });

  it('lists with filters and cursors, exports for the national sharing system, and counts per unit and status', async () => {
    const page1 = await t.request('GET', `${casesPath}?unitCode=${org.parentCode}&limit=2`, { token: admin });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await t.request(
      'GET',
      `${casesPath}?unitCode=${org.parentCode}&limit=2&after=${page1.body.nextCursor}`,
      { token: admin },
    );
    const all = [...page1.body.items, ...page2.body.items];
    expect(all).toHaveLength(4);
    expect(page2.body.nextCursor).toBeNull();
    const netralitas = await t.request(
      'GET',
      `${casesPath}?unitCode=${org.unitCode}&kind=NETRALITAS&status=EFFECTIVE`,
      { token: admin },
    );
    expect(netralitas.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const window = await t.request('GET', `${casesPath}?unitCode=${org.unitCode}&from=2026-02-01&to=2026-02-28`, {
      token: admin,
    });
    expect(window.body.items.every((c: { occurredOn: string }) => c.occurredOn >= '2026-02-01')).toBe(true);
    expect(window.body.items).toHaveLength(2);
    expect((await t.request('GET', `${casesPath}?status=NOPE`, { token: admin })).status).toBe(400);

    const csv = await t.request('GET', `${casesPath}/export?unitCode=${org.unitCode}&kind=NETRALITAS&codes=plain`, {
      token: admin,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...lines] = csv.text.trim().split('\r\n');
    expect(header.split(',')).toEqual(
      expect.arrayContaining([
        'nip',
        'name',
        'agencyCode',
        'unitCode',
        'act',
        'stage',
        'occurredOn',
        'decidedOn',
        'level',
        'sanction',
        'status',
        'decisionRef',
      ]),
    );
    expect(lines).toHaveLength(2);
    const cols = header.split(',');
    const row = lines
      .map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])))
      .find((x) => x.nip === org.staff[0].nip)!;
    expect(row).toMatchObject({
      agencyCode: org.parentCode,
      unitCode: org.unitCode,
      act: 'N05',
      stage: 'CALON',
      occurredOn: '2026-01-28',
      decidedOn: '2026-02-05',
      level: 'SEDANG',
      sanction: 'POTONG_TUKIN_25_9M',
      status: 'EFFECTIVE',
      decisionRef: '800/17/BKPSDM/2026',
    });
    const json = await t.request('GET', `${casesPath}/export?format=json&unitCode=${org.unitCode}&kind=NETRALITAS`, {
      token: admin,
    });
    expect(json.body.count).toBe(2);
    // Spreadsheet forms: default CSV keeps the NIP as text (="…") with ; by ?sep=, and the XLSX beside it.
    const sheetCsv = await t.request(
      'GET',
      `${casesPath}/export?unitCode=${org.unitCode}&kind=NETRALITAS&sep=semicolon`,
      { token: admin },
    );
    const parsed = parse(sheetCsv.text, { bom: true, delimiter: ';' }) as string[][];
    expect(
      parsed
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(lines.map((l) => `="${l.split(',')[1]}"`).sort());
    const xres = await fetch(`${t.url}${casesPath}/export.xlsx?unitCode=${org.unitCode}&kind=NETRALITAS`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(xres.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xres.arrayBuffer());
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Nomor Kasus', 'NIP', 'Nama']);
    const xrow = [2, 3].map((i) => ws.getRow(i)).find((r) => r.getCell(2).value === org.staff[0].nip)!;
    expect(xrow.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(xrow.getCell(26).value).toBe('800/17/BKPSDM/2026');
    expect((await t.request('GET', `${casesPath}/export?sep=tab`, { token: admin })).status).toBe(400);
    expect((await t.request('GET', `${casesPath}/export`, { token: org.leader.token })).status).toBe(403);

    const sum = await t.request(
      'GET',
      `${casesPath}/summary?from=2026-01-01&to=2026-12-31&unitCode=${org.parentCode}`,
      { token: admin },
    );
    expect(sum.status).toBe(200);
    expect(sum.body).toMatchObject({
      kind: 'NETRALITAS',
      total: 2,
      escalated: 1,
      byStatus: { EFFECTIVE: 1, DECIDED: 1 },
    });
    expect(sum.body.byUnit).toEqual([
      { unitCode: org.unitCode, unitName: expect.any(String), counts: { EFFECTIVE: 1, DECIDED: 1 }, total: 2 },
    ]);
  });
});
