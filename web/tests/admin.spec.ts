import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/** The BKPSDM office (the ADMIN section): every page opens with its h1 and passes axe; the roster, import and monitoring work. */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
const PAGES = ['Pegawai', 'Unit', 'Impor', 'Monitoring', 'Pembayaran TPP', 'Disiplin', 'Sistem'];
const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;

async function open(page: Page, label: string) {
  await page.getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

test('the BKPSDM office: every admin entry in the menu; find an employee by name; a file with one bad row is refused and the row shown', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  test.setTimeout(180_000);
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  for (const label of PAGES) await expect(page.getByRole('link', { name: label, exact: true })).toBeVisible();

  await test.step('Pegawai: the admin finds an employee by part of the name', async () => {
    const kadinkes = demo('kadinkes');
    await open(page, 'Pegawai');
    await page.getByLabel('Cari nama atau NIP').fill(kadinkes.name.split(' ')[1].toLowerCase());
    await expect(page.getByRole('cell', { name: kadinkes.name, exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: spaced(kadinkes.nip), exact: true })).toBeVisible();
    await checkPage(page, info, 'admin-pegawai');
  });

  await test.step('Unit: the tree with heads', async () => {
    await open(page, 'Unit');
    await expect(page.getByText('Dinas Kesehatan', { exact: true })).toBeVisible();
    await checkPage(page, info, 'admin-unit');
  });

  await test.step('Impor: a file with one bad row is refused, the row shown, nothing written', async () => {
    await open(page, 'Impor');
    const nip = '199912312024011999';
    const csv = [
      'nip,name,status,golongan,unitCode,supervisorNip,password,positionTitle,positionKind,jenjang,kelasJabatan,isUnitHead,tmt,effectiveFrom',
      `${nip},Pegawai Uji Impor,PNS,III/a,DINKES,,,Analis,PELAKSANA,,7,false,2026-01-02,`,
      '199912312024011998,Pegawai Salah,PNS,III/z,DINKES,,,Analis,PELAKSANA,,7,false,2026-01-02,',
    ].join('\n');
    // Mantine's FileInput is a button that opens the browser's file chooser.
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Berkas pegawai').click();
    await (await chooser).setFiles({ name: 'pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'tidak ada yang disimpan' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('cell', { name: 'golongan', exact: true })).toBeVisible();
    await expect(alert.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  });
});
