import { parse } from 'csv-parse/sync';
import dayjs from 'dayjs';
import 'dayjs/locale/id.js';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { demo } from './support/demo';
import { expect, test } from './support/fixtures';
import { checkPage, expectNoHorizontalScroll, login } from './support/page-checks';

/** Pembayaran TPP: a rule set edited into a new version, attendance with a bad row, the month run with warnings, the lines behind one, the close, the payroll files. */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
// The month that just ended: what the page opens on, and what this story closes (the journey owns this month).
const MONTH = (() => {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const month = dayjs(`${MONTH}-01`).locale('id');
const monthLabel = month.format('MMMM YYYY');
const quarter = `Triwulan ${['I', 'II', 'III', 'IV'][Math.floor(month.month() / 3)]} ${month.year()}`;

test('Pembayaran TPP: rule set version by form, attendance rows, a month with warnings to its close and payroll files', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only (the 360 px check is inside)');
  test.setTimeout(240_000);
  // A rule set of its own (not the default, assigned to no unit): editing it changes no one's TPP.
  const code = `R-UJI-${Date.now().toString(36).toUpperCase()}`;
  const auth = await request.post('/api/v1/auth/login', { data: ADMIN });
  expect(auth.status(), await auth.text()).toBe(200);
  const created = await request.put(`/api/v1/allowance/rule-sets/${code}`, {
    headers: { authorization: `Bearer ${(await auth.json()).accessToken as string}` },
    data: { template: 'R-TPP-DEMO', effectiveFrom: `${month.year()}-01-01` },
  });
  expect(created.status(), await created.text()).toBe(201);
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await page.getByRole('link', { name: 'Pembayaran TPP', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pembayaran TPP' })).toBeVisible();

  await test.step('a rule set edited through its form: the API refuses a factor above 100% on the field, then a new version lists what changed in words', async () => {
    await page.getByRole('button', { name: `${code} (1 versi)` }).click();
    await page.getByRole('button', { name: 'Ubah aturan (versi baru)' }).click();
    const form = page.getByRole('form', { name: `Ubah aturan ${code}` });
    await form.getByLabel('Sangat Baik (%)').fill('110');
    await form.getByRole('button', { name: 'Simpan versi baru' }).click();
    await expect(form.getByText('Harus antara 0% dan 100%')).toBeVisible();
    await expect(form.getByLabel('Sangat Baik (%)')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Sangat Baik (%)').fill('100');
    await form.getByLabel('Bagian kinerja (%)').fill('70');
    await form.getByRole('button', { name: 'Simpan versi baru' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Versi 2 aturan ${code} tersimpan.` })).toBeVisible();
    const v2 = page
      .getByRole('table', { name: `Versi aturan ${code}` })
      .getByRole('row')
      .filter({ hasText: `${code}@2` });
    await expect(v2).toContainText('Bagian kinerja diubah dari 60% menjadi 70%.');
    await expect(v2).toContainText('Bagian disiplin diubah dari 40% menjadi 30%.');
    await expect(v2).not.toContainText('Sangat Baik');
  });

  await test.step('the month is picked, not typed', async () => {
    const picker = page.getByLabel('Bulan', { exact: true });
    await expect(picker).toHaveText(monthLabel);
    await picker.click();
    await page.getByRole('button', { name: month.format('MMM'), exact: true }).click();
    await expect(picker).toHaveText(monthLabel);
    await expect(page.getByRole('heading', { level: 2, name: `TPP bulan ${monthLabel}` })).toBeVisible();
  });

  const kadinkes = demo('kadinkes');
  await test.step('attendance: a file with an unknown NIP is refused whole, the row listed; the corrected file is stored', async () => {
    const input = page.locator('input[type=file]');
    const header = 'nip,lateMinutes,earlyLeaveMinutes,absentDays,missedApel';
    await input.setInputFiles({
      name: 'presensi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${kadinkes.nip},"12",,0,0\n199901012020011999,,,0,0\n`),
    });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Presensi ditolak: 1 masalah, tidak ada yang disimpan' });
    await expect(refused.getByRole('row').filter({ hasText: 'NIP tidak terdaftar' })).toContainText(
      '19990101 202001 1 999',
    );
    await input.setInputFiles({
      name: 'presensi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${kadinkes.nip},"12",,0,0\n`),
    });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Presensi tersimpan: 1 baris/ })).toBeVisible();
  });

  await test.step('the run: progress to the end, warnings by code, and the people behind one with the reason', async () => {
    await page.getByRole('button', { name: 'Jalankan perhitungan' }).click();
    await expect(page.getByLabel('Kemajuan perhitungan TPP')).toBeVisible();
    await expect(page.getByText(/^Perhitungan: Selesai/)).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'Perlu Diperiksa' })).toBeVisible();
    await page
      .getByRole('button', { name: /^Predikat kinerja belum final \(bagian kinerja ditahan\): [\d.]+ baris$/ })
      .click();
    const lines = page.getByRole('table', { name: /^Pegawai dengan peringatan: Predikat kinerja belum final/ });
    const row = lines.getByRole('row').filter({ hasText: kadinkes.name });
    await expect(row).toContainText(`Predikat kinerja ${quarter} belum final. Bagian kinerja Rp`);
    await expect(row).toContainText('ditahan, bukan dipotong');
    await expect(row).not.toContainText(/\d{4}-Q\d/);
    await checkPage(page, info, 'admin-pembayaran-tpp');
  });

  await test.step('closing without the acknowledgement is refused; with it the month closes', async () => {
    await page.getByRole('button', { name: 'Tutup bulan' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Bulan belum ditutup' });
    await expect(refused).toContainText('Centang pernyataan di atas');
    await expect(page.getByText('Status: Terbuka')).toBeVisible();
    await page.getByLabel('Saya sudah memeriksa peringatan dan tetap menutup bulan ini').check();
    await page.getByRole('button', { name: 'Tutup bulan' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Bulan ${monthLabel} ditutup.` })).toBeVisible();
    await expect(page.getByText(/Status: Ditutup/)).toBeVisible();
  });

  const nips = await test.step('the payroll Excel read back: NIPs as 18-digit text, rupiah as numbers', async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh Excel' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`tpp-${MONTH}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const nipCol = header.findIndex((h) => h === 'NIP');
    const netCol = header.findIndex((h) => /TPP Diterima/i.test(h));
    expect(nipCol, header.join(' | ')).toBeGreaterThan(0);
    expect(netCol, header.join(' | ')).toBeGreaterThan(0);
    const out: string[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const nip = sheet.getRow(r).getCell(nipCol).value;
      expect(typeof nip, `row ${r} NIP`).toBe('string');
      expect(nip as string).toMatch(/^\d{18}$/);
      expect(typeof sheet.getRow(r).getCell(netCol).value, `row ${r} net`).toBe('number');
      out.push(nip as string);
    }
    expect(out).toContain(kadinkes.nip);
    return out;
  });

  await test.step('the payroll CSV: the same NIPs, every digit, as text for spreadsheets', async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`tpp-${MONTH}.csv`);
    const rows = parse(await readFile(await file.path(), 'utf8'), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    for (const r of rows) expect(r.nip).toMatch(/^="\d{18}"$/);
    expect(rows.map((r) => r.nip.slice(2, -1))).toEqual(nips);
  });

  await test.step('at 360 px nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    // The navigation slides away at phone width: measure once the layout has settled.
    await expect(page.getByRole('button', { name: 'Buka menu' })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: info.outputPath('phone-admin-pembayaran-tpp.png'), fullPage: true });
  });
});
