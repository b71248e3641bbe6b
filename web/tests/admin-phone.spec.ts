import { expect, test } from './support/fixtures';
import { demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/**
 * Every admin page on a phone (360 × 740): reached through the burger menu, nothing wider than the screen
 * (tables scroll inside their own container), and no serious or critical axe violation.
 */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
const PAGES: [label: string, ready: string][] = [
  ['Pegawai', 'Cari nama atau NIP'],
  ['Unit', 'Cari unit kerja (kode atau nama)'],
  ['Impor', 'Berkas pegawai'],
  ['Monitoring', ''],
  ['Pembayaran TPP', ''],
  ['Disiplin', ''],
  ['Sistem', 'Jenis data'],
];

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function fitsTheScreen(page: import('@playwright/test').Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'page width at 360 px').toBeLessThanOrEqual(360);
}

test('every admin page at 360 px: burger navigation, no sideways page scroll, axe clean', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'one run (the viewport is set here)');
  test.setTimeout(180_000);
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  for (const [label, ready] of PAGES) {
    await test.step(label, async () => {
      await page.getByRole('button', { name: 'Buka menu' }).click();
      await page.getByRole('link', { name: label, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
      if (ready) await expect(page.getByLabel(ready).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await fitsTheScreen(page);
      await checkPage(page, info, `telepon-${label.toLowerCase().replace(/\s+/g, '-')}`);
    });
  }
  await test.step('the employee page', async () => {
    const employee = demo('pel-dinkes-2');
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
    await page.getByLabel('Cari nama atau NIP').fill(employee.name.split(' ')[0]);
    await page.getByRole('link', { name: employee.name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: employee.name })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Riwayat jabatan' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await fitsTheScreen(page);
    await checkPage(page, info, 'telepon-pegawai-detail');
    await page.getByRole('button', { name: 'Catat mutasi' }).click();
    await page.getByRole('button', { name: 'Tambah Plt / Plh' }).click();
    await fitsTheScreen(page);
    await checkPage(page, info, 'telepon-pegawai-formulir');
  });
  await test.step('a discipline case', async () => {
    const auth = await request.post('/api/v1/auth/login', { data: ADMIN });
    const created = await request.post('/api/v1/discipline/cases', {
      headers: { authorization: `Bearer ${(await auth.json()).accessToken as string}` },
      data: {
        nip: demo('pel-dinkes-2').nip,
        kind: 'OTHER',
        act: 'LALAI',
        level: 'RINGAN',
        occurredOn: '2026-01-05',
        reportedOn: '2026-01-06',
        reportedBy: 'Atasan langsung (laporan tertulis)',
        description: 'Lalai menyerahkan laporan pertanggungjawaban (uji tampilan telepon).',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id, reference } = (await created.json()) as { id: string; reference: string };
    await page.goto(`/admin/disiplin/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Kasus ${reference}` })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await fitsTheScreen(page);
    await checkPage(page, info, 'telepon-disiplin-kasus');
  });
  await test.step('a unit opened from the tree', async () => {
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByRole('link', { name: 'Unit', exact: true }).click();
    await page.getByRole('button', { name: 'Dinas Kesehatan', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Celah Pejabat Penilai Kinerja' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await fitsTheScreen(page);
    await checkPage(page, info, 'telepon-unit-detail');
  });
});
