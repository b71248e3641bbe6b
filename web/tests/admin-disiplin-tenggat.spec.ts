import { demo } from './support/demo';
import { expect, test } from './support/fixtures';
import { checkPage, expectNoHorizontalScroll, login } from './support/page-checks';

/** Disiplin: a late case stands out, each step names its deadline and who must act, to the decision; the holiday calendar of the deadlines. */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
const LONG_DATE = /^\d{1,2} \p{L}+ \d{4}$/u;
const daysAgo = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() - n * 86_400_000));
const year = daysAgo(0).slice(0, 4);

test('Disiplin: an overdue discipline case taken to the decision with each deadline and who must act; holidays added and removed', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only (the 360 px check is inside)');
  test.setTimeout(150_000);
  const employee = demo('pel-dinkes-2');
  // Reported a month ago and never verified: the verification deadline has passed.
  const auth = await request.post('/api/v1/auth/login', { data: ADMIN });
  const headers = { authorization: `Bearer ${(await auth.json()).accessToken as string}` };
  const created = await request.post('/api/v1/discipline/cases', {
    headers,
    data: {
      nip: employee.nip,
      kind: 'OTHER',
      act: 'LALAI',
      level: 'RINGAN',
      occurredOn: daysAgo(35),
      reportedOn: daysAgo(30),
      reportedBy: 'Atasan langsung (laporan tertulis)',
      description: 'Lalai menyerahkan laporan pertanggungjawaban.',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const reference = (await created.json()).reference as string;

  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await page.getByRole('link', { name: 'Disiplin', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disiplin' })).toBeVisible();

  await test.step('the holiday calendar: a day added shows in the list, then removed', async () => {
    const holidays = page.getByRole('table', { name: `Hari libur ${year}` });
    await page.getByLabel('Tanggal libur').fill(`${year}-12-30`);
    await page.getByLabel('Nama hari libur').fill('Libur uji kalender');
    await page.getByRole('button', { name: 'Tambah', exact: true }).click();
    await expect(holidays.getByRole('row').filter({ hasText: 'Libur uji kalender' })).toContainText(
      `30 Desember ${year}`,
    );
    await page.getByRole('button', { name: `Hapus Libur uji kalender 30 Desember ${year}` }).click();
    await expect(holidays.getByRole('row').filter({ hasText: 'Libur uji kalender' })).toHaveCount(0);
  });

  await test.step('escalations are listed (or said to be none); the late case stands out in the list', async () => {
    await expect(page.getByRole('heading', { level: 2, name: 'Eskalasi' })).toBeVisible();
    await expect(page.getByText(/^(Belum ada eskalasi|\d+ eskalasi, \d+ belum selesai\.)/)).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row).toContainText('Lewat tenggat: Verifikasi');
    await checkPage(page, info, 'admin-disiplin-tenggat');
    await row.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Kasus ${reference}` })).toBeVisible();
  });

  const step = (s: string) => page.getByTestId(`step-${s}`);
  await test.step('the overdue verification: highlighted, with its deadline and who must act', async () => {
    await expect(step('verify').getByRole('cell').nth(1)).toContainText(/\d{1,2} \p{L}+ \d{4} Lewat tenggat/u);
    await expect(page.getByTestId('actor-verify')).toContainText('Atasan langsung');
    await expect(step('verify')).not.toContainText('§');
    await checkPage(page, info, 'admin-disiplin-kasus-tenggat');
  });

  await test.step('verify → recommend → decide: each next deadline shown with who must act', async () => {
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await expect(page.getByTestId('case-status')).toHaveText('Diverifikasi');
    await expect(step('recommend').getByRole('cell').nth(1)).toHaveText(LONG_DATE);
    await expect(page.getByTestId('actor-recommend')).toContainText('Tim pemeriksa');
    await page.getByLabel('Tingkat hukuman').selectOption('RINGAN');
    await page.getByRole('button', { name: 'Rekomendasikan' }).click();
    await expect(page.getByTestId('case-status')).toHaveText('Direkomendasikan');
    await expect(step('decide').getByRole('cell').nth(1)).toHaveText(LONG_DATE);
    await expect(page.getByTestId('actor-decide')).not.toHaveText('Pejabat yang berwenang menghukum');
    await page.getByLabel('Nomor SK').fill(`800/77/BKPSDM/${year}`);
    await page.getByRole('button', { name: 'Putuskan' }).click();
    await expect(page.getByTestId('case-status')).toHaveText('Diputuskan');
    await expect(step('decide').getByRole('cell').nth(2)).toHaveText(LONG_DATE);
    await expect(step('deliver').getByRole('cell').nth(1)).toHaveText(LONG_DATE);
    await expect(page.getByTestId('actor-deliver')).toContainText('BKPSDM');
  });

  await test.step('at 360 px nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    // The navigation slides away at phone width: measure once the layout has settled.
    await expect(page.getByRole('button', { name: 'Buka menu' })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: info.outputPath('phone-admin-disiplin-kasus.png'), fullPage: true });
  });
});
