import { expect, test } from '@playwright/test';

// The console as the API serves it: index.html under a strict Content-Security-Policy that is really enforced
// (the other specs fail on any violation; this one shows that a violation is seen at all).
test('the console is served by the API under a CSP that blocks inline script and un-nonced styles', async ({
  page,
}) => {
  const response = await page.goto('/evaluasi');
  expect(response?.status()).toBe(200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();

  const seen = await page.evaluate(async () => {
    const events: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => events.push(e.effectiveDirective));
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.append(style);
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    await new Promise((r) => setTimeout(r, 200));
    return { events, ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
  });
  expect(seen.ran).toBe(false);
  expect(seen.events).toEqual(expect.arrayContaining(['style-src-elem', 'script-src-elem']));
});
