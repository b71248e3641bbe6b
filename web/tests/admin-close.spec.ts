import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { approvedLeaderSkp, employeeSkpId, token } from './support/api';
import { demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/** The BKPSDM office closes the year: monitoring follows the close (the TPP month: admin-tpp.spec). */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
const jakarta = (part: 'year' | 'month') =>
  Number(new Intl.DateTimeFormat('en', { [part]: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date()));
// Last year's annual period has ended whatever today's date (the demo agency exists since 2025-01-01),
// so its evaluations can be rated; this year's belong to the journey spec.
const YEAR = jakarta('year') - 1;

async function open(page: Page, label: string) {
  await page.getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/** The PPK rates last year's annual evaluation (what happens in Tim Saya; here the precondition of the story). */
async function rate(request: APIRequestContext, ppk: string, employee: string) {
  const id = await employeeSkpId(request, employee, YEAR);
  const res = await request.put(`/api/v1/skp/${id}/evaluations/${YEAR}/rating`, {
    headers: { authorization: `Bearer ${await token(request, ppk)}` },
    data: { resultRating: 'SESUAI_EKSPEKTASI', behaviorRating: 'SESUAI_EKSPEKTASI' },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test('Monitoring follows the year-end close: a rating and the office’s batch finalisation show up without reloading', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  test.setTimeout(180_000);
  await approvedLeaderSkp(request, 'pel-disdik-1', 'kasi-kurikulum', YEAR, 'Tertatanya administrasi kurikulum');
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await open(page, 'Monitoring');
  await page.getByLabel('Tahun').fill(String(YEAR));
  await page.getByRole('button', { name: 'Pemerintah Kabupaten Contoh', exact: true }).click();
  const approved = page.getByTestId('approved-DISDIK');
  const rated = page.getByTestId('rated-DISDIK');
  const issued = page.getByTestId('issued-DISDIK');
  await expect(approved).not.toHaveText('0%');
  await expect(rated).toContainText('(0)');
  await checkPage(page, info, 'admin-monitoring');

  await test.step('the PPK rates: the dashboard counts it on its own refresh', async () => {
    await rate(request, 'kasi-kurikulum', 'pel-disdik-1');
    await expect(rated).toContainText('(1)', { timeout: 30_000 });
    await expect(issued).toContainText('(0)');
  });

  await test.step('the office issues the rated evaluations of Dinas Pendidikan: Diterbitkan moves', async () => {
    await page.getByRole('button', { name: 'Dinas Pendidikan', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: `Terbitkan hasil penilaian tahunan ${YEAR}` }),
    ).toBeVisible();
    await page
      .getByLabel('Justifikasi (untuk unit yang melanggar Pola Distribusi)')
      .fill('Penilaian tahun lalu diselesaikan susulan; pola distribusi ditinjau BKPSDM.');
    await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 evaluasi diterbitkan' })).toBeVisible();
    await expect(issued).toContainText('(1)', { timeout: 30_000 });
    await page.getByLabel('Tahap').selectOption('FINAL');
    await expect(page.getByRole('cell', { name: demo('pel-disdik-1').name, exact: true })).toBeVisible();
  });
});
