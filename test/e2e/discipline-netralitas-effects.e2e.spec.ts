import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { caseOf, casesPath, runJob, step } from '../support/discipline-fixtures';
import { EvalOrg, setToday } from '../support/evaluation-fixtures';
import { createNetralitasWorld, deliveredN05Case } from '../support/netralitas-scenario';
import { Person } from '../support/org-skp-fixtures';
import { eventually, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * A delivered N05 (SEDANG) case (its walk is checked in discipline-netralitas) after the fact, through
 * HTTP and the real worker: a JF's case, effects applied once after the effective date (outcomes,
 * sanction rows, credit eligibility), overdue steps and escalation, lists, export and overview.
 */
describe('discipline and netralitas cases: effects, escalation and overview', () => {
  let t: TestApp;
  let admin: string;
  let org: EvalOrg;
  let jf: Person;
  let caseId: string;
  let jfCaseId: string;
  let effectiveFrom: string;

  beforeAll(async () => {
    const w = await createNetralitasWorld();
    ({ t, admin, org, jf } = w);
    ({ caseId, effectiveFrom } = await deliveredN05Case(w));
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
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
