import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { approvedLeaderSkp, employeeSkpId } from './support/api';
import { CASTS, PASSWORD, demo } from './support/demo';
import { checkPage, expectNoHorizontalScroll, login } from './support/page-checks';

const now = new Date();
const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(now));
const month = Number(new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: 'Asia/Jakarta' }).format(now));
// A period whose last month has begun (ratings wait for it): the year in December, else the last quarter begun-and-ended.
const period = month === 12 ? String(year) : `${year}-Q${Math.max(1, Math.floor(month / 3))}`;

test('SKP to final predikat: employee, Pejabat Penilai Kinerja and atasan PPK in the console', async ({
  page,
  request,
}, info) => {
  test.setTimeout(420_000); // a loaded machine took 5 minutes for the desktop run
  const cast = CASTS[info.project.name];
  const employee = demo(cast.employee);
  const leaderRhk = `Meningkatnya mutu layanan (${info.project.name})`;
  await approvedLeaderSkp(request, cast.ppk, cast.atasanPpk, year, leaderRhk);
  const phone = info.project.name === 'phone';

  await test.step('the employee writes the SKP, linked to the PPK’s RHK, and submits it', async () => {
    await page.goto('/');
    await login(page, employee.nip, PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'SKP Saya' })).toBeVisible();
    await page.getByRole('button', { name: `Buat SKP ${year}` }).click();
    await page.getByRole('button', { name: 'Tambah RHK' }).click();
    await page
      .getByLabel('Rencana Hasil Kerja', { exact: true })
      .fill('Terlaksananya asuhan keperawatan pasien rujukan');
    await page.getByLabel('RHK Pimpinan yang Diintervensi').selectOption({ label: leaderRhk });
    await page
      .getByLabel('Indikator', { exact: true })
      .fill('Persentase pasien rujukan yang mendapat asuhan sesuai standar');
    // Saving without a target keeps what was typed; submitting shows the API's message on the Target field.
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await expect(page.getByText('target wajib pada pendekatan kuantitatif', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Indikator', { exact: true })).toHaveValue(
      'Persentase pasien rujukan yang mendapat asuhan sesuai standar',
    );
    await page.getByLabel('Target').fill('100 %');
    if (phone) await expectNoHorizontalScroll(page);
    await checkPage(page, info, 'skp-saya');
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await expect(page.getByText('Diajukan', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Keluar' }).click();
  });

  const ppk = demo(cast.ppk);
  await test.step('the PPK approves the SKP', async () => {
    await login(page, ppk.nip, PASSWORD);
    await openMenu(page, 'Tim Saya', phone);
    await expect(page.getByRole('heading', { level: 1, name: 'Tim Saya' })).toBeVisible();
    if (phone) await expectNoHorizontalScroll(page);
    await checkPage(page, info, 'tim-saya');
    await page.getByRole('link', { name: `Periksa SKP ${employee.name}` }).click();
    await expect(page.getByText('Terlaksananya asuhan keperawatan pasien rujukan')).toBeVisible();
    await checkPage(page, info, 'tim-saya-periksa-skp');
    await page.getByRole('button', { name: 'Setujui' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tim Saya' })).toBeVisible();
  });

  await test.step('the employee uploads a PDF as bukti dukung for the period and downloads it back', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login(page, employee.nip, PASSWORD);
    await openMenu(page, 'Evaluasi', phone);
    await page.getByLabel('Periode').selectOption(period);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByLabel('Berkas bukti dukung').click(),
    ]);
    await chooser.setFiles({
      name: 'laporan-rujukan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Unggah' }).click();
    await expect(page.getByText('Bukti dukung diunggah.')).toBeVisible();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh laporan-rujukan.pdf' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('laporan-rujukan.pdf');
    if (phone) await expectNoHorizontalScroll(page);
    await checkPage(page, info, 'evaluasi-bukti-dukung');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login(page, ppk.nip, PASSWORD);
    await openMenu(page, 'Tim Saya', phone);
  });

  await test.step('the PPK rates with feedback, sees the curve and finalises', async () => {
    await page.getByLabel('Periode penilaian').selectOption(period);
    await page.getByRole('link', { name: `Nilai ${employee.name}` }).click();
    await page.getByLabel('Umpan Balik RHK 1').fill('Asuhan rujukan konsisten; pertahankan.');
    await page.getByLabel('Umpan Balik Akuntabel').fill('Laporan selalu tepat waktu.');
    await page.getByLabel('Rating Hasil Kerja').selectOption('DI_ATAS_EKSPEKTASI');
    await page.getByLabel('Rating Perilaku Kerja').selectOption('DI_ATAS_EKSPEKTASI');
    await page.getByRole('button', { name: 'Nilai' }).click();
    await expect(page.getByText('Predikat: Sangat Baik')).toBeVisible();
    await expect(page.getByTestId('pola-distribusi')).toBeVisible();
    if (phone) await expectNoHorizontalScroll(page);
    await checkPage(page, info, 'tim-saya-penilaian');
    const justification = page.getByLabel('Justifikasi');
    await justification.fill('Unit kecil; capaian organisasi belum ditetapkan saat penilaian.');
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await expect(page.getByText(/Diterbitkan \d+ \p{L}+ \d{4}; batas keberatan/u)).toBeVisible();
    await page.getByRole('button', { name: 'Keluar' }).click();
  });

  await test.step('the employee files a keberatan within the window', async () => {
    await login(page, employee.nip, PASSWORD);
    await openMenu(page, 'Evaluasi', phone);
    await expect(page.getByRole('heading', { level: 1, name: 'Evaluasi' })).toBeVisible();
    await page.getByLabel('Periode').selectOption(period);
    await expect(page.getByText(/Masa keberatan sampai .* \(\d+ hari lagi\)/)).toBeVisible();
    if (phone) await expectNoHorizontalScroll(page);
    await checkPage(page, info, 'evaluasi');
    await page
      .getByLabel('Alasan keberatan')
      .fill('Realisasi asuhan rujukan melebihi target namun tidak dipertimbangkan.');
    await page.getByRole('button', { name: 'Ajukan Keberatan' }).click();
    await expect(page.getByText('menunggu keputusan Atasan Pejabat Penilai Kinerja')).toBeVisible();
    await page.getByRole('button', { name: 'Keluar' }).click();
  });

  const skpId = await employeeSkpId(request, cast.employee, year);
  await test.step('the atasan PPK reads both statements and decides', async () => {
    await login(page, demo(cast.atasanPpk).nip, PASSWORD);
    await openMenu(page, 'Keberatan', phone);
    await expect(page.getByRole('heading', { level: 1, name: 'Keberatan' })).toBeVisible();
    await page.goto(`/keberatan/${skpId}/${period}`);
    await expect(page.getByText('Realisasi asuhan rujukan melebihi target')).toBeVisible();
    if (phone) await expectNoHorizontalScroll(page);
    await checkPage(page, info, 'keberatan');
    await page.getByLabel('Rating Hasil Kerja').selectOption('DI_ATAS_EKSPEKTASI');
    await page.getByLabel('Rating Perilaku Kerja').selectOption('SESUAI_EKSPEKTASI');
    await page
      .getByLabel('Keputusan', { exact: true })
      .fill('Keberatan diterima sebagian setelah memeriksa bukti dukung.');
    await page.getByRole('button', { name: 'Putuskan' }).click();
    await expect(page).toHaveURL(/\/keberatan$/);
    await page.getByRole('button', { name: 'Keluar' }).click();
  });

  await test.step('the employee sees the final predikat, the AK entry and downloads the DEKP', async () => {
    await login(page, employee.nip, PASSWORD);
    await openMenu(page, 'Evaluasi', phone);
    await page.getByLabel('Periode').selectOption(period);
    await expect(page.getByRole('heading', { name: 'Predikat Kinerja: Baik' })).toBeVisible();
    await expect(page.getByText('Final', { exact: true })).toBeVisible();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh PDF (DEKP)' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`DEKP-${employee.nip}-${period}.pdf`);
    await openMenu(page, 'Angka Kredit', phone);
    await expect(page.getByRole('heading', { level: 1, name: 'Angka Kredit' })).toBeVisible();
    // The worker converts the final predikat into the ledger shortly after.
    await expect(async () => {
      await page.reload();
      await expect(page.getByText('Konversi predikat kinerja', { exact: false }).first()).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 60_000 });
    if (phone) await expectNoHorizontalScroll(page);
    await checkPage(page, info, 'angka-kredit');
    for (const entry of ['Riwayat', 'Tunjangan', 'SKP Saya']) {
      await openMenu(page, entry, phone);
      await expect(page.getByRole('heading', { level: 1, name: entry })).toBeVisible();
      await checkPage(page, info, entry.toLowerCase().replace(/ /g, '-'));
    }
  });
});

/** On a phone the menu hides behind the burger. */
async function openMenu(page: Page, entry: string, phone: boolean) {
  if (phone) await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.getByRole('link', { name: entry }).click();
}
