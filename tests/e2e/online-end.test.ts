/**
 * The end of an online match in the real page against the real server (issue 12): the clock and the
 * stand-in controls go when the game ends and come back when the White Cell reopens it; the White
 * Cell's console rewinds and reopens a branch after the end; a chat line shows once, also after a
 * stand-in bot played the seat and the player took it back (each sync resends the recent chat).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/rules';
import { boardDrawn, openPage } from './browser';
import { whiteAct } from './game-helpers';
import { useOnlineServer } from './online-server';

const env = useOnlineServer();

const GAME = 'east-asia-tomorrow';
/** The console's answer crosses the socket to the server and back. */
const ONLINE = { timeout: 15_000 };

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${env.server.url}/games/${GAME}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const onlineState = (page: Page): Promise<GameState | null> =>
  page.evaluate(
    () => (window as unknown as { __eatOnline?: { state: () => GameState | null } }).__eatOnline?.state() ?? null,
  );

/** The White Cell ends the game: tension to its top is war. */
async function war(page: Page): Promise<void> {
  await page.selectOption('#wc-override-track', 'tension');
  await page.fill('#wc-override-value', '10');
  await whiteAct(page, 'the room plays the worst case', () => page.click('#wc-override'), ONLINE);
  await expect.poll(() => page.locator('#wc-after-end').isVisible()).toBe(true);
}

/** How many chat lines hold `text` (the chat box may be folded). */
const chatCount = (page: Page, text: string): Promise<number> =>
  page
    .locator('#chat-list li')
    .evaluateAll((els, t) => els.filter((e) => (e.textContent ?? '').includes(t)).length, text);

describe('the end of an online match', () => {
  it('clock and stand-in end with the game and return when the White Cell reopens it; chat shows once', async () => {
    // China is a person, NATO the server's bot, and a White Cell umpires; a generous clock per turn.
    const { matchID } = await post<{ matchID: string }>('create', {
      setupData: { scenario: 'baseline-2023', variant: 2, whiteCell: true },
      bots: { '1': '1' },
      clock: { mode: 'turn', seconds: 600, onTimeout: 'pass' },
    });
    const creds: Record<string, string> = {};
    for (const p of ['0', '2'])
      creds[p] = (
        await post<{ playerCredentials: string }>(`${matchID}/join`, { playerID: p, playerName: `P${p}` })
      ).playerCredentials;

    // Each opens its seat-key link, which keeps the seat in that browser and opens the seat.
    const c = await openPage(env.browser, env.server.url);
    const china = c.page;
    await china.goto(`${env.server.url}/#/key/${matchID}/0/${creds['0']}`);
    await boardDrawn(china);
    const w = await openPage(env.browser, env.server.url);
    const white = w.page;
    await white.goto(`${env.server.url}/#/key/${matchID}/2/${creds['2']}`);
    await white.waitForSelector('#white-cell-console');

    // While the game runs: the clock and "Let a bot play for me".
    await china.waitForSelector('#clock-time');
    await china.waitForSelector('[data-stand-in="0"]');
    await china.click('#chat summary');
    await china.fill('#chat-input', 'Hello from Beijing');
    await china.press('#chat-input', 'Enter');
    await expect.poll(() => chatCount(china, 'Hello from Beijing')).toBe(1);

    // A stand-in plays China: with bots in both seats the game runs to its end. The end card, and
    // neither the clock nor the stand-in controls.
    await china.click('[data-stand-in="0"]');
    await china.waitForSelector('#end-screen', { timeout: 60_000 });
    await expect.poll(() => china.locator('#clock').isVisible()).toBe(false);
    await expect.poll(() => china.locator('[data-stand-in], [data-take-back]').count()).toBe(0);
    expect(await chatCount(china, 'Hello from Beijing')).toBe(1);
    // China comes back (a reload syncs again, which resends the recent chat): the line stays single.
    await china.reload();
    await china.waitForSelector('#end-screen');
    await expect.poll(() => chatCount(china, 'Hello from Beijing')).toBe(1);
    const ended = (await onlineState(china))!.result!.ending;

    // The White Cell rewinds to the start of turn 1: the game is open again, with its clock and controls.
    await white.waitForSelector('#wc-after-end');
    await white.selectOption('#wc-rewind-turn', '1');
    await whiteAct(white, 'replay turn 1', () => white.click('#wc-rewind'), ONLINE);
    await expect.poll(async () => (await onlineState(china))?.result ?? null).toBeNull();
    await expect.poll(() => china.locator('#end-screen').count()).toBe(0);
    await china.waitForSelector('#clock-time');
    await china.waitForSelector('[data-stand-in="0"]');
    // China reads only its own priority again.
    expect((await onlineState(china))!.priority.nato).toBe('hidden');

    // War; the White Cell reopens the line the bots ended (branch 0): over once more, as it ended.
    await war(white);
    await china.waitForSelector('#end-screen');
    await whiteAct(white, 'back to the line we left', () => white.click('#wc-reopen-0'), ONLINE);
    await expect.poll(async () => (await onlineState(china))?.result?.ending ?? null).toBe(ended);
    await china.waitForSelector('#end-screen');
    expect(await china.locator('#clock').isVisible()).toBe(false);
    expect(await chatCount(china, 'Hello from Beijing')).toBe(1);

    expect([...c.errors, ...w.errors]).toEqual([]);
    for (const p of [china, white]) await p.context().close();
  }, 120_000);
});
