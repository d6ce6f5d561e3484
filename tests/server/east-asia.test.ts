/**
 * The real game on the real server: two socket clients play a complete match through the lobby API
 * while server-side bots hold the other seats; everything each seat and a spectator receive is
 * searched for the seed, PRNG state, other seats' priorities and the deck order; the finished match
 * downloads as a saved game that replays to the same final state.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { seatFor, legalMoves, type GameState } from '../../src/rules';
import { parseSaveFile } from '../../src/content/save-file';
import { buildReport, renderReportHtml } from '../../src/report/game/index';
import { createDice } from '../../src/random';
import { api, RawClient, type Recorded } from './helpers';
import { eastAsiaServerForSuite, stateIn } from './east-asia-server';

const GAME = 'east-asia-tomorrow';
const STUDY = 'Does a South Korean direct transfer change China’s behaviour in the Strait?';
const real = eastAsiaServerForSuite();

describe('East Asia Tomorrow online', () => {
  it('validates the lobby: unknown scenario, wrong variant, bots on the White Cell', async () => {
    const bad = [
      { setupData: { scenario: 'atlantis', variant: 4 } },
      { setupData: { scenario: 'baseline-2023', variant: 5 } },
      { setupData: { scenario: 'baseline-2023', variant: 4 }, numPlayers: 3 },
      { setupData: { scenario: 'baseline-2023', variant: 2, whiteCell: true }, bots: { '2': '3' } },
      { setupData: { scenario: 'baseline-2023', variant: 4, seed: 'mine' } },
      { setupData: { scenario: 'baseline-2023', variant: 4, study: '   ' } },
      { setupData: { scenario: 'baseline-2023', variant: 4, study: 'x'.repeat(501) } },
    ];
    for (const body of bad) {
      const r = await api(real().url, `/games/${GAME}/create`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(String(r.json.error)).toMatch(/^create: /);
    }
  });

  it('two socket players and two bots play a complete match; nothing secret leaks; the saved game replays', async () => {
    const created = await api<{ matchID: string }>(real().url, `/games/${GAME}/create`, {
      setupData: { scenario: 'baseline-2023', variant: 4, study: STUDY },
      bots: { '2': '3', '3': 'random' },
    });
    expect(created.status).toBe(200);
    const matchID = created.json.matchID;
    const creds: Record<string, string> = {};
    for (const p of ['0', '1']) {
      const j = await api<{ playerCredentials: string }>(real().url, `/games/${GAME}/${matchID}/join`, {
        playerID: p,
        playerName: `P${p}`,
      });
      creds[p] = j.json.playerCredentials;
    }
    const stored = async () => (await real().storage.fetch(matchID, { state: true })).state!;
    const seed = ((await stored()).plugins.random!.data as { seed: string }).seed;

    const spectator = new RawClient(real().url, GAME);
    await spectator.connected();
    await spectator.sync(matchID, null);
    const rng = seedrandom('players');
    const players = ['0', '1'].map((p) => {
      const c = new RawClient(real().url, GAME);
      let last = -1;
      // Each player answers every state in which it is to act with a random legal move.
      const act = (r: Recorded) => {
        const s = stateIn(r);
        if (!s || s._stateID <= last || s.ctx.gameover) return;
        const seat = seatFor(s.G as GameState, p);
        if (!seat) return;
        const legal = legalMoves(s.G as GameState, seat);
        if (legal.length === 0) return;
        last = s._stateID;
        const a = legal[Math.floor(rng() * legal.length)]!;
        c.emit(
          'update',
          { type: 'MAKE_MOVE', payload: { type: a.move, args: a.args, playerID: p, credentials: creds[p] } },
          s._stateID,
          matchID,
          p,
        );
      };
      c.socket.onAny((event: string, ...args: unknown[]) => act({ event, args }));
      return c;
    });
    await Promise.all(players.map((c) => c.connected()));
    await players[0]!.sync(matchID, '0', creds['0']);
    await players[1]!.sync(matchID, '1', creds['1']);
    for (const t0 = Date.now(); (await stored()).ctx.gameover === undefined && Date.now() - t0 < 90_000;)
      await new Promise((ok) => setTimeout(ok, 50));
    const final = await stored();
    expect(final.ctx.gameover, `stuck at turn ${(final.G as GameState).turn}`).toBeDefined();
    expect(real().bots!.moves).toBeGreaterThan(0);
    const refusals = players.flatMap((c) => c.received.filter((r) => r.event === 'refused'));
    // Stale refusals can happen (a bot moved first); nothing else may.
    expect(refusals.filter((r) => (r.args[0] as { code: string }).code !== 'stale-state')).toEqual([]);

    // Leak check on everything received before the end (afterwards every secret is history).
    const finalG = final.G as GameState;
    // Injects never drawn in this match: their ids may never reach a player.
    const undrawn = finalG.deck.filter((id) => !finalG.discard.includes(id));
    expect(undrawn.length).toBeGreaterThan(0);
    const check = (who: string, msgs: Recorded[], own: string[]) => {
      const before = msgs.filter((r) => !stateIn(r)?.ctx.gameover);
      const text = JSON.stringify(before);
      expect(text, who).not.toContain(seed);
      expect(text.toLowerCase(), who).not.toContain('prngstate');
      expect(text, who).not.toContain('credentials');
      // NATO's Futures move lets it peek at the next injects (docs/DESIGN.md §5); nobody else may see them.
      const peeked = new Set(
        own.includes('nato')
          ? before.flatMap((r) => {
              const p = (stateIn(r)?.G as GameState | undefined)?.pending;
              return p?.kind === 'futures' ? p.cards : [];
            })
          : [],
      );
      for (const id of undrawn)
        if (!peeked.has(id)) expect(text, `${who} sees undrawn inject ${id}`).not.toContain(`"${id}"`);
      for (const r of before) {
        const g = stateIn(r)?.G as GameState | undefined;
        if (g)
          expect(g.deck.every((c) => c === 'hidden') && g.incidentDeck.every((c) => c === 'hidden'), who).toBe(true);
      }
      for (const seat of ['china', 'nato', 'japan', 'korea'] as const) {
        if (own.includes(seat)) continue;
        expect(text, `${who} sees ${seat}'s priority`).not.toContain(`"${finalG.priority[seat]}"`);
      }
      expect(
        before.some((r) => r.event === 'update'),
        who,
      ).toBe(true);
    };
    check('seat 0 (china)', players[0]!.received, ['china']);
    check('seat 1 (nato)', players[1]!.received, ['nato']);
    check('spectator', spectator.received, []);

    const save = await api<unknown>(real().url, `/games/${GAME}/${matchID}/replay`);
    expect(save.status).toBe(200);
    const file = parseSaveFile(JSON.stringify(save.json));
    expect(file.seed).toBe(seed);
    expect(file.actions.length).toBeGreaterThan(real().bots!.moves);
    expect(file.bots).toEqual({ japan: 'scripted:3', korea: 'random' });
    // The study question the host chose is stored with the match and answered in its report.
    expect(file.study).toEqual({ question: STUDY });
    expect(renderReportHtml(buildReport(file, createDice(file.seed), { advice: false }))).toContain(STUDY);
    for (const c of [...players, spectator]) c.close();
  }, 120_000);
});
