import { apiSettled } from './support/api-idle';
import { expect, test } from './support/fixtures';
import { PASSWORD, demo } from './support/demo';
import { checkPage, login } from './support/page-checks';

test('Masuk: wrong password says so, keeps the NIP, and a good login returns to the page asked for', async ({
  page,
}, info) => {
  const who = demo('pel-yankes-1');
  await page.goto('/skp');
  await expect(page).toHaveURL(/\/masuk\?next=%2Fskp/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await checkPage(page, info, 'masuk');

  await login(page, who.nip, 'salah-sandi');
  await expect(page.getByRole('alert')).toContainText('NIP atau kata sandi salah');
  await expect(page.getByLabel('NIP')).toHaveValue(who.nip);

  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/skp$/);
  await expect(page.getByRole('heading', { level: 1, name: 'SKP Saya' })).toBeVisible();
});

test('Masuk: an NIP that is not 18 digits is refused on its field', async ({ page }) => {
  await page.goto('/masuk');
  await login(page, '12345', 'x');
  await expect(page.getByText('NIP harus 18 digit')).toBeVisible();
});

test('An expired session asks to log in again and returns to the same page', async ({ page }) => {
  const who = demo('pel-yankes-2');
  await page.goto('/masuk');
  await login(page, who.nip, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'SKP Saya' })).toBeVisible();
  await page.getByRole('link', { name: 'SKP Saya' }).first().click();
  // The page's queries follow one another (list, then the SKP, then its parts): the stale token must meet the
  // year change below, not a query still loading, or the redirect happens before the select is used.
  await apiSettled(page);
  // The token is no longer accepted (as after JWT_TTL_SECONDS): the next API call gets a 401.
  await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('skp.session')!);
    sessionStorage.setItem('skp.session', JSON.stringify({ ...s, token: s.token.slice(0, -4) + 'AAAA' }));
  });
  await page.getByLabel('Tahun').selectOption(String(new Date().getFullYear() - 1));
  await expect(page).toHaveURL(/\/masuk\?next=%2Fskp/);
  await expect(page.getByText('Sesi Anda telah berakhir')).toBeVisible();
  await login(page, who.nip, PASSWORD);
  await expect(page).toHaveURL(/\/skp$/);
});

test('Keluar ends the session', async ({ page }) => {
  await page.goto('/masuk');
  await login(page, demo('pel-yankes-2').nip, PASSWORD);
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByText('Anda telah keluar')).toBeVisible();
  await page.goto('/skp');
  await expect(page).toHaveURL(/\/masuk/);
});
