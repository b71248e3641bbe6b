import { casesPath, step } from './discipline-fixtures';
import { approvedStaffSkps, createEvalOrg, type EvalOrg, setToday } from './evaluation-fixtures';
import { createEmployee, type Person } from './org-skp-fixtures';
import { createTestApp, type TestApp } from './test-app';

export interface NetralitasWorld {
  t: TestApp;
  admin: string;
  org: EvalOrg;
  /** A JF (Ahli Pertama) in the same unit, rated by the org's PPK. */
  jf: Person;
  skps: Awaited<ReturnType<typeof approvedStaffSkps>>;
}

/** The API with the real worker on 2 Feb 2026: an org with two staff, a JF and APPROVED 2026 SKPs for the staff. */
export async function createNetralitasWorld(): Promise<NetralitasWorld> {
  const t = await createTestApp({ worker: true });
  const admin = await t.adminToken();
  setToday(t, '2026-02-02');
  const org = await createEvalOrg(t, 2);
  const jf = await createEmployee(t, {
    unitCode: org.unitCode,
    kind: 'FUNGSIONAL',
    jenjang: 'AHLI_PERTAMA',
    supervisorNip: org.ppk.nip,
    kelasJabatan: 8,
    golongan: 'III/a',
  });
  const skps = await approvedStaffSkps(t, org);
  return { t, admin, org, jf, skps };
}

/** Reports a CALON-stage campaign attendance (N05) of `nip`, as ADMIN. */
export function reportN05(w: NetralitasWorld, nip: string, extra: Record<string, unknown> = {}) {
  return w.t.request('POST', casesPath, {
    token: w.admin,
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
}

/**
 * The N05 case of the first staff member walked as discipline-netralitas checks it step by step:
 * verified 3 Feb, recommended 4 Feb, decided 5 Feb (POTONG_TUKIN_25_9M, 800/17/BKPSDM/2026) by the
 * leader, the 2026 calendar with 17 Feb, delivered 6 Feb (the clock stays there).
 */
export async function deliveredN05Case(w: NetralitasWorld): Promise<{ caseId: string; effectiveFrom: string }> {
  const { t, org } = w;
  const ok = async (what: string, r: Promise<{ status: number; text: string; body: any }>, want = 200) => {
    const res = await r;
    if (res.status !== want) throw new Error(`${what}: ${res.status} ${res.text}`);
    return res.body;
  };
  const caseId = (await ok('report', reportN05(w, org.staff[0].nip), 201)).id as string;
  setToday(t, '2026-02-03');
  await ok('verify', step(t, caseId, 'verify', { note: 'Klarifikasi: hadir di kampanye terbuka' }));
  setToday(t, '2026-02-04');
  await ok('recommend', step(t, caseId, 'recommendation', { level: 'SEDANG', sanction: 'POTONG_TUKIN_25_6M' }));
  setToday(t, '2026-02-05');
  const decision = { sanction: 'POTONG_TUKIN_25_9M', decidedOn: '2026-02-05', decisionRef: '800/17/BKPSDM/2026' };
  await ok('decide', step(t, caseId, 'decision', decision, org.leader.token));
  const holidays = { holidays: [{ date: '2026-02-17', name: 'Tahun Baru Imlek' }] };
  await ok('holidays', t.request('PUT', '/api/v1/discipline/holidays/2026', { token: w.admin, body: holidays }));
  setToday(t, '2026-02-06');
  const delivered = await ok('deliver', step(t, caseId, 'delivery', { deliveredOn: '2026-02-06' }));
  return { caseId, effectiveFrom: delivered.effectiveFrom as string };
}
