import { expect, test, type Page } from '@playwright/test';
import { demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/** The office takes a netralitas case from the Bawaslu report to the decision, with each step's deadline in view. */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
const LONG_DATE = /\d{1,2} \p{L}+ \d{4}/u;
const daysAgo = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() - n * 86_400_000));

/** The deadline cell (second column) of a step row. */
const due = (page: Page, step: string) => page.getByTestId(`step-${step}`).getByRole('cell').nth(1);
const done = (page: Page, step: string) => page.getByTestId(`step-${step}`).getByRole('cell').nth(2);

test('Disiplin: a netralitas case from report to decision, each step with its deadline and who must act', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  test.setTimeout(150_000);
  const employee = demo('pel-dinkes-1');
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await page.getByRole('link', { name: 'Disiplin', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disiplin' })).toBeVisible();
  await checkPage(page, info, 'admin-disiplin');
  // 04 §7: elections as data; Pilkada 2024 calon from its penetapan date.
  await expect(page.getByRole('table', { name: 'Data pemilihan' })).toContainText('22 September 2024');

  await test.step('the report: classified, verification due, the official who must act named', async () => {
    const report = page.locator('form', { has: page.getByRole('heading', { name: 'Laporkan kasus' }) });
    await report.getByLabel('NIP pegawai').fill(employee.nip);
    await report.getByLabel('Jenis kasus').selectOption('NETRALITAS');
    await report.getByLabel('Perbuatan').selectOption('N05');
    await report.getByLabel('Tahapan pemilihan').selectOption('CALON');
    await report.getByLabel('Tanggal kejadian').fill(daysAgo(0));
    await report.getByLabel('Pelapor').fill('Bawaslu Kabupaten Contoh (temuan pengawasan)');
    await report.getByRole('button', { name: 'Laporkan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Kasus DIS-\d+$/ })).toBeVisible();
    await expect(page.getByTestId('case-status')).toHaveText('Dilaporkan');
    await expect(page.getByText(`${employee.name} (`)).toBeVisible();
    // 04 §7: the recommending body of the act date (after 24 August 2024: BKN), derived, never typed in.
    await expect(page.getByTestId('recommending-body')).toContainText('BKN');
    await expect(due(page, 'verify')).toHaveText(LONG_DATE);
    await expect(page.getByRole('heading', { level: 2, name: 'Yang harus bertindak' })).toBeVisible();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: /^(Atasan langsung|Pejabat)/ })
        .first(),
    ).toBeVisible();
    await checkPage(page, info, 'admin-disiplin-kasus');
  });

  await test.step('verification: the recommendation falls due', async () => {
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await expect(page.getByTestId('case-status')).toHaveText('Diverifikasi');
    await expect(done(page, 'verify')).toHaveText(LONG_DATE);
    await expect(due(page, 'recommend')).toHaveText(LONG_DATE);
  });

  await test.step('recommendation within the classified level: the decision falls due', async () => {
    await expect(page.getByLabel('Tingkat hukuman')).toHaveValue('SEDANG');
    await page.getByRole('button', { name: 'Rekomendasikan' }).click();
    await expect(page.getByTestId('case-status')).toHaveText('Direkomendasikan');
    await expect(due(page, 'decide')).toHaveText(LONG_DATE);
    await expect(page.getByText(/^Rekomendasi: Sedang, /)).toBeVisible();
  });

  await test.step('the decision with its SK: delivery falls due', async () => {
    await page.getByLabel('Nomor SK').fill('800/45/BKPSDM/2026');
    await page.getByRole('button', { name: 'Putuskan' }).click();
    await expect(page.getByTestId('case-status')).toHaveText('Diputuskan');
    await expect(page.getByText(/^Keputusan: .*\(SK 800\/45\/BKPSDM\/2026\)$/)).toBeVisible();
    await expect(done(page, 'decide')).toHaveText(LONG_DATE);
    await expect(due(page, 'deliver')).toHaveText(LONG_DATE);
  });

  await test.step('the list and the election-period summary count it', async () => {
    await page.getByRole('link', { name: 'Kembali ke daftar kasus' }).click();
    const row = page.getByRole('row').filter({ hasText: employee.name });
    await expect(row).toContainText('Diputuskan');
    await expect(row).toContainText('Pelanggaran Netralitas');
    const summary = page.getByRole('table', { name: 'Rekap netralitas per unit' });
    await expect(summary.getByRole('row').filter({ hasText: /Dinas Kesehatan/ })).toBeVisible();
  });
});
