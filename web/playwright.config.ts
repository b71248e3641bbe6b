import { defineConfig } from '@playwright/test';

/**
 * The browser tier: Debian's Chromium against the real API and worker that ./scripts/test starts on a
 * throwaway database (CONSOLE_URL). The JSON report feeds the closing `Tests:` line.
 */
const outputDir = process.env.PW_OUTPUT_DIR ?? 'test-results';
export default defineConfig({
  testDir: 'tests',
  outputDir,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Spec files (and the desktop and phone journeys, which use different teams) run side by side;
  // the steps inside one story stay in order.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT ?? `${outputDir}/report.json` }]],
  use: {
    baseURL: process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000',
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without the networking flags Chromium floods the closed network with refused connections.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } } },
    // The phone run repeats the journey (its own team) at 360 px; the other checks run once.
    {
      name: 'phone',
      testMatch: /journey\.spec\.ts/,
      use: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true },
    },
  ],
});
