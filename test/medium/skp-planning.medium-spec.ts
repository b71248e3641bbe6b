import { OrgModule } from '../../src/org/org.module';
import { SkpModule } from '../../src/skp/skp.module';
import { SkpQueries } from '../../src/skp/skp-queries.service';
import { SkpService } from '../../src/skp/skp.service';
import { createMediumModule, type MediumModule } from '../support/medium';
import { mediumOrg, type MediumOrg } from '../support/medium-org';
import { skpBody } from '../support/org-skp-fixtures';

type CreateBody = Parameters<SkpService['create']>[1];

/**
 * SKP planning on the real PostgreSQL (medium: the SKP services with their repositories, no HTTP):
 * create → submit → reject (reason kept) → submit → approve by the PPK, read back with its history,
 * approval snapshot and audit; one definitive SKP per year; only the PPK approves.
 */
describe('SKP planning (medium: services + repositories on PostgreSQL)', () => {
  let m: MediumModule;
  let org: MediumOrg;
  let skp: SkpService;
  const YEAR = 2026;

  beforeAll(async () => {
    m = await createMediumModule({ imports: [OrgModule, SkpModule] });
    org = await mediumOrg(m, 2);
    skp = m.get(SkpService);
  });
  afterAll(() => m.close());

  it('walks DRAFT → SUBMITTED → DRAFT (rejected) → SUBMITTED → APPROVED and reads it back', async () => {
    const [staff] = org.staff;
    const created = await skp.create(staff.p, skpBody(YEAR) as unknown as CreateBody);
    expect(created).toMatchObject({ status: 'DRAFT', year: YEAR, formType: 'JA_JF', nip: staff.nip });
    expect(created.results.map((r) => r.kind)).toEqual(['UTAMA', 'TAMBAHAN']);

    expect(await skp.submit(staff.p, created.id)).toMatchObject({ status: 'SUBMITTED' });
    const rejected = await skp.reject(org.ppk.p, created.id, { reason: 'Target IKI belum menantang' });
    expect(rejected).toMatchObject({ status: 'DRAFT', rejectionReason: 'Target IKI belum menantang' });
    await skp.submit(staff.p, created.id);
    // Only the PPK approves: the employee themself and the PPK's own superior are refused.
    await expect(skp.approve(staff.p, created.id)).rejects.toThrow();
    await expect(skp.approve(org.head.p, created.id)).rejects.toThrow();
    await skp.approve(org.ppk.p, created.id);

    const got = await m.get(SkpQueries).get(org.ppk.p, created.id);
    expect(got).toMatchObject({
      status: 'APPROVED',
      approvedByNip: org.ppk.nip,
      rejectionReason: 'Target IKI belum menantang',
    });
    expect(got.approvedAt).not.toBeNull();
    expect(got.snapshots.atApproval).toMatchObject({ employee: { nip: staff.nip }, ppk: { nip: org.ppk.nip } });
    expect(got.history.map((h) => [h.action, h.from, h.to, h.actor])).toEqual([
      ['CREATE', null, 'DRAFT', staff.nip],
      ['SUBMIT', 'DRAFT', 'SUBMITTED', staff.nip],
      ['REJECT', 'SUBMITTED', 'DRAFT', org.ppk.nip],
      ['SUBMIT', 'DRAFT', 'SUBMITTED', staff.nip],
      ['APPROVE', 'SUBMITTED', 'APPROVED', org.ppk.nip],
    ]);
    expect(got.history[2].reason).toBe('Target IKI belum menantang');
    const audit = await m.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'Skp' AND entity_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'skp.create',
      'skp.submit',
      'skp.reject',
      'skp.submit',
      'skp.approve',
    ]);
  });

  it('refuses a second SKP for the same year and leaves the first one as it was', async () => {
    const staff = org.staff[1];
    const first = await skp.create(staff.p, skpBody(YEAR) as unknown as CreateBody);
    await expect(skp.create(staff.p, skpBody(YEAR) as unknown as CreateBody)).rejects.toThrow(String(YEAR));
    const listed = await m.get(SkpQueries).list(staff.p, { year: YEAR });
    expect(listed.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[first.id, 'DRAFT']]);
  });
});
