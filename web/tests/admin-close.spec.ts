import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { approvedLeaderSkp, employeeSkpId, token } from './support/api';
import { demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/** The BKPSDM office closes the year and the month: monitoring follows the close; the TPP month with warnings is closed and paid out. */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
const jakarta = (part: 'year' | 'month') =>
  Number(new Intl.DateTimeFormat('en', { [part]: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date()));
// Last year's annual period has ended whatever today's date (the demo agency exists since 2025-01-01),
// so its evaluations can be rated; this year's belong to the journey spec.
const YEAR = jakarta('year') - 1;
// The month before this one: its TPP can be computed and closed without touching the journey's month.
const MONTH = (() => {
  const y = jakarta('year');
  const m = jakarta('month');
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

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

test('Pembayaran TPP: a month with warnings is closed only once they are acknowledged; the payroll files keep NIPs as text', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  test.setTimeout(240_000);
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await open(page, 'Pembayaran TPP');
  await test.step('the rule sets with their versions', async () => {
    await page.getByRole('button', { name: /^R-TPP-DEMO \(1 versi\)/ }).click();
    const versions = page.getByRole('table', { name: 'Versi aturan R-TPP-DEMO' });
    await expect(versions.getByRole('row').filter({ hasText: 'R-TPP-DEMO@1' })).toContainText('Versi pertama');
  });
  await page.getByLabel('Bulan (YYYY-MM)').fill(MONTH);
  await expect(page.getByText('Status: Terbuka')).toBeVisible();

  await test.step('the run: progress to the end, then the warnings by code', async () => {
    await page.getByRole('button', { name: 'Jalankan perhitungan' }).click();
    await expect(page.getByLabel('Kemajuan perhitungan TPP')).toBeVisible();
    await expect(page.getByText(/^Perhitungan: Selesai/)).toBeVisible({ timeout: 120_000 });
    const warnings = page.getByRole('alert').filter({ hasText: 'Perlu Diperiksa' });
    await expect(warnings).toBeVisible();
    await expect(warnings).toContainText('Data presensi belum ada (dihitung hadir penuh) (ATTENDANCE_MISSING)');
    await checkPage(page, info, 'admin-pembayaran-tpp');
  });

  await test.step('closing without the acknowledgement is refused; with it the month closes', async () => {
    await page.getByRole('button', { name: 'Tutup bulan' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Bulan belum ditutup' });
    await expect(refused).toContainText('Centang pernyataan di atas');
    await expect(page.getByText('Status: Terbuka')).toBeVisible();
    await page.getByLabel('Saya sudah memeriksa peringatan dan tetap menutup bulan ini').check();
    await page.getByRole('button', { name: 'Tutup bulan' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Bulan .* ditutup\.$/ })).toBeVisible();
    await expect(page.getByText(/Status: Ditutup/)).toBeVisible();
  });

  const nips = await test.step('the payroll Excel: NIPs as text, rupiah as numbers', async () => {
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
      const row = sheet.getRow(r);
      const nip = row.getCell(nipCol).value;
      const net = row.getCell(netCol).value;
      expect(typeof nip, `row ${r} NIP`).toBe('string');
      expect(nip as string).toMatch(/^\d{18}$/);
      expect(typeof net, `row ${r} net`).toBe('number');
      out.push(nip as string);
    }
    expect(out).toContain(demo('kadinkes').nip);
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
    // Spreadsheet-safe by default: a code is written ="…" so Excel keeps it as text (no 1.98E+17, no lost digits).
    for (const r of rows) expect(r.nip).toMatch(/^="\d{18}"$/);
    expect(rows.map((r) => r.nip.slice(2, -1))).toEqual(nips);
  });
});
