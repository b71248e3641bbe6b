import { allowanceLinesFor } from './support/api';
import { demo, PASSWORD } from './support/demo';
import { expect, test } from './support/fixtures';
import { checkPage, expectNoHorizontalScroll, login } from './support/page-checks';

/** The employee reads the month's TPP in plain Indonesian: no codes, formulas or ISO dates of the engine. */
const jakarta = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const MONTH = jakarta.slice(0, 7);
const monthLabel = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
  new Date(`${MONTH}-15T00:00:00Z`),
);
const quarter = `Triwulan ${['I', 'II', 'III', 'IV'][Math.floor((Number(MONTH.slice(5)) - 1) / 3)]} ${MONTH.slice(0, 4)}`;
/** What a developer would read and an employee should not. */
const DEVELOPER_TOKENS = [
  /R-TPP/,
  /baseTable/,
  /\bHOLD\b/,
  /INFERRED/,
  /\b\d{4}-(0[1-9]|1[0-2]|Q[1-4])\b/,
  /predikatMissing/,
  /§/,
];

test('Tunjangan: the month in plain sentences — rule set by name, steps with amounts, warnings that say what happens', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only (the 360 px check is inside)');
  test.setTimeout(180_000);
  await allowanceLinesFor(request, MONTH);
  const employee = demo('kadinkes');
  await page.goto('/');
  await login(page, employee.nip, PASSWORD);
  await page.getByRole('link', { name: 'Tunjangan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tunjangan' })).toBeVisible();
  const line = page.getByRole('region', { name: `TPP bulan ${monthLabel}` });
  await expect(line.getByRole('heading', { name: `TPP bulan ${monthLabel}` })).toBeVisible();
  expect(monthLabel).toMatch(/^\p{Lu}\p{Ll}+ \d{4}$/u);

  await test.step('warnings say what is missing and what happens (held, not cut)', async () => {
    const warnings = line.getByRole('alert').filter({ hasText: 'Perlu diperiksa' });
    await expect(warnings).toContainText(`Predikat kinerja ${quarter} belum final.`);
    await expect(warnings).toContainText(/ditahan, bukan dipotong, dan dibayarkan melalui koreksi/);
    await expect(warnings).toContainText(`Data presensi ${monthLabel} belum diterima.`);
  });

  await test.step('the explanation: rule set by name and version, each step a sentence with its amount, the regulations', async () => {
    await line.getByRole('button', { name: 'Penjelasan perhitungan' }).click();
    await expect(
      line.getByText(/^Dihitung dengan aturan TPP Pemerintah Kabupaten Contoh \(demo\), versi \d+\.$/),
    ).toBeVisible();
    const steps = line.getByRole('table', { name: 'Langkah perhitungan' });
    await expect(steps.getByRole('row').filter({ hasText: /^Hak TPP untuk kelas jabatan \d+Rp[\d.]+$/ })).toBeVisible();
    await expect(steps.getByRole('row').filter({ hasText: /^Bagian kinerja \(60% dari hak TPP\)Rp/ })).toBeVisible();
    await expect(
      steps.getByRole('row').filter({ hasText: new RegExp(`^Bagian kinerja ditahan: .*${quarter}.*−Rp`) }),
    ).toBeVisible();
    await expect(steps.getByRole('row').last()).toContainText('menjadi TPP Diterima');
    await expect(line.getByText('Dasar hukum', { exact: true })).toBeVisible();
    await expect(line.getByRole('listitem').filter({ hasText: 'PP 12/2019 Pasal 58 (TPP)' })).toBeVisible();
  });

  await test.step('no developer token anywhere on the page', async () => {
    const text = await page.locator('main').innerText();
    for (const token of DEVELOPER_TOKENS) expect(text, `page shows ${token}`).not.toMatch(token);
    expect(text).toContain(monthLabel);
    await checkPage(page, info, 'tunjangan-plain');
  });

  await test.step('at 360 px: nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    // The navigation slides away at phone width: measure once the layout has settled.
    await expect(page.getByRole('button', { name: 'Buka menu' })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: info.outputPath('phone-tunjangan-plain.png'), fullPage: true });
  });
});
