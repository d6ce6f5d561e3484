/**
 * `npm run docs:screenshots`: regenerates the pictures in docs/screenshots from the production build in
 * headless Chromium — the theatre map, the score panel, the guided first game, the White Cell console, a
 * 1280×720 laptop, a phone in portrait, and a seminar's matrix argument from the seat to the White Cell.
 * A screen missing from the build is named as skipped.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DIST, ROOT, ensureBuilt } from './build';
import { boardDrawn, launch } from './browser';
import { serveStatic } from './static-server';

const OUT = join(ROOT, 'docs/screenshots');

/** Opens a direct game link and waits until the board is drawn and a person may act. */
async function open(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => console.error(`pageerror on ${url}: ${e.message}`));
  await page.goto(url);
  await boardDrawn(page);
  await page.waitForSelector('button.move:not(:disabled), #white-cell-layer:not([hidden])', { timeout: 60_000 });
  // Let the render loop draw the last state before the picture.
  await page.waitForTimeout(800);
  return page;
}

async function shot(page: Page, name: string, selector?: string): Promise<void> {
  const path = join(OUT, name);
  if (selector) await page.locator(selector).first().screenshot({ path });
  else await page.screenshot({ path });
  console.log(`docs/screenshots/${name}`);
  await page.close();
}

await ensureBuilt();
const server = await serveStatic(DIST);
const browser = await launch();
try {
  const game = (seed: string, extra = '') => `${server.url}?play=baseline-2023&seed=${seed}&humans=1${extra}`;
  await shot(await open(browser, game('docs-map'), { width: 1600, height: 1000 }), 'theatre-map.png');
  await shot(await open(browser, game('docs-map'), { width: 1600, height: 1000 }), 'theatre-map-board.png', '#board');
  await shot(await open(browser, game('docs-laptop'), { width: 1280, height: 720 }), 'layout-1280x720.png');
  await shot(await open(browser, game('docs-phone'), { width: 390, height: 844 }), 'layout-phone.png');
  {
    const page = await open(browser, game('docs-phone'), { width: 390, height: 844 });
    await page.click('#drawer-handle');
    await page.waitForTimeout(500);
    await shot(page, 'layout-phone-drawer.png');
  }
  {
    const page = await open(browser, game('docs-score'), { width: 1600, height: 1000 });
    if (await page.locator('#score-panel').count()) await shot(page, 'score-panel.png', '#score-panel');
    else {
      console.log('skipped score-panel.png: this build has no #score-panel');
      await page.close();
    }
  }
  {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(server.url);
    await page.click('#start-tutorial');
    await page.waitForSelector('#coach-title', { timeout: 60_000 });
    // The picture shows the learner's own turn (Japan's moves beside the coach), not a bot thinking.
    await page.waitForSelector('button.move:not(:disabled)', { timeout: 60_000 });
    await page.waitForTimeout(800);
    await shot(page, 'tutorial.png');
  }
  {
    const page = await open(browser, game('docs-white', '&white=1'), { width: 1600, height: 1000 });
    await page.click('#open-white-cell');
    // The screen changes hands through the hand-over card, as at a real table.
    await page.click('#handover-ready');
    await page.waitForSelector('#white-cell-console', { timeout: 60_000 });
    await page.waitForTimeout(800);
    await shot(page, 'white-cell-console.png');
  }
  {
    // A seminar with free adjudication: China argues beyond the moves, the screen goes to the White
    // Cell by itself, and the White Cell rates the argument in its console beside the map.
    const url = `${server.url}?play=baseline-2023&seed=docs-argue&humans=0&white=1&free=1`;
    const page = await open(browser, url, { width: 1400, height: 860 });
    await page.click('#argument summary');
    await page.fill('#arg-china-action', 'A quiet word with Seoul about port fees');
    await page.fill('#arg-china-result', 'South Korea cools on sending shells');
    await page.fill('#arg-china-reasons', 'Exports to China matter more to Seoul than the summit communiqué');
    await page.click('#arg-china-add-effect');
    await page.fill('#argument-form-china [data-role=delta]', '1');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'seminar-argument.png') });
    console.log('docs/screenshots/seminar-argument.png');
    await page.click('#arg-china-send');
    await page.waitForSelector('#handover');
    await page.screenshot({ path: join(OUT, 'seminar-hand-over.png') });
    console.log('docs/screenshots/seminar-hand-over.png');
    await page.click('#handover-ready');
    await page.waitForSelector('#wc-pending:not([hidden])');
    await page.fill('#wc-reason', 'Plausible: Seoul is wary of Beijing');
    await page.waitForTimeout(800);
    await shot(page, 'seminar-white-cell.png');
  }
} finally {
  await browser.close();
  await server.close();
}
