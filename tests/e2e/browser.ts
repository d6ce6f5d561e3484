/** Debian's Chromium driven by playwright-core with the flags of docs/ARCHITECTURE.md (boardgame.io facts) (never `playwright install`). */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/** A page that fails the test on any page error or any request off the local server. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1400, height: 860 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      errors.push(`network: ${r.url()}`);
  });
  return { page, errors };
}

/** Waits until the board has drawn its first frame. */
export async function boardDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __eatBoardDrawn?: boolean }).__eatBoardDrawn === true,
    null,
    { timeout: 30_000 },
  );
}
