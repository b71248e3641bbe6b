import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** axe on the page as it is (WCAG 2.1 A/AA): no serious or critical violation; a screenshot; at phone width no sideways scroll. */
export async function checkPage(page: Page, info: TestInfo, name: string): Promise<void> {
  if (info.project.name === 'phone') await expectNoHorizontalScroll(page);
  await page.screenshot({ path: info.outputPath(`${info.project.name}-${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    ),
    `axe on ${name}`,
  ).toEqual([]);
}

/** At phone width nothing may scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

export async function login(page: Page, nip: string, password: string): Promise<void> {
  await page.getByLabel('NIP').fill(nip);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
