/**
 * The browser pages through what the server serves a page at a time: the lobby's open matches
 * (following the listing's `next` cursor) and a seat's older chat (the `chatPage` socket event), on
 * the real server with the production client.
 */
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { LOBBY_PAGE } from '../../src/client/online/api';
import { boardDrawn, openPage } from './browser';
import { useOnlineServer } from './online-server';

const GAME = 'east-asia-tomorrow';
// One test address creates every match and sends every chat line: its quotas are lifted.
const env = useOnlineServer({
  lobbyLimits: { create: { points: 1000, seconds: 60 }, maxOpenPerCreator: 1000 },
  limits: { burst: 1000, perSecond: 1000 },
});

async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(`${env.server.url}/games/${GAME}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}
const createMatch = () =>
  post<{ matchID: string }>('/create', { setupData: { scenario: 'baseline-2023', variant: 2 } });

describe('paging in the browser', () => {
  it('the lobby shows a page of open matches and the next page on request', async () => {
    for (let i = 0; i < LOBBY_PAGE + 5; i++) await createMatch();
    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.goto(`${env.server.url}/#/lobby`);
    await page.waitForSelector('#match-list .match-row');
    expect(await page.locator('#match-list .match-row').count()).toBe(LOBBY_PAGE);
    await page.click('#more-matches');
    await expect.poll(() => page.locator('#match-list .match-row').count()).toBe(LOBBY_PAGE + 5);
    expect(await page.locator('#more-matches').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('a seat reads the newest chat on arrival and earlier messages page by page', async () => {
    const { matchID } = await createMatch();
    const { page, errors } = await openPage(env.browser, env.server.url);
    await page.goto(`${env.server.url}/#/match/${matchID}`);
    await page.fill('#player-name', 'Alice');
    await page.click('[data-join="0"]');
    await boardDrawn(page);

    // The other seat writes 70 lines from a plain socket client (the server keeps them all).
    const { playerCredentials } = await post<{ playerCredentials: string }>(`/${matchID}/join`, {
      playerID: '1',
      playerName: 'Bob',
    });
    const bob = io(`${env.server.url}/${GAME}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((ok) => {
      bob.once('sync', () => ok());
      bob.emit('sync', matchID, '1', playerCredentials, 2);
    });
    for (let i = 0; i < 70; i++)
      bob.emit('chat', matchID, { id: `line-${i}`, sender: '1', payload: `line ${i}` }, playerCredentials);
    await page.click('#chat summary');
    await expect.poll(() => page.locator('#chat-list li').count(), { timeout: 15_000 }).toBe(70);
    bob.close();

    // After a reload the sync brings the newest 20 (CHAT_ON_SYNC); the button fetches 50 more, then the rest.
    await page.reload();
    await boardDrawn(page);
    await page.click('#chat summary');
    await expect.poll(() => page.locator('#chat-list li').count()).toBe(20);
    expect(await page.locator('#chat-list li').first().innerText()).toBe('Bob: line 50');
    await page.click('#chat-older');
    await expect.poll(() => page.locator('#chat-list li').count()).toBe(50);
    expect(await page.locator('#chat-older').isVisible()).toBe(true);
    await page.click('#chat-older');
    await expect.poll(() => page.locator('#chat-list li').count()).toBe(70);
    const lines = await page.locator('#chat-list li').allInnerTexts();
    expect(lines).toEqual(Array.from({ length: 70 }, (_, i) => `Bob: line ${i}`));
    expect(await page.locator('#chat-older').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
