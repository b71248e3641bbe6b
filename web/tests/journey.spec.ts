import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { allowanceLinesFor, approvedLeaderSkp, employeeSkpId, jakartaToday, ratablePeriod } from './support/api';
import { CASTS, PASSWORD, demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

// A period the guard lets a PPK rate today (its last month has begun): the journey passes on any date.
const { year, period } = ratablePeriod();
const thisYear = jakartaToday().year;

test('SKP to final predikat: employee, Pejabat Penilai Kinerja and atasan PPK in the console', async ({
  page,
  request,
}, info) => {
  test.setTimeout(420_000); // a loaded machine took 5 minutes for the desktop run
  const cast = CASTS[info.project.name];
  const employee = demo(cast.employee);
  const leaderRhk = `Meningkatnya mutu layanan (${info.project.name})`;
  await approvedLeaderSkp(request, cast.ppk, cast.atasanPpk, year, leaderRhk);
  // The BKPSDM office has run this month's TPP (Tunjangan shows the employee's line).
  const month = jakartaToday().month;
  await allowanceLinesFor(request, month);
  const monthLabel = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
  const phone = info.project.name === 'phone';

  await test.step('the employee writes the SKP, linked to the PPK’s RHK, and submits it', async () => {
    await page.goto('/');
    await login(page, employee.nip, PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'SKP Saya' })).toBeVisible();
    if (year !== thisYear) await page.getByLabel('Tahun').selectOption(String(year));
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
    if (year !== thisYear) await page.getByLabel('Tahun').selectOption(String(year));
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
    if (year !== thisYear) await page.getByLabel('Tahun').selectOption(String(year));
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
    await checkPage(page, info, 'evaluasi-bukti-dukung');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login(page, ppk.nip, PASSWORD);
    await openMenu(page, 'Tim Saya', phone);
  });

  await test.step('the PPK rates with feedback, sees the curve and finalises', async () => {
    if (year !== thisYear) await page.getByLabel('Tahun').selectOption(String(year));
    await page.getByLabel('Periode penilaian').selectOption(period);
    await page.getByRole('link', { name: `Nilai ${employee.name}` }).click();
    await page.getByLabel('Umpan Balik RHK 1').fill('Asuhan rujukan konsisten; pertahankan.');
    await page.getByLabel('Umpan Balik Akuntabel').fill('Laporan selalu tepat waktu.');
    await page.getByLabel('Rating Hasil Kerja').selectOption('DI_ATAS_EKSPEKTASI');
    await page.getByLabel('Rating Perilaku Kerja').selectOption('DI_ATAS_EKSPEKTASI');
    await page.getByRole('button', { name: 'Nilai' }).click();
    await expect(page.getByText('Predikat: Sangat Baik')).toBeVisible();
    await expect(page.getByTestId('pola-distribusi')).toBeVisible();
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
    if (year !== thisYear) await page.getByLabel('Tahun').selectOption(String(year));
    await page.getByLabel('Periode').selectOption(period);
    await expect(page.getByText(/Masa keberatan sampai .* \(\d+ hari lagi\)/)).toBeVisible();
    await checkPage(page, info, 'evaluasi');
    await page
      .getByLabel('Alasan keberatan')
      .fill('Realisasi asuhan rujukan melebihi target namun tidak dipertimbangkan.');
    await page.getByRole('button', { name: 'Ajukan Keberatan' }).click();
    await expect(page.getByText('menunggu keputusan Atasan Pejabat Penilai Kinerja')).toBeVisible();
    await page.getByRole('button', { name: 'Keluar' }).click();
  });

  await test.step('the atasan PPK reads both statements in the list and decides', async () => {
    await login(page, demo(cast.atasanPpk).nip, PASSWORD);
    await openMenu(page, 'Keberatan', phone);
    await expect(page.getByRole('heading', { level: 1, name: 'Keberatan' })).toBeVisible();
    // The list (from the API) carries both statements and the DEKP; the decision form is one click away.
    const item = page.getByRole('listitem').filter({ hasText: employee.name });
    await expect(item.getByText('Realisasi asuhan rujukan melebihi target')).toBeVisible();
    await expect(item.getByRole('button', { name: `Unduh PDF (DEKP) ${employee.name}` })).toBeVisible();
    await checkPage(page, info, 'keberatan');
    await item.getByRole('link', { name: `Putuskan keberatan ${employee.name}` }).click();
    await expect(page).toHaveURL(
      new RegExp(`/keberatan/${await employeeSkpId(request, cast.employee, year)}/${period}$`),
    );
    await expect(page.getByText('Realisasi asuhan rujukan melebihi target')).toBeVisible();
    await checkPage(page, info, 'keberatan-putuskan');
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
    if (year !== thisYear) await page.getByLabel('Tahun').selectOption(String(year));
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
    await checkPage(page, info, 'angka-kredit');
    await openMenu(page, 'Tunjangan', phone);
    await expect(page.getByRole('heading', { level: 1, name: 'Tunjangan' })).toBeVisible();
    const line = page.getByRole('region', { name: `TPP bulan ${monthLabel}` });
    await expect(line.getByText('TPP Diterima', { exact: true })).toBeVisible();
    await expect(line.getByText(/^−?Rp\d{1,3}(\.\d{3})+$/).first()).toBeVisible();
    // No attendance recorded for the month: the line says so.
    await expect(line.getByText('Perlu Diperiksa', { exact: true })).toBeVisible();
    await line.getByRole('button', { name: 'Penjelasan perhitungan' }).click();
    await expect(line.getByText('Dasar hukum', { exact: true })).toBeVisible();
    await checkPage(page, info, 'tunjangan');
    for (const entry of ['Riwayat', 'SKP Saya']) {
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
