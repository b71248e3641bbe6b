import { expect, test } from '@playwright/test';
import { checkPage, login } from './support/page-checks';

/** axe on the office pages the journeys do not scan (Pegawai and Unit: admin.spec; the others: admin-close, admin-discipline). */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};

test('Impor and Sistem: no serious or critical axe violation', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  for (const [label, ready] of [
    ['Impor', 'Berkas pegawai'],
    ['Sistem', 'Jenis data'],
  ] as const) {
    await page.getByRole('link', { name: label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
    await expect(page.getByLabel(ready)).toBeVisible();
    await page.waitForLoadState('networkidle');
    await checkPage(page, info, `admin-${label.toLowerCase()}`);
  }
});
