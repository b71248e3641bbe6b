import { expect, test } from '@playwright/test';
import { demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/** The office records a mutation on the employee page and reads it in the effective-dated history. */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
// The first day of next month (Asia/Jakarta): a mutation decided now, in force later.
const NEXT_MONTH = (() => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' })
    .format(new Date())
    .split('-')
    .map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
})();

test('Pegawai: a mutation recorded from the employee page appears in the effective-dated history; a bad field is shown on the field', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  test.setTimeout(120_000);
  const employee = demo('pel-setda-1');
  const newBoss = demo('kabid-mutasi');
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByLabel('Cari nama atau NIP').fill(employee.nip.slice(0, 14));
  await page.getByRole('link', { name: employee.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: employee.name })).toBeVisible();
  const history = page.getByRole('table', { name: 'Riwayat jabatan' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await checkPage(page, info, 'admin-pegawai-detail');

  await page.getByRole('button', { name: 'Catat mutasi' }).click();
  await page.getByLabel('Berlaku mulai').fill(NEXT_MONTH);
  await page.getByLabel('Unit Kerja').selectOption('BKPSDM-MUTASI');
  await page.getByLabel('NIP atasan langsung').fill('12345');
  await page.getByLabel('Alasan (mis. nomor SK)').fill('SK Bupati Contoh Nomor 800/123/BKPSDM');
  await page.getByRole('button', { name: 'Simpan mutasi' }).click();
  await expect(page.getByLabel('NIP atasan langsung')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Alasan (mis. nomor SK)')).toHaveValue('SK Bupati Contoh Nomor 800/123/BKPSDM');
  await checkPage(page, info, 'admin-pegawai-mutasi');

  await page.getByLabel('NIP atasan langsung').fill(newBoss.nip);
  await page.getByRole('button', { name: 'Simpan mutasi' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Catat mutasi' })).toBeHidden();
  await expect(history.getByRole('row')).toHaveCount(3);
  const upcoming = history.getByRole('row').filter({ hasText: 'Akan datang' });
  await expect(upcoming).toContainText('Bidang Mutasi dan Promosi');
  await expect(upcoming).toContainText('SK Bupati Contoh Nomor 800/123/BKPSDM');
  await expect(upcoming).toContainText(
    `${newBoss.nip.slice(0, 8)} ${newBoss.nip.slice(8, 14)} ${newBoss.nip.slice(14, 15)} ${newBoss.nip.slice(15)}`,
  );
  // The current row ends the day before the mutation takes effect (assignment ends are exclusive in the API).
  const lastDay = new Date(`${NEXT_MONTH}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  const lastDayText = new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(lastDay);
  await expect(history.getByRole('row').filter({ hasText: 'Sekretariat Daerah' }).first()).toContainText(
    `– ${lastDayText}`,
  );
  // Today's record is unchanged until the effective date.
  await expect(page.getByText('Unit Kerja: Sekretariat Daerah')).toBeVisible();
});

test('Pegawai: a new employee is created from the roster; the API’s field error lands on its field', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByRole('button', { name: 'Tambah pegawai' }).click();
  const f = page.locator('form', { has: page.getByRole('heading', { name: 'Tambah pegawai' }) });
  const nip = f.getByRole('textbox', { name: 'NIP', exact: true });
  await nip.fill('12345');
  await f.getByRole('textbox', { name: 'Nama', exact: true }).fill('Lestari Anggraini, S.Kom.');
  await f.getByLabel('Golongan').fill('III/a');
  await f.getByRole('combobox', { name: 'Unit Kerja', exact: true }).selectOption('BKPSDM-MUTASI');
  await f.getByLabel('NIP atasan langsung').fill(demo('kabid-mutasi').nip);
  await f.getByRole('textbox', { name: 'Jabatan', exact: true }).fill('Pranata Komputer Ahli Pertama');
  await f.getByLabel('Jenis jabatan').selectOption('FUNGSIONAL');
  await f.getByLabel('Jenjang').selectOption('AHLI_PERTAMA');
  await f.getByLabel('Kelas jabatan').fill('8');
  await f.getByLabel('TMT jabatan').fill('2026-01-02');
  await f.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(nip).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, info, 'admin-pegawai-tambah');
  await nip.fill('199601022026011001');
  await f.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lestari Anggraini, S.Kom.' })).toBeVisible();
  await expect(page.getByText('Unit Kerja: Bidang Mutasi dan Promosi')).toBeVisible();
});
