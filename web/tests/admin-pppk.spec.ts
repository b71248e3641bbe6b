import { expect, test } from './support/fixtures';
import { demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/** Kontrak PPPK (04 §6): a PPPK without a recorded contract end is shown to the office, never defaulted. */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};

test('Kontrak PPPK: the missing contract end of a demo PPPK is listed for the office; the page passes axe', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  const driver = demo('pel-dinkes-3');
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await page.getByRole('link', { name: 'Kontrak PPPK', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontrak PPPK' })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'tanggal berakhir kontrak belum dicatat' });
  await expect(alert).toContainText(driver.name);
  await expect(alert).toContainText('Perjanjian kerja PPPK belum dicatat');
  await page.waitForLoadState('networkidle');
  await checkPage(page, info, 'admin-pppk');
});
