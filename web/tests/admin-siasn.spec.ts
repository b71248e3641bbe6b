import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { approvedLeaderSkp, employeeSkpId, token } from './support/api';
import { demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/**
 * The office's SIASN page on the demo agency (SIASN not enabled there): identity gaps and the CSV import with
 * every bad row shown, a FINAL annual evaluation first NOT_READY (no SIASN id) then ready once mapped, its
 * file for manual upload, the reconciliation and the push (Kirim) disabled with the reason from GET /siasn/status;
 * the page at 360 px.
 */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
const YEAR =
  Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date())) - 1;
const EMPLOYEE = 'ap-sdm-pertama';
const PPK = 'kabid-mutasi';
const spaced = (nip: string) => nip.replace(/^(\d{8})(\d{6})(\d)(\d{3})$/, '$1 $2 $3 $4');

/** Last year's annual evaluation of one JF made FINAL: rated by the PPK, issued by the office, accepted. */
async function finalAnnual(request: APIRequestContext) {
  await approvedLeaderSkp(request, EMPLOYEE, PPK, YEAR, 'Tersusunnya analisis kebutuhan pegawai');
  const id = await employeeSkpId(request, EMPLOYEE, YEAR);
  const path = `/api/v1/skp/${id}/evaluations/${YEAR}`;
  const rated = await request.put(`${path}/rating`, {
    headers: { authorization: `Bearer ${await token(request, PPK)}` },
    data: { resultRating: 'SESUAI_EKSPEKTASI', behaviorRating: 'SESUAI_EKSPEKTASI' },
  });
  expect(rated.status(), await rated.text()).toBe(200);
  const login = await request.post('/api/v1/auth/login', { data: ADMIN });
  const admin = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const issued = await request.post('/api/v1/evaluations/finalize-batch', {
    headers: admin,
    data: { period: String(YEAR), unitCode: 'BKPSDM-MUTASI', justification: 'Penilaian susulan tahun lalu.' },
  });
  expect(issued.status(), await issued.text()).toBe(200);
  const accepted = await request.post(`${path}/accept`, {
    headers: { authorization: `Bearer ${await token(request, EMPLOYEE)}` },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  expect((await accepted.json()).status).toBe('FINAL');
}

async function openSiasn(page: Page, viaBurger = false) {
  if (viaBurger) await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.getByRole('link', { name: 'SIASN', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SIASN' })).toBeVisible();
}

test('SIASN: identity gaps and import with every bad row, ready payloads in words and as a file, reconciliation without SIASN', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only (the 360 px check is the next test)');
  test.setTimeout(180_000);
  const employee = demo(EMPLOYEE);
  await finalAnnual(request);
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await openSiasn(page);

  await test.step('Identitas: the JF is listed as a gap; a bad file is refused with every bad row', async () => {
    await page.getByLabel('Unit Kerja').selectOption('BKPSDM-MUTASI');
    const gaps = page.getByRole('table', { name: 'Celah identitas SIASN' });
    await expect(gaps.getByRole('row').filter({ hasText: employee.name }).first()).toContainText(
      'ID PNS SIASN belum dipetakan',
    );
    await page.locator('input[type=file]').setInputFiles({
      name: 'identitas.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('nip,siasnPnsId\n12345,PNS-X\n199999999999999999,PNS-Y\n'),
    });
    await page.getByRole('button', { name: 'Unggah' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Impor identitas ditolak' });
    await expect(refused).toContainText('2 masalah, tidak ada yang disimpan');
    const rows = refused.getByRole('table', { name: 'Baris identitas yang ditolak' });
    await expect(rows.getByRole('row').filter({ hasText: 'Baris 1, kolom nip' })).toContainText('NIP harus 18 digit');
    await expect(rows.getByRole('row').filter({ hasText: 'NIP 199999999999999999' })).toContainText(
      'tidak ada pegawai dengan NIP ini',
    );
    await checkPage(page, info, 'admin-siasn-identitas');
  });

  await test.step('Data Siap Kirim: NOT_READY with the reason in words', async () => {
    await page.getByRole('tab', { name: 'Data Siap Kirim' }).click();
    await page.getByLabel('Unit Kerja').selectOption('BKPSDM-MUTASI');
    const table = page.getByRole('table', { name: 'Data siap kirim ke SIASN' });
    const row = table.getByRole('row').filter({ hasText: spaced(employee.nip) });
    await expect(row).toContainText('Belum Siap');
    await expect(row).toContainText('ID PNS SIASN belum dipetakan');
  });

  await test.step('the mapping imported, the row is ready and downloads as CSV', async () => {
    await page.getByRole('tab', { name: 'Identitas' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'identitas.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`nip,siasnPnsId\n${employee.nip},PNS-DEMO-${employee.nip.slice(-4)}\n`),
    });
    await page.getByRole('button', { name: 'Unggah' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Identitas tersimpan: 1 ID PNS SIASN' })).toBeVisible();
    await page.getByRole('tab', { name: 'Data Siap Kirim' }).click();
    await page.getByLabel('Unit Kerja').selectOption('BKPSDM-MUTASI');
    const row = page
      .getByRole('table', { name: 'Data siap kirim ke SIASN' })
      .getByRole('row')
      .filter({ hasText: spaced(employee.nip) });
    await expect(row.getByText('Siap', { exact: true })).toBeVisible();
    await expect(row).toContainText(`SKP22:PNS-DEMO-${employee.nip.slice(-4)}:${YEAR}`);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`siasn-skp22-${YEAR}.csv`);
    const text = readFileSync(await file.path()).toString('utf8');
    expect(text).toContain(employee.nip);
    expect(text).toContain(`PNS-DEMO-${employee.nip.slice(-4)}`);
    await checkPage(page, info, 'admin-siasn-data');
  });

  await test.step('Rekonsiliasi: SIASN is not enabled, the import is disabled and says why', async () => {
    await page.getByRole('tab', { name: 'Rekonsiliasi' }).click();
    await expect(page.getByText('SIASN belum diaktifkan', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Impor dari SIASN' })).toBeDisabled();
    await expect(page.getByText(/belum ada data SIASN yang diimpor/)).toBeVisible();
    await checkPage(page, info, 'admin-siasn-rekonsiliasi');
  });

  await test.step('Kirim: SIASN is off and why before any click, the actions disabled, the queue counts shown', async () => {
    await expectKirimDisabled(page);
    await checkPage(page, info, 'admin-siasn-kirim');
  });
});

/**
 * The Kirim tab on the demo agency (SIASN not enabled): before any click the status says SIASN is off and why,
 * the push and every retry are disabled, the send queue's counts by status are shown; the outbox list filters.
 */
async function expectKirimDisabled(page: Page) {
  await page.getByRole('tab', { name: 'Kirim', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kirim ke SIASN' })).toBeVisible();
  const off = page.getByRole('alert').filter({ hasText: 'SIASN belum diaktifkan' });
  await expect(off).toContainText('baru dikirim setelah koneksi SIASN diaktifkan');
  const push = page.getByRole('button', { name: 'Kirim ke SIASN' });
  await expect(push).toBeDisabled();
  const counts = page.getByRole('group', { name: 'Ringkasan antrean kirim' });
  for (const label of ['Menunggu', 'Sedang Dikirim', 'Terkirim', 'Gagal', 'Mati', 'Digantikan'])
    await expect(counts).toContainText(new RegExp(`${label} \\d`));
  await expect(page.getByText(/Mode pembaruan: Perbarui data SIASN dengan ID-nya/)).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Antrean kirim SIASN' }).or(page.getByText('Belum ada data dalam antrean kirim.')),
  ).toBeVisible();
  await page.getByLabel('Status kirim').selectOption('FAILED');
  await expect(
    page.getByRole('table', { name: 'Antrean kirim SIASN' }).or(page.getByText('Belum ada data dalam antrean kirim.')),
  ).toBeVisible();
  await expect(push).toBeDisabled();
  for (const retry of await page.getByRole('button', { name: 'Coba lagi' }).all()) await expect(retry).toBeDisabled();
}

test('SIASN at 360 px: burger navigation, every tab fits the screen', async ({ page }, info) => {
  test.skip(info.project.name !== 'desktop', 'one run (the viewport is set here)');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await openSiasn(page, true);
  for (const tab of ['Identitas', 'Data Siap Kirim', 'Rekonsiliasi', 'Kirim']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${tab} at 360 px`).toBeLessThanOrEqual(360);
    await checkPage(page, info, `telepon-siasn-${tab.toLowerCase().replace(/\s+/g, '-')}`);
  }
  await expectKirimDisabled(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'Kirim at 360 px').toBeLessThanOrEqual(360);
  await checkPage(page, info, 'telepon-siasn-kirim-nonaktif');
});
