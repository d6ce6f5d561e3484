/**
 * Names everywhere, never ids (issue 12): the visible text of a whole seminar game in the real page —
 * start screen, every hand-over, move, preview and log line a human seat and its bots produce, the
 * board's tooltip on every space, the White Cell's console before and after the end, the end card,
 * the replay viewer at every step of the same game, and its after-action report — holds no id from
 * the content catalogues (spaces, theatres, ports, partners, units, moves, White Cell powers, tracks,
 * injects, priorities, scenarios, seats).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  MOVES,
  PARTNERS,
  PORTS,
  SEATS,
  SPACES,
  THEATERS,
  TRACK_IDS,
  UNIT_KINDS,
  WHITE_MOVES,
} from '../../src/content/ids';
import { INJECT_IDS } from '../../src/content/injects';
import { PRIORITIES } from '../../src/content/priorities';
import { SCENARIOS } from '../../src/content/scenario';
import { main as report } from '../../src/cli/report';
import { openPage } from './browser';
import { useBuiltClient } from './built-client';
import { clickOneAction, startGame, state } from './game-helpers';

const env = useBuiltClient();

/** Lower-case ids of places and seats whose names are capitalised. */
const PROPER = new Set(['china', 'nato', 'japan', 'korea', 'india', 'taiwan', 'russia', 'ukraine', 'malacca']);

/**
 * The ids that cannot be words of a sentence: with a hyphen or an inner capital (`taiwan-ecs`,
 * `buildUpDefence`), or a proper noun's lower-case id (`china`, `india`). Ids that are plain words
 * (`tension`, `pass`, `exercise`) are their own names and are left out.
 */
const IDS = [
  ...new Set<string>([
    ...SPACES,
    ...THEATERS,
    ...PORTS,
    ...PARTNERS,
    ...UNIT_KINDS,
    ...MOVES,
    ...WHITE_MOVES,
    ...TRACK_IDS,
    ...INJECT_IDS,
    ...PRIORITIES.map((p) => p.id),
    ...SCENARIOS.map((s) => s.id),
    ...SEATS,
  ]),
].filter((id) => /[-_]|[a-z][A-Z]/.test(id) || PROPER.has(id));
const ID_RE = new RegExp(`(?<![\\w-])(${IDS.map((id) => id.replace(/[-]/g, '\\-')).join('|')})(?![\\w-])`);

/** Everything a person reads on the page: the text, tooltips, accessible names and placeholders. */
const visibleText = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out = [document.body.innerText];
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    return out;
  });

/** Collects each text that shows an id, with where it was seen. */
class IdWatch {
  readonly found = new Map<string, string>();
  async scan(page: Page, where: string): Promise<void> {
    for (const text of await visibleText(page))
      for (const line of text.split('\n')) {
        const m = ID_RE.exec(line);
        if (m && !this.found.has(line.trim())) this.found.set(line.trim(), `${where}: "${m[1]}"`);
      }
  }
  report(): string[] {
    return [...this.found].map(([line, where]) => `${where} in «${line.slice(0, 160)}»`);
  }
}

/** Steps the board's keyboard focus over every space, reading each tooltip. */
async function scanBoardTooltips(page: Page, watch: IdWatch, where: string): Promise<void> {
  await page.locator('#board').focus();
  for (let i = 0; i < SPACES.length + 1; i++) {
    await page.keyboard.press('.');
    const tip = page.locator('#board-tooltip');
    if (await tip.isVisible()) {
      const text = await tip.innerText();
      const m = ID_RE.exec(text);
      if (m) watch.found.set(text.replace(/\n/g, ' · '), `${where} tooltip: "${m[1]}"`);
    }
  }
  await page.keyboard.press('Escape');
}

async function takeScreen(page: Page): Promise<void> {
  await page.waitForSelector('#handover');
  await page.click('#handover-ready');
}

describe('names, never ids', () => {
  it('a whole seminar game, its replay and its report show no catalogue id', async () => {
    expect(IDS).toEqual(expect.arrayContaining(['taiwan-ecs', 'buildUpDefence', 'mediterranean-ports', 'china']));
    const watch = new IdWatch();
    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.goto(env.server.url);
    await page.waitForSelector('#start');
    await watch.scan(page, 'start screen');

    // China is a person, every other seat a bot, and a White Cell umpires: play into turn 3.
    await startGame(page, env.server.url, { humans: [0], seed: 'names-e2e-1', whiteCell: true });
    await scanBoardTooltips(page, watch, 'board');
    for (let i = 0; i < 300 && (await state(page)).turn < 3 && !(await state(page)).result; i++) {
      if (await page.locator('#handover').count()) {
        await watch.scan(page, 'hand-over');
        await takeScreen(page);
      } else if (await page.locator('button.move:not(:disabled)').count()) {
        await watch.scan(page, `turn ${(await state(page)).turn}`);
        await clickOneAction(page, i % 3 === 2);
        await watch.scan(page, `turn ${(await state(page)).turn}, after a move`);
      } else await page.waitForTimeout(100);
    }
    await scanBoardTooltips(page, watch, 'board in play');

    // The White Cell's console, then war: the console after the end and the end card.
    if (await page.locator('#handover').count()) await takeScreen(page);
    await page.click('#open-white-cell');
    await takeScreen(page);
    await page.waitForSelector('#white-cell-console');
    await watch.scan(page, 'White Cell console');
    await page.selectOption('#wc-override-track', 'tension');
    await page.fill('#wc-override-value', '10');
    await page.fill('#wc-reason', 'the room plays the worst case');
    await page.click('#wc-override');
    await page.waitForSelector('#wc-after-end');
    await watch.scan(page, 'White Cell console after the end');
    await page.click('#white-return');
    await page.waitForSelector('#end-screen');
    await watch.scan(page, 'end card');
    const save = await page.evaluate(() => (window as unknown as { __eat: { save: () => unknown } }).__eat.save());

    // The same game in the replay viewer, every step.
    const dir = mkdtempSync(join(tmpdir(), 'eat-names-'));
    try {
      writeFileSync(join(dir, 'game.json'), JSON.stringify(save));
      // The start screen, not the autosaved game.
      await page.evaluate(() => localStorage.clear());
      await page.goto(env.server.url);
      await page.waitForSelector('#start');
      await page.setInputFiles('#replay-file', join(dir, 'game.json'));
      await page.waitForSelector('#replay-pos');
      await page.click('#replay-first');
      for (let i = 0; i < 400; i++) {
        await watch.scan(page, `replay ${await page.locator('#replay-pos').innerText()}`);
        const before = await page.locator('#replay-pos').innerText();
        await page.click('#replay-forward');
        if ((await page.locator('#replay-pos').innerText()) === before) break;
      }
      await scanBoardTooltips(page, watch, 'replay board');

      // Its after-action report.
      const problems: string[] = [];
      expect(await report([join(dir, 'game.json'), '--out', dir], (l) => problems.push(l)), problems.join('\n')).toBe(
        0,
      );
      const reportPage = await env.browser.newPage();
      await reportPage.goto(pathToFileURL(join(dir, 'report.html')).href);
      await watch.scan(reportPage, 'report');
      await reportPage.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(watch.report()).toEqual([]);
    expect(errors).toEqual([]);
  }, 600_000);
});
