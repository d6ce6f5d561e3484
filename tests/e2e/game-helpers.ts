/** Driving the real page like a player: start screens, moves by clicking, reading the state hook. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { GameState } from '../../src/rules';
import { boardDrawn } from './browser';

export interface StartOptions {
  variant?: 2 | 3 | 4;
  /** Player-group indices played by a person (others are bots). */
  humans: number[];
  seed: string;
  scenario?: string;
  /** Tick "White Cell (umpire) at this table" (and free adjudication). */
  whiteCell?: boolean;
  freeAdjudication?: boolean;
  /** The study question: one the scenario proposes (its text) is picked from the list. */
  study?: string;
}

export async function startGame(page: Page, baseUrl: string, o: StartOptions): Promise<void> {
  await page.goto(baseUrl);
  await page.waitForSelector('#start');
  if (o.scenario) await page.selectOption('#scenario', o.scenario);
  await page.selectOption('#variant', String(o.variant ?? 4));
  const groups = await page.locator('#seat-rows select[id^="who-"]').count();
  for (let i = 0; i < groups; i++) await page.selectOption(`#who-${i}`, o.humans.includes(i) ? 'human' : 'bot');
  await page.fill('#seed', o.seed);
  if (o.whiteCell) await page.check('#white-cell');
  if (o.freeAdjudication) await page.check('#free-adjudication');
  if (o.study) await page.selectOption('#study-pick', o.study);
  await page.click('#start');
  await boardDrawn(page);
  if (await page.locator('#bot-speed').count()) await page.selectOption('#bot-speed', '0');
}

export const state = (page: Page): Promise<GameState> =>
  page.evaluate(() => (window as unknown as { __eat: { state: () => GameState } }).__eat.state());
export const actionCount = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __eat: { actions: () => number } }).__eat.actions());

/** Waits until a person must act (a move button is enabled), a hand-over is shown, or the game ended. */
export async function waitForHuman(page: Page, timeout = 60_000): Promise<'move' | 'handover' | 'end'> {
  const h = await page.waitForFunction(
    () => {
      if (document.querySelector('#end-screen')) return 'end';
      if (document.querySelector('#handover')) return 'handover';
      if (document.querySelector('button.move:not(:disabled)')) return 'move';
      return false;
    },
    null,
    { timeout, polling: 50 },
  );
  return (await h.jsonValue()) as 'move' | 'handover' | 'end';
}

/** Plays one action by clicking: the first enabled move (not Pass unless nothing else), its first options, Confirm. */
export async function clickOneAction(page: Page, preferPass = false): Promise<string> {
  const enabled = page.locator('button.move:not(:disabled)');
  const names = await enabled.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['move']!));
  const pick = preferPass && names.includes('pass') ? 'pass' : (names.find((n) => n !== 'pass') ?? names[0]!);
  return completeMove(page, pick);
}

/** Clicks a move, takes the first option of each argument it asks for, and confirms it. */
/**
 * Plays until the game reaches `turn`: people pass (or take the first move), bots play, and every
 * hand-over is answered by `handOver` (which may check what it hides before taking the screen).
 */
export async function playIntoTurn(page: Page, turn: number, handOver: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 60 && (await state(page)).turn < turn; i++) {
    const next = await page.waitForFunction(
      (t) =>
        document.querySelector('#handover')
          ? 'handover'
          : document.querySelector('button.move:not(:disabled)')
            ? 'move'
            : (window as unknown as { __eat: { state: () => { turn: number } } }).__eat.state().turn >= t
              ? 'reached'
              : false,
      turn,
      { timeout: 30_000, polling: 50 },
    );
    const what = await next.jsonValue();
    if (what === 'handover') await handOver();
    else if (what === 'move') await clickOneAction(page, true);
  }
}

/** One White Cell act: a reason, then the button; the console reports success (online: once the server accepted it). */
export async function whiteAct(
  page: Page,
  reason: string,
  press: () => Promise<void>,
  opts: { timeout?: number } = {},
): Promise<void> {
  await page.fill('#wc-reason', reason);
  await press();
  await expect.poll(() => page.locator('#wc-message').getAttribute('class'), opts).toContain('wc-ok');
}

export async function completeMove(page: Page, pick: string): Promise<string> {
  await page.click(`button.move[data-move="${pick}"]`);
  for (let i = 0; i < 6; i++) {
    if (await page.locator('#confirm').count()) {
      await page.click('#confirm');
      return pick;
    }
    await page.locator('#chooser [data-option]').first().click();
  }
  throw new Error(`could not complete ${pick}`);
}

/** The text of a downloaded file. */
export async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await dl.path();
  return readFileSync(path, 'utf8');
}

/** Pixel statistics of a PNG, computed in the page (no image library needed in Node). */
export async function pngStats(page: Page, png: Buffer): Promise<{ mean: number; variance: number; distinct: number }> {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let sum = 0;
    let sq = 0;
    const seen = new Set<number>();
    const n = d.length / 4;
    for (let i = 0; i < d.length; i += 4) {
      const y = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
      sum += y;
      sq += y * y;
      if (seen.size < 5000) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    }
    const mean = sum / n;
    return { mean, variance: sq / n - mean * mean, distinct: seen.size };
  }, png.toString('base64'));
}

/** A box in page pixels, as Playwright's boundingBox gives it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Two boxes share more than an edge. */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on the page`);
  return b;
}

interface BoardHost {
  eatBoard: {
    statusCard(): { x: number; y: number; w: number; h: number };
    helpZones(): { x: number; y: number; w: number; h: number }[];
    labelAnchors(): { id: string; visible: boolean }[];
  };
}

/** The board's turn card (turn, who acts, every seat's AP) in page pixels. */
export const turnCardBox = (page: Page): Promise<Box> =>
  page.evaluate(() => {
    const host = document.getElementById('board') as HTMLElement & BoardHost;
    const r = host.getBoundingClientRect();
    const c = host.eatBoard.statusCard();
    return { x: r.x + c.x, y: r.y + c.y, width: c.w, height: c.h };
  });

/** The band of tracks under the map, from its first row to the board's foot, in page pixels (its rows are its hover areas). */
export const trackBandBox = (page: Page): Promise<Box> =>
  page.evaluate(() => {
    const host = document.getElementById('board') as HTMLElement & BoardHost;
    const r = host.getBoundingClientRect();
    const zones = host.eatBoard.helpZones();
    const top = Math.min(...zones.map((z) => z.y));
    const right = Math.max(...zones.map((z) => z.x + z.w));
    return { x: r.x, y: r.y + top, width: right, height: r.height - top };
  });

/** The spaces whose label anchors lie off the map's view (none when the whole map is shown). */
export const spacesOffMap = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (document.getElementById('board') as HTMLElement & BoardHost).eatBoard
      .labelAnchors()
      .filter((a) => !a.visible)
      .map((a) => a.id),
  );
