import { approvedSkp, behaviors, createChain, createEmployee, skpBody } from '../support/org-skp-fixtures';
import { usePlanningApp, type TestApp } from '../support/test-app';

/** The SKP lifecycle and forms; refusals of bad input and wrong states are in skp-planning-refusals. */
describe('SKP planning: create, edit, submit, approve/reject, list, cascade', () => {
  let t: TestApp;
  let year: number;
  usePlanningApp((app) => ({ t, year } = app));

  it('walks DRAFT → SUBMITTED → DRAFT (rejected, reason kept) → SUBMITTED → APPROVED with snapshots, history and audit', async () => {
    const c = await createChain(t);
    const created = await t.request('POST', '/api/v1/skp', { token: c.staff.token, body: skpBody(year) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'DRAFT',
      year,
      nip: c.staff.nip,
      approach: 'KUANTITATIF',
      formType: 'JA_JF',
      rejectionReason: null,
    });
    expect(created.body.results).toHaveLength(2);
    expect(created.body.results[0].indicators[0]).toMatchObject({
      aspect: 'KUANTITAS',
      perspective: null,
      target: '95 %',
      id: expect.any(String),
    });
    expect(created.body.behaviors.map((b: { coreValue: string }) => b.coreValue)).toEqual([
      'BERORIENTASI_PELAYANAN',
      'AKUNTABEL',
      'KOMPETEN',
      'HARMONIS',
      'LOYAL',
      'ADAPTIF',
      'KOLABORATIF',
    ]);
    expect(created.body.behaviors[0].specialExpectation).toBe('Responsif terhadap keluhan pasien');
    expect(created.body.lampiran).toEqual({
      resources: ['Anggaran DPA 2026'],
      accountabilityScheme: ['Laporan bulanan ke PPK'],
      consequences: ['Teguran bila target tidak tercapai'],
    });
    expect(created.body.snapshots.atCreation).toMatchObject({
      employee: { nip: c.staff.nip, positionKind: 'PELAKSANA', golongan: 'II/c', unitCode: c.unitCode },
      ppk: { nip: c.ppk.nip, positionKind: 'PENGAWAS' },
    });
    expect(created.body.snapshots.atApproval).toBeNull();
    const id = created.body.id;

    const submitted = await t.request('POST', `/api/v1/skp/${id}/submit`, { token: c.staff.token });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('SUBMITTED');
    expect(submitted.body.submittedAt).toEqual(expect.any(String));

    const rejected = await t.request('POST', `/api/v1/skp/${id}/reject`, {
      token: c.ppk.token,
      body: { reason: 'Target IKI belum menantang' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'DRAFT', rejectionReason: 'Target IKI belum menantang' });

    const edited = await t.request('PATCH', `/api/v1/skp/${id}`, {
      token: c.staff.token,
      body: {
        results: [
          {
            ...skpBody(year).results[0],
            id: created.body.results[0].id,
            indicators: [
              {
                ...skpBody(year).results[0].indicators[0],
                id: created.body.results[0].indicators[0].id,
                target: '98 %',
              },
            ],
          },
        ],
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.results).toHaveLength(1);
    expect(edited.body.results[0].id).toBe(created.body.results[0].id);
    expect(edited.body.results[0].indicators[0]).toMatchObject({
      id: created.body.results[0].indicators[0].id,
      target: '98 %',
    });
    expect(edited.body.version).toBeGreaterThan(rejected.body.version);

    expect((await t.request('POST', `/api/v1/skp/${id}/submit`, { token: c.staff.token })).status).toBe(200);
    const approved = await t.request('POST', `/api/v1/skp/${id}/approve`, { token: c.ppk.token });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', approvedByNip: c.ppk.nip });
    expect(approved.body.snapshots.atApproval).toMatchObject({
      employee: { nip: c.staff.nip },
      ppk: { nip: c.ppk.nip },
    });
    expect(approved.body.history.map((h: { action: string }) => h.action)).toEqual([
      'CREATE',
      'SUBMIT',
      'REJECT',
      'SUBMIT',
      'APPROVE',
    ]);
    expect(approved.body.history[2]).toMatchObject({
      from: 'SUBMITTED',
      to: 'DRAFT',
      reason: 'Target IKI belum menantang',
      actor: c.ppk.nip,
    });

    const audit = await t.dataSource.query(
      `SELECT action, actor FROM audit_log WHERE entity_type = 'Skp' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'skp.create',
      'skp.submit',
      'skp.reject',
      'skp.update',
      'skp.submit',
      'skp.approve',
    ]);
    expect(audit[2].actor).toBe(c.ppk.nip);

    const got = await t.request('GET', `/api/v1/skp/${id}`, { token: c.ppk.token });
    expect(got.status).toBe(200);
    expect(got.body.status).toBe('APPROVED');
  });

  it('uses perspective (not aspect) on a JPT form and accepts a KUALITATIF narrative without target', async () => {
    const c = await createChain(t);
    const bad = await t.request('POST', '/api/v1/skp', { token: c.jpt.token, body: skpBody(year) });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        { field: 'results[0].indicators[0].aspect', problem: expect.stringContaining('perspective') },
      ]),
    );
    const ok = await t.request('POST', '/api/v1/skp', { token: c.jpt.token, body: skpBody(year, { jpt: true }) });
    expect(ok.status).toBe(201);
    expect(ok.body.formType).toBe('JPT');
    expect(ok.body.results[0].indicators[0]).toMatchObject({ perspective: 'PENERIMA_LAYANAN', aspect: null });

    const narrative = {
      year,
      approach: 'KUALITATIF',
      behaviors: behaviors(),
      results: [
        {
          kind: 'UTAMA',
          text: 'Tersusunnya kebijakan rujukan',
          parentResultId: null,
          indicators: [
            { text: 'Kebijakan rujukan ditetapkan dan disosialisasikan ke seluruh puskesmas pada triwulan III' },
          ],
        },
      ],
    };
    const q = await t.request('POST', '/api/v1/skp', { token: c.admin.token, body: narrative });
    expect(q.status).toBe(201);
    expect((await t.request('POST', `/api/v1/skp/${q.body.id}/submit`, { token: c.admin.token })).status).toBe(200);
  });
  it('requires JA/JF UTAMA results to reference a result of the PPK’s APPROVED SKP, and shows the cascade', async () => {
    const c = await createChain(t);
    // Before the PPK's SKP exists, no parent is required.
    const early = await t.request('POST', '/api/v1/skp', { token: c.jf.token, body: skpBody(year) });
    expect(early.status).toBe(201);
    // The PPK's own SKP, approved by the administrator.
    const leader = await approvedSkp(t, c.ppk, c.admin, skpBody(year));
    const leaderResult = leader.results[0].id;

    const noParent = await t.request('POST', `/api/v1/skp/${early.body.id}/submit`, { token: c.jf.token });
    expect(noParent.status).toBe(422);
    expect(noParent.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'results[0].parentResultId' })]),
    );

    // A parent that is not in the PPK's approved SKP: 400 (here: a result of the staff member's own draft).
    const other = await t.request('POST', '/api/v1/skp', { token: c.staff.token, body: skpBody(year) });
    const wrong = await t.request('PATCH', `/api/v1/skp/${early.body.id}`, {
      token: c.jf.token,
      body: { results: [{ ...skpBody(year).results[0], parentResultId: other.body.results[0].id }] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].field).toBe('results[0].parentResultId');

    // The direct report can read the leader's approved SKP to pick the result.
    const seen = await t.request('GET', `/api/v1/skp/${leader.id}`, { token: c.jf.token });
    expect(seen.status).toBe(200);
    const fixed = await t.request('PATCH', `/api/v1/skp/${early.body.id}`, {
      token: c.jf.token,
      body: { results: skpBody(year, { parentResultId: leaderResult }).results },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.results[0].parentResultId).toBe(leaderResult);
    expect((await t.request('POST', `/api/v1/skp/${early.body.id}/submit`, { token: c.jf.token })).status).toBe(200);
    await t.request('PATCH', `/api/v1/skp/${other.body.id}`, {
      token: c.staff.token,
      body: { results: skpBody(year, { parentResultId: leaderResult }).results },
    });

    const cascade = await t.request('GET', `/api/v1/skp/${leader.id}/cascade`, { token: c.ppk.token });
    expect(cascade.status).toBe(200);
    expect(cascade.body.skp).toMatchObject({ id: leader.id, nip: c.ppk.nip });
    const children = cascade.body.results[0].children;
    expect(children.map((ch: { nip: string }) => ch.nip).sort()).toEqual([c.jf.nip, c.staff.nip].sort());
    expect(children.find((ch: { nip: string }) => ch.nip === c.jf.nip)).toMatchObject({
      skpStatus: 'SUBMITTED',
      kind: 'UTAMA',
      indicators: [expect.objectContaining({ target: '95 %' })],
    });
    expect(cascade.body.results[1].children).toEqual([]);
    expect(cascade.body.reports.map((r: { nip: string }) => r.nip).sort()).toEqual([c.jf.nip, c.staff.nip].sort());
    expect(cascade.body.reports.find((r: { nip: string }) => r.nip === c.jf.nip)).toMatchObject({
      linkedResults: 1,
      unlinkedUtama: 0,
    });

    // A subordinate sees the leader's results but only their own results under them, and no report list.
    const asReport = await t.request('GET', `/api/v1/skp/${leader.id}/cascade`, { token: c.jf.token });
    expect(asReport.status).toBe(200);
    expect(asReport.body.results[0].children.map((ch: { nip: string }) => ch.nip)).toEqual([c.jf.nip]);
    expect(asReport.body.reports).toBeNull();
  });

  it('lists what the caller may see, cursor-paginated', async () => {
    const c = await createChain(t);
    const extra = await createEmployee(t, {
      unitCode: c.unitCode,
      kind: 'PELAKSANA',
      supervisorNip: c.ppk.nip,
      kelasJabatan: 5,
    });
    for (const who of [c.staff, c.jf, extra])
      expect((await t.request('POST', '/api/v1/skp', { token: who.token, body: skpBody(year) })).status).toBe(201);
    await t.request('POST', '/api/v1/skp', { token: c.ppk.token, body: skpBody(year) });

    const own = await t.request('GET', `/api/v1/skp?year=${year}`, { token: c.staff.token });
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { nip: string }) => i.nip)).toEqual([c.staff.nip]); // the PPK's SKP is only a DRAFT
    expect(own.body.nextCursor).toBeNull();

    const asPpk = await t.request('GET', `/api/v1/skp?year=${year}&limit=2`, { token: c.ppk.token });
    expect(asPpk.body.items).toHaveLength(2);
    expect(asPpk.body.nextCursor).toEqual(expect.any(String));
    const page2 = await t.request('GET', `/api/v1/skp?year=${year}&limit=2&after=${asPpk.body.nextCursor}`, {
      token: c.ppk.token,
    });
    const all = [...asPpk.body.items, ...page2.body.items].map((i: { nip: string }) => i.nip);
    expect(all.sort()).toEqual([c.ppk.nip, c.staff.nip, c.jf.nip, extra.nip].sort());
    expect(page2.body.nextCursor).toBeNull();

    const filtered = await t.request('GET', `/api/v1/skp?year=${year}&nip=${c.jf.nip}`, { token: c.ppk.token });
    expect(filtered.body.items.map((i: { nip: string }) => i.nip)).toEqual([c.jf.nip]);
    const notMine = await t.request('GET', `/api/v1/skp?year=${year}&nip=${c.jf.nip}`, { token: c.staff.token });
    expect(notMine.body.items).toEqual([]);
    const admin = await t.request('GET', `/api/v1/skp?year=${year}&nip=${extra.nip}`, { token: await t.adminToken() });
    expect(admin.body.items).toHaveLength(1);
    expect(admin.body.items[0]).toMatchObject({
      nip: extra.nip,
      status: 'DRAFT',
      formType: 'JA_JF',
      unitCode: c.unitCode,
    });
    expect((await t.request('GET', `/api/v1/skp?after=not-a-cursor`, { token: c.ppk.token })).status).toBe(400);
    expect((await t.request('GET', `/api/v1/skp?year=abc`, { token: c.ppk.token })).status).toBe(400);
  });
});
