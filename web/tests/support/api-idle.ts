import { expect, type Page, type Request } from '@playwright/test';

/** The console's API requests in flight per page, tracked from the first navigation (see fixtures.ts). */
const inFlight = new WeakMap<Page, { open: Set<Request>; lastChange: number }>();

export function trackApiRequests(page: Page): void {
  const state = { open: new Set<Request>(), lastChange: Date.now() };
  inFlight.set(page, state);
  const isApi = (r: Request) => new URL(r.url()).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (!isApi(r)) return;
    state.open.add(r);
    state.lastChange = Date.now();
  });
  const done = (r: Request) => {
    if (state.open.delete(r)) state.lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Waits until no API request has been in flight for `quietMs`: a page whose queries follow one another
 * (a list, then the item it opens, then the item's parts) has settled. A step that must happen between
 * two requests (e.g. making the session stale) waits for this first.
 */
export async function apiSettled(page: Page, quietMs = 400): Promise<void> {
  const state = inFlight.get(page);
  if (!state) throw new Error('API requests are not tracked on this page');
  await expect
    .poll(() => state.open.size === 0 && Date.now() - state.lastChange >= quietMs, {
      message: 'API requests still in flight',
      timeout: 15_000,
      intervals: [100],
    })
    .toBe(true);
}
