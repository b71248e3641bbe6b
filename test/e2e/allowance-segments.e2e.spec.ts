import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allPayrollItems,
  API,
  createEmployee,
  createUnit,
  insertFinalEvaluation,
  runMonth,
} from '../support/allowance-fixtures';
import { nextNip } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

// August 2027 has the calendar of the spec's worked month March 2026 (1st a Sunday, 31 days, Mon–Fri 22).
const MONTH = '2027-08';
const NEXT = '2027-09';
const B8 = 4_400_000; // kelas 8 in this test's rule set (the spec's 4,400,000)
const B10 = 6_600_000; // kelas 10 (the spec's 6,600,000)

/** Mon–Fri between two dates (inclusive), counted here from the calendar, not from the engine. */
function weekdays(from: string, to: string): number {
  let n = 0;
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
    const wd = new Date(d).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** 04 §5.3 steps 1–3 and 7 with one status: round(Σ B_i × d_i / W) × f_status (no deduction, predikat BAIK). */
const golden = (id: string) => {
  const cases = JSON.parse(readFileSync(join(__dirname, '..', 'golden', 'periods-proration.json'), 'utf8'));
  return (cases as { id: string; expected: Record<string, number> }[]).find((x) => x.id === id)!;
};

const entitled = (parts: [number, number][], W: number) => Math.round(parts.reduce((s, [b, d]) => s + b * d, 0) / W);

/**
 * Issue 19 item 5 through HTTP and the real worker: the monthly run cuts each month by the employment
 * history (joiner CPNS from the SPMT at 80 %, leaver paid to the last working day, mover to another kelas
 * with two segments), each segment explained on the payroll line.
 */
describe('allowance run: months cut by joiners, movers and leavers (spec 04 §5.3)', () => {
  let t: TestApp;
  let admin: string;
  let unit: string;
  const nips: Record<string, string> = {};
  const W = weekdays(`${MONTH}-01`, `${MONTH}-31`);

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    admin = await t.adminToken();
    unit = await createUnit(t);
    const rs = await t.request('PUT', `${API}/allowance/rule-sets/R-SEG-${unit}`, {
      token: admin,
      body: {
        template: 'R-TPP-DEMO',
        effectiveFrom: '2027-01-01',
        unitCodes: [unit],
        baseTable: { '8': B8, '10': B10 },
      },
    });
    expect(rs.status).toBe(201);
    for (const m of [MONTH, NEXT])
      expect(
        (await t.request('PUT', `${API}/allowance/working-days/${m}`, { token: admin, body: { workingDays: null } }))
          .status,
      ).toBe(200);

    // CPNS: created from the SPMT (Monday 16 August), CPNS_START recorded on that date.
    nips.cpns = nextNip(1998, 'PNS');
    const c = await t.request('POST', `${API}/employees`, {
      token: admin,
      body: {
        nip: nips.cpns,
        name: 'CPNS, Baru',
        status: 'PNS',
        golongan: 'III/a',
        unitCode: unit,
        supervisorNip: null,
        position: {
          title: 'Analis',
          kind: 'PELAKSANA',
          jenjang: null,
          kelasJabatan: 8,
          isUnitHead: false,
          tmt: '2027-08-16',
        },
      },
    });
    expect(c.status).toBe(201);
    const ev = await t.request('PATCH', `${API}/employees/${nips.cpns}`, {
      token: admin,
      body: { event: 'CPNS_START', effectiveFrom: '2027-08-16', reason: 'SPMT 800/12/2027' },
    });
    expect(ev.status).toBe(200);

    // A new PNS whose NIP records TMT CPNS July 2027 but whose CPNS_START nobody recorded.
    nips.noSpmt = `19990202202707${String(1000 + Math.floor(Math.random() * 9000))}`;
    const ns = await t.request('POST', `${API}/employees`, {
      token: admin,
      body: {
        nip: nips.noSpmt,
        name: 'CPNS, Tanpa SPMT',
        status: 'PNS',
        golongan: 'III/a',
        unitCode: unit,
        supervisorNip: null,
        position: {
          title: 'Analis',
          kind: 'PELAKSANA',
          jenjang: null,
          kelasJabatan: 8,
          isUnitHead: false,
          tmt: '2027-07-01',
        },
      },
    });
    expect(ns.status).toBe(201);

    // Leaver: PENSIUN with TMT Thursday 19 August 2027.
    nips.leaver = await createEmployee(t, unit, 8);
    const p = await t.request('PATCH', `${API}/employees/${nips.leaver}`, {
      token: admin,
      body: { event: 'PENSIUN', effectiveFrom: '2027-08-19', reason: 'BUP' },
    });
    expect(p.status).toBe(200);
    // The employee view shows the end of service, the event and its date.
    const leaverView = await t.request('GET', `${API}/employees/${nips.leaver}`, { token: admin });
    expect(leaverView.status).toBe(200);
    expect(leaverView.body.endOfService).toEqual({ event: 'PENSIUN', date: '2027-08-19' });

    // Mover: promoted from kelas 8 to kelas 10 on Monday 16 August.
    nips.mover = await createEmployee(t, unit, 8);
    const mv = await t.request('PATCH', `${API}/employees/${nips.mover}`, {
      token: admin,
      body: {
        effectiveFrom: '2027-08-16',
        position: {
          title: 'Pengawas',
          kind: 'PENGAWAS',
          jenjang: null,
          kelasJabatan: 10,
          isUnitHead: false,
          tmt: '2027-08-16',
        },
      },
    });
    expect(mv.status).toBe(200);
    const moverView = await t.request('GET', `${API}/employees/${nips.mover}`, { token: admin });
    expect(moverView.body.endOfService).toBeNull();

    // Leave and flexible work (04 §5.2 defaults of R-TPP-DEMO, PermenPANRB 4/2025).
    for (const k of ['cutiBesar', 'fwa', 'noKind', 'plt']) nips[k] = await createEmployee(t, unit, 8);
    // Plt of a kelas 10 post at the same level for the whole month (a PLT delegation naming the post).
    const d = await t.request('POST', `${API}/delegations`, {
      token: admin,
      body: {
        employeeNip: nips.noKind,
        ppkNip: nips.plt,
        kind: 'PLT',
        validFrom: '2027-08-01',
        validTo: '2027-08-31',
        actingKelasJabatan: 10,
        actingLevel: 'SAME',
        reason: 'Sprint Plt Kepala Seksi 800/77/2027',
      },
    });
    expect(d.status).toBe(201);

    for (const nip of Object.values(nips)) await insertFinalEvaluation(t, nip, '2027-Q3', 'BAIK');
    // The Plt's ACTING SKP rated SANGAT_KURANG for the same quarter, finalised later: informational only,
    // the TPP predikat comes from the DEFINITIVE SKP (04 §1.3).
    await t.dataSource.transaction(async (m) => {
      const [emp] = await m.query(`SELECT id FROM employees WHERE nip = $1`, [nips.plt]);
      const [skp] = await m.query(
        `INSERT INTO skp (employee_id, year, approach, form_type, status, created_snapshot, approved_at, kind, delegation_id, period_start, period_end)
         VALUES ($1, 2027, 'KUANTITATIF', 'JA_JF', 'APPROVED', '{}'::jsonb, now(), 'ACTING', $2, '2027-08-01', '2027-08-31') RETURNING id`,
        [emp.id, d.body.items[0].id],
      );
      await m.query(
        `INSERT INTO evaluations (skp_id, employee_id, period, period_kind, from_month, to_month, status, result_rating, behavior_rating, predicate, finalized_at, finalized_by, skp_kind)
         VALUES ($1, $2, '2027-Q3', 'QUARTERLY', '2027-07', '2027-09', 'FINAL', 'DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG', now() + interval '1 hour', 'ACCEPT', 'ACTING')`,
        [skp.id, emp.id],
      );
    });
    const extra: Record<string, Record<string, unknown>> = {
      [nips.cutiBesar]: { leave: [{ type: 'CUTI_BESAR', days: 11 }] },
      [nips.fwa]: { absentDays: 3, fwaDays: 1 },
      [nips.noKind]: { leave: [{ type: null, days: 2 }] },
    };
    const att = await t.request('POST', `${API}/attendance`, {
      token: admin,
      body: {
        month: MONTH,
        records: Object.values(nips).map((nip) => ({
          nip,
          lateMinutes: [],
          earlyLeaveMinutes: [],
          absentDays: 0,
          missedApel: 0,
          ...extra[nip],
        })),
      },
    });
    expect(att.status).toBe(200);
    expect((await runMonth(t, MONTH, 90000)).status).toBe('DONE');
  });
  afterAll(async () => {
    await t?.close();
  });

  const line = async (month: string, nip: string) =>
    (await allPayrollItems(t, month, { token: admin })).find((i) => i.nip === nip);

  it('a CPNS from the SPMT on 16 August is paid for its 12 working days at 80 % (pp-035)', async () => {
    expect(W).toBe(22);
    const d = weekdays('2027-08-16', '2027-08-31');
    expect(d).toBe(12);
    const B = entitled([[B8, d]], W);
    const item = await line(MONTH, nips.cpns);
    expect(item).toMatchObject({ basicAmount: B, netAmount: Math.round(B * 0.8) });
    // The spec's worked case (the same calendar) gives the same figures.
    const pp035 = golden('pp-035');
    expect(item).toMatchObject({ basicAmount: pp035.expected.basicAmount, netAmount: pp035.expected.netAmount });
    expect(item.deductions.find((x: { code: string }) => x.code === 'STATUS').reason).toContain('80%');
    expect(item.explanation.context.employment).toMatchObject({
      segments: [
        { from: '2027-08-16', to: '2027-08-31', workingDays: 12, kelasJabatan: 8, status: 'CPNS', unitCode: unit },
      ],
    });
    expect(item.explanation.context.employment.notes).toContain('CPNS mulai TMT SPMT 2027-08-16');
  });

  it('a leaver with PENSIUN TMT 19 August is paid to Wednesday 18 August; the next month has no line', async () => {
    const d = weekdays('2027-08-01', '2027-08-18');
    const item = await line(MONTH, nips.leaver);
    expect(item).toMatchObject({ basicAmount: entitled([[B8, d]], W), netAmount: entitled([[B8, d]], W) });
    expect(item.explanation.context.employment.segments).toEqual([
      expect.objectContaining({ from: '2027-08-01', to: '2027-08-18', workingDays: d, status: 'PNS' }),
    ]);
    const steps = item.explanation.steps.map((s: { label: string }) => s.label);
    expect(steps).toContain('segmen 2027-08-01 s.d. 2027-08-18');

    // Service ended: no second end, no post after it (409), the stored end stays.
    const again = await t.request('PATCH', `${API}/employees/${nips.leaver}`, {
      token: admin,
      body: { event: 'BERHENTI', effectiveFrom: '2027-10-01' },
    });
    expect(again.status).toBe(409);
    const later = await t.request('PATCH', `${API}/employees/${nips.leaver}`, {
      token: admin,
      body: { effectiveFrom: '2027-09-01', golongan: 'III/b' },
    });
    expect(later.status).toBe(409);
    expect((await runMonth(t, NEXT, 90000)).status).toBe('DONE');
    const next = await allPayrollItems(t, NEXT, { token: admin });
    expect(next.find((i) => i.nip === nips.leaver)).toBeUndefined();
    expect(next.find((i) => i.nip === nips.mover)).toMatchObject({ basicAmount: B10 });
  });

  it('a mover to kelas 10 on 16 August: two segments, 10 days at kelas 8 and 12 at kelas 10', async () => {
    const d1 = weekdays('2027-08-01', '2027-08-15');
    const d2 = weekdays('2027-08-16', '2027-08-31');
    const item = await line(MONTH, nips.mover);
    const B = entitled(
      [
        [B8, d1],
        [B10, d2],
      ],
      W,
    );
    expect(item).toMatchObject({ basicAmount: B, netAmount: B, kelasJabatan: 10 });
    expect(
      item.explanation.context.employment.segments.map((s: any) => [s.from, s.to, s.workingDays, s.kelasJabatan]),
    ).toEqual([
      ['2027-08-01', '2027-08-15', d1, 8],
      ['2027-08-16', '2027-08-31', d2, 10],
    ]);
  });

  it('leave of a kind with its default: CUTI_BESAR 11 of 22 days is EXCLUDE_DAYS, paid (22 − 11) / 22 (pp-042)', async () => {
    const item = await line(MONTH, nips.cutiBesar);
    const expected = Math.round((B8 * (W - 11)) / W);
    expect(item).toMatchObject({ basicAmount: B8, netAmount: expected });
    expect(item.netAmount).toBe(golden('pp-042').expected.netAmount);
    expect(item.deductions).toEqual([expect.objectContaining({ code: 'CUTI', amount: B8 - expected })]);
    expect(item.deductions[0].reason).toContain('CUTI_BESAR 11 hari');
  });

  it('an approved flexible-work day is not absence: 3 absent days with 1 FWA day cut 2 TK days (pp-043)', async () => {
    const item = await line(MONTH, nips.fwa);
    const disciplinePart = B8 - Math.round(B8 * 0.6);
    const tk = Math.round((2 * disciplinePart) / W);
    expect(item).toMatchObject({ basicAmount: B8, netAmount: B8 - tk });
    expect(item.netAmount).toBe(golden('pp-043').expected.netAmount);
    expect(item.deductions.find((d: { code: string }) => d.code === 'TK').reason).toContain(
      '(3 − 1 hari kerja fleksibel)',
    );
  });

  it('leave without a kind is never silent: LEAVE_KIND_MISSING on the line, counted for the month close', async () => {
    const item = await line(MONTH, nips.noKind);
    expect(item).toMatchObject({ basicAmount: B8, netAmount: B8 });
    expect(item.warnings.map((w: { code: string }) => w.code)).toContain('LEAVE_KIND_MISSING');
    const month = await t.request('GET', `${API}/allowance/months/${MONTH}`, { token: admin });
    expect(month.body.warnings.LEAVE_KIND_MISSING).toBeGreaterThanOrEqual(1);
    const close = await t.request('POST', `${API}/allowance/months/${MONTH}/close`, { token: admin, body: {} });
    expect(close.status).toBe(409);
    expect(JSON.stringify(close.body)).toContain('LEAVE_KIND_MISSING');
  });

  it('bad leave or FWA input is a 400 naming the row and field, nothing written', async () => {
    const r = await t.request('POST', `${API}/attendance`, {
      token: admin,
      body: {
        month: MONTH,
        records: [
          { nip: nips.fwa, absentDays: 1, fwaDays: 2 },
          { nip: nips.noKind, leave: [{ type: 'cuti sakit', days: 0 }] },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [0, 'records[0].fwaDays'],
      [1, 'records[1].leave[0].type'],
      [1, 'records[1].leave[0].days'],
    ]);
    expect((await line(MONTH, nips.fwa)).netAmount).toBeLessThan(B8);
  });

  it('a Plt at the same level for 22 working days: own TPP + 20 % of the Plt post (pp-038), predikat of the DEFINITIVE SKP', async () => {
    const item = await line(MONTH, nips.plt);
    const expected = B8 + Math.round(0.2 * B10);
    expect(item).toMatchObject({ basicAmount: expected, netAmount: expected });
    expect(item.basicAmount).toBe(golden('pp-038').expected.basicAmount);
    expect(item.explanation.context.employment.acting).toEqual({ level: 'SAME', kelasJabatan: 10, workingDays: W });
    // Paid on the DEFINITIVE SKP's BAIK, not the later ACTING SANGAT_KURANG.
    expect(item.explanation.context.predicate).toMatchObject({ value: 'BAIK', period: '2027-Q3' });
    expect(item.explanation.steps.map((s: { label: string }) => s.label)).toContain('tambahan Plt');
  });

  it('the rule set takes the 04 §5.2 fields, validated: a bad one is a 400 naming it, nothing stored', async () => {
    const bad = await t.request('PUT', `${API}/allowance/rule-sets/R-SEG-${unit}`, {
      token: admin,
      body: { template: 'R-TPP-DEMO', effectiveFrom: '2028-01-01', acting: { addonPct: '1.5' }, deathMonth: 'HALF' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('acting.addonPct');
    const ok = await t.request('PUT', `${API}/allowance/rule-sets/R-SEG-${unit}`, {
      token: admin,
      body: {
        template: 'R-TPP-DEMO',
        effectiveFrom: '2028-01-01',
        unitCodes: [unit],
        baseTable: { '8': B8, '10': B10 },
        acting: { addonPct: '0.25' },
        fwa: { countsAsPresent: false },
        deathMonth: 'FULL',
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ version: 2 });
  });

  it('a month resting on a TMT SPMT nobody recorded says so: CPNS_TMT_MISSING, paid as PNS', async () => {
    const item = await line(MONTH, nips.noSpmt);
    expect(item).toMatchObject({ basicAmount: B8, netAmount: B8 });
    expect(item.warnings).toEqual([expect.objectContaining({ code: 'CPNS_TMT_MISSING' })]);
    expect(item.warnings[0].message).toContain('TMT CPNS 2027-07');
    expect((await line(MONTH, nips.cpns)).warnings).toEqual([]);
  });
});
