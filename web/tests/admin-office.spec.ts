import { expect, test } from './support/fixtures';
import { approvedLeaderSkp, jakartaToday } from './support/api';
import { PASSWORD, demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

/**
 * The office on the employee page: finds the employee by name, adds a Plt, records a mutation with its
 * event (spec 04 §1.2) and sees the SKP segment it closed; the audit trail opens from the page.
 */
const ADMIN = {
  nip: process.env.BOOTSTRAP_ADMIN_NIP ?? '198501012010011001',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin-demo-2026',
};
/** Today in Asia/Jakarta (YYYY-MM-DD): the mutation starts today, so the approved SKP closes yesterday. */
/** `6 Desember 2026` from YYYY-MM-DD, as the console writes dates. */
const formatted = (date: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

test('Pegawai: a Plt is added and a mutation with its event closes the approved SKP; the audit trail opens from the page', async ({
  page,
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  test.setTimeout(150_000);
  const employee = demo('pel-bkpsdm-2');
  const plt = demo('kabkpsdm');
  const { year } = jakartaToday();
  test.skip(today().endsWith('-01-01'), 'a mutation on 1 January closes no segment of the year');
  await approvedLeaderSkp(request, 'pel-bkpsdm-2', 'kabid-mutasi', year, 'Tersusunnya data mutasi pegawai');

  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await page.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await page.getByLabel('Cari nama atau NIP').fill(employee.name.split(' ')[0]);
  await page.getByRole('link', { name: employee.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: employee.name })).toBeVisible();
  const segments = page.getByRole('table', { name: 'Segmen SKP' });
  await expect(segments.getByRole('row')).toHaveCount(2);
  await expect(segments).toContainText('Disetujui');
  await expect(segments).toContainText('Definitif');

  await test.step('Plt: the API refuses a bad NIP and kelas on their fields, then the Plt and its post are saved', async () => {
    await page.getByRole('button', { name: 'Tambah Plt / Plh' }).click();
    const form = page.getByRole('form', { name: 'Tambah Plt / Plh' });
    await form.getByLabel('Jenis').selectOption('PLT');
    await form.getByLabel('NIP pejabat Plt / Plh').fill('12345');
    await form.getByLabel('Mulai').fill(today());
    await form.getByLabel('Dasar (nomor surat perintah)').fill('Sprint Plt No. 800/77/BKPSDM');
    await form.getByLabel('Kelas jabatan yang dijabat Plt').fill('18');
    await form.getByLabel('Tingkat jabatan Plt').selectOption('HIGHER');
    await form.getByRole('button', { name: 'Simpan Plt / Plh' }).click();
    await expect(form.getByLabel('NIP pejabat Plt / Plh')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Kelas jabatan yang dijabat Plt')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Dasar (nomor surat perintah)')).toHaveValue('Sprint Plt No. 800/77/BKPSDM');
    await form.getByLabel('NIP pejabat Plt / Plh').fill(plt.nip);
    await form.getByLabel('Kelas jabatan yang dijabat Plt').fill('10');
    await form.getByRole('button', { name: 'Simpan Plt / Plh' }).click();
    const list = page.getByRole('table', { name: 'Daftar Plt / Plh' });
    await expect(list.getByRole('row').filter({ hasText: `Dinilai oleh ${plt.name}` })).toContainText('Plt');
    await expect(list.getByRole('row').filter({ hasText: `Dinilai oleh ${plt.name}` })).toContainText(
      'Kelas jabatan 10, lebih tinggi',
    );
    const auth = await request.post('/api/v1/auth/login', { data: ADMIN });
    const saved = await request.get(`/api/v1/delegations?employeeNip=${employee.nip}`, {
      headers: { authorization: `Bearer ${(await auth.json()).accessToken as string}` },
    });
    const item = ((await saved.json()) as { items: { actingKelasJabatan: number; actingLevel: string }[] }).items[0];
    expect(item).toMatchObject({ actingKelasJabatan: 10, actingLevel: 'HIGHER' });
    await expect(list).toContainText('Sprint Plt No. 800/77/BKPSDM');
    const end = page.getByRole('button', { name: `Akhiri Plt Dinilai oleh ${plt.name} (`, exact: false });
    await end.click();
    const endForm = page.getByRole('form', { name: /^Akhiri Plt/ });
    await endForm.getByLabel('Hari terakhir').fill(`${year - 1}-12-31`);
    await endForm.getByRole('button', { name: 'Simpan' }).click();
    await expect(endForm.getByLabel('Hari terakhir')).toHaveAttribute('aria-invalid', 'true');
    await endForm.getByLabel('Hari terakhir').fill(today());
    await endForm.getByRole('button', { name: 'Simpan' }).click();
    await expect(endForm).toBeHidden();
    await expect(list.getByRole('row').filter({ hasText: `Dinilai oleh ${plt.name}` })).toContainText(
      `${formatted(today())} – ${formatted(today())}`,
    );
  });

  await test.step('Mutation with its event: the approved SKP closes the day before', async () => {
    await page.getByRole('button', { name: 'Catat mutasi' }).click();
    await page.getByLabel('Berlaku mulai').fill(today());
    await page.getByLabel('Peristiwa').selectOption('MUTASI');
    await page.getByLabel('Unit Kerja').selectOption('BKPSDM');
    await page.getByLabel('Alasan (mis. nomor SK)').fill('SK Mutasi No. 821/45/BKPSDM');
    await checkPage(page, info, 'admin-pegawai-peristiwa');
    await page.getByRole('button', { name: 'Simpan mutasi' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Catat mutasi' })).toBeHidden();
    // The event is applied by the worker: the segment turns Ditutup shortly after.
    await expect(async () => {
      await page.reload();
      await expect(segments).toContainText('Ditutup', { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await checkPage(page, info, 'admin-pegawai-segmen');
  });

  await test.step('Riwayat audit from the employee page lists the mutation', async () => {
    await page.getByRole('link', { name: 'Riwayat audit', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sistem' })).toBeVisible();
    await expect(page.getByLabel('Jenis data')).toHaveValue('Employee');
    const trail = page.getByRole('table', { name: 'Jejak audit' });
    await expect(trail.getByRole('row').filter({ hasText: 'employee.mutate' })).toContainText(
      'SK Mutasi No. 821/45/BKPSDM',
    );
  });

  await test.step('Jejak audit without typing an id: SKP of an employee found by name', async () => {
    await page.getByRole('button', { name: 'Pilih data lain' }).click();
    await page.getByLabel('Jenis data').selectOption('Skp');
    await page.getByLabel('Cari pegawai (nama atau NIP)').fill(employee.name.split(' ')[0]);
    await page.getByRole('button', { name: employee.name, exact: true }).click();
    const skp = page.getByLabel('SKP', { exact: true });
    await skp.selectOption({ index: 1 });
    const trail = page.getByRole('table', { name: 'Jejak audit' });
    await expect(trail.getByRole('row').filter({ hasText: 'skp.close' })).toContainText('MUTASI');
    await checkPage(page, info, 'admin-sistem-audit');
  });

  await test.step('SKP Saya: the employee opens the new SKP from the TMT with the RHK of the closed one', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login(page, employee.nip, PASSWORD);
    await page.getByRole('link', { name: 'SKP Saya', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'SKP Saya' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'SKP sebelumnya sudah ditutup' })).toBeVisible();
    await expect(page.getByLabel('Ambil RHK dari SKP sebelumnya')).toBeChecked();
    await page.getByRole('button', { name: /^Buat SKP mulai / }).click();
    const list = page.getByRole('table', { name: 'Daftar SKP tahun ini' });
    await expect(list.getByRole('row')).toHaveCount(3);
    await expect(list.getByRole('row').filter({ hasText: 'Sedang dibuka' })).toContainText('Draf');
    await expect(page.getByLabel('Rencana Hasil Kerja').first()).toHaveValue('Tersusunnya data mutasi pegawai');
    await checkPage(page, info, 'skp-saya-segmen');
    await list.getByRole('button', { name: /^Buka SKP / }).click();
    await expect(page.getByRole('status').filter({ hasText: 'SKP ini ditutup' })).toContainText('mutasi');
  });

  await test.step('SKP Saya of the Plt: the acting official opens an ACTING SKP next to the definitive one', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login(page, plt.nip, PASSWORD);
    await page.getByRole('link', { name: 'SKP Saya', exact: true }).click();
    const offer = page.getByRole('status').filter({ hasText: 'Anda ditunjuk sebagai Plt' });
    await expect(offer).toContainText(employee.name);
    await offer.getByRole('button', { name: 'Buat SKP Plt' }).click();
    const list = page.getByRole('table', { name: 'Daftar SKP tahun ini' });
    const acting = list.getByRole('row').filter({ hasText: 'Plt' });
    await expect(acting).toContainText(`${formatted(today())} – ${formatted(today())}`);
    await expect(acting).toContainText('Draf');
    await expect(offer).toBeHidden();
    await checkPage(page, info, 'skp-saya-plt');
  });
});

test('Sistem: a webhook is created (URL checked by the API, secret shown once), paused, resumed and deleted', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'desktop only');
  const url = 'http://127.0.0.1:9/hooks/kantor';
  await page.goto('/');
  await login(page, ADMIN.nip, ADMIN.password);
  await page.getByRole('link', { name: 'Sistem', exact: true }).click();
  const form = page.getByRole('form', { name: 'Tambah webhook' });
  await form.getByLabel('URL penerima').fill('http://10.20.30.40/hooks');
  await form.getByRole('button', { name: 'Simpan webhook' }).click();
  await expect(form.getByLabel('URL penerima')).toHaveAttribute('aria-invalid', 'true');
  const secret = await form.getByLabel('Rahasia penandatanganan').inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  await form.getByLabel('URL penerima').fill(url);
  await form.getByRole('button', { name: 'Simpan webhook' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveText(secret);
  await expect(form.getByLabel('Rahasia penandatanganan')).not.toHaveValue(secret);
  const hook = page.getByRole('group', { name: `Webhook ${url}` });
  await expect(hook).toContainText('Aktif');
  await hook.getByRole('button', { name: 'Jeda' }).click();
  await expect(hook).toContainText('Dijeda oleh admin');
  await hook.getByRole('button', { name: 'Lanjutkan' }).click();
  await expect(hook).toContainText('Aktif');
  await hook.getByRole('button', { name: 'Log pengiriman' }).click();
  await expect(hook).toContainText('Belum ada pengiriman.');
  await checkPage(page, info, 'admin-sistem-webhook');
  page.once('dialog', (d) => void d.accept());
  await hook.getByRole('button', { name: 'Hapus' }).click();
  await expect(hook).toBeHidden();
});
