/**
 * The White Cell after the end, online (issue 12): on the real server over sockets, a match ended in
 * war is reopened by the White Cell's rewind (and ended again, and reopened from a kept branch). The
 * moves run through the same stale-state check and commit as any move; every seat's update goes
 * through the one gate (secrets hidden again once the game is open); the clock stops at the end and
 * runs again after a reopening; other seats' moves and the White Cell's other powers stay refused
 * after the end; the saved game replays through the reopenings.
 */
import { describe, expect, it } from 'vitest';
import { playerView, type GameState } from '../../src/rules';
import { parseSaveFile } from '../../src/content/save-file';
import { api, RawClient, stateOf, type Recorded } from './helpers';
import { eastAsiaServerForSuite } from './east-asia-server';

const GAME = 'east-asia-tomorrow';
const real = eastAsiaServerForSuite();

interface ClockView {
  actor: string | null;
  deadline: number | null;
}

describe('the White Cell reopens a finished online match', () => {
  it('rewinds and reopens after the end, through the gate and the stale-state check', async () => {
    const created = await api<{ matchID: string }>(real().url, `/games/${GAME}/create`, {
      setupData: { scenario: 'baseline-2023', variant: 2, whiteCell: true },
      clock: { mode: 'turn', seconds: 600, onTimeout: 'pass' },
    });
    expect(created.status).toBe(200);
    const matchID = created.json.matchID;
    const creds: Record<string, string> = {};
    for (const p of ['0', '1', '2']) {
      const j = await api<{ playerCredentials: string }>(real().url, `/games/${GAME}/${matchID}/join`, {
        playerID: p,
        playerName: `P${p}`,
      });
      creds[p] = j.json.playerCredentials;
    }
    const stored = async () => real().storage.fetch(matchID, { state: true, metadata: true });
    const clock = async () =>
      (await api<{ options: { clockState?: ClockView } }>(real().url, `/games/${GAME}/${matchID}`)).json.options
        .clockState ?? { actor: null, deadline: null };
    const white = new RawClient(real().url, GAME);
    const china = new RawClient(real().url, GAME);
    await Promise.all([white.connected(), china.connected()]);
    await white.sync(matchID, '2', creds['2']);
    await china.sync(matchID, '0', creds['0']);
    let at = (await stored()).state!._stateID;
    const whiteMove = async (type: string, args: unknown[], stateID = at): Promise<Recorded> => {
      const r = await white.move(matchID, '2', creds['2']!, stateID, type, args);
      if (r.event === 'update') at = stateOf(r)._stateID;
      return r;
    };
    const war = async () => {
      const r = await whiteMove('whiteOverrideTrack', ['tension', 10, 'the room plays the worst case']);
      expect(r.event).toBe('update');
      expect((stateOf(r).G as unknown as GameState).result?.ending).toBe('war');
      expect(stateOf(r).ctx.gameover).toBeDefined();
      const { metadata } = await stored();
      expect(metadata!.gameover).toBeTruthy();
    };
    // China's view of the state now, and the update it receives after `mark`.
    const chinaUpdate = (mark: number) =>
      china.next((r) => r.event === 'update' && stateOf(r)._stateID === at, 3000, mark);

    await expect.poll(async () => (await clock()).deadline).not.toBeNull();
    await war();
    await expect.poll(async () => (await clock()).deadline).toBeNull();

    // After the end: a seat's move and a White Cell power other than going back are refused.
    const pass = await china.move(matchID, '0', creds['0']!, at, 'pass', []);
    expect(pass.event).toBe('refused');
    expect(JSON.stringify(pass.args)).toContain('game-over');
    const pause = await whiteMove('whitePause', ['a break']);
    expect(pause.event).toBe('refused');
    expect(JSON.stringify(pause.args)).toContain('game-over');
    // Going back on an old state is refused like any stale move.
    const stale = await whiteMove('whiteRewind', [1, 'replay turn 1'], at - 1);
    expect(stale.event).toBe('refused');
    expect(JSON.stringify(stale.args)).toContain('stale-state');

    // The rewind reopens the match: no end in the state or the stored metadata, the clock runs again.
    const mark = china.received.length;
    const rewound = await whiteMove('whiteRewind', [1, 'replay turn 1']);
    expect(rewound.event).toBe('update');
    expect((stateOf(rewound).G as unknown as GameState).result).toBeNull();
    expect(stateOf(rewound).ctx.gameover).toBeUndefined();
    const after = await stored();
    expect(after.state!.ctx.gameover).toBeUndefined();
    expect(after.metadata!.gameover ?? null).toBeNull();
    // China reads the reopened game through the gate again: NATO's priority is a secret once more.
    const seen = await chinaUpdate(mark);
    const full = after.state!.G as GameState;
    expect(stateOf(seen).G).toEqual(playerView(full, '0'));
    expect((stateOf(seen).G as unknown as GameState).priority.nato).not.toEqual(full.priority.nato);
    await expect.poll(async () => (await clock()).deadline).not.toBeNull();
    const listed = await api<{ matches: { matchID: string }[] }>(real().url, `/games/${GAME}?isGameover=false`);
    expect(listed.json.matches.map((m) => m.matchID)).toContain(matchID);

    // Play goes on: China's pass is accepted.
    const played = await china.move(matchID, '0', creds['0']!, at, 'pass', []);
    expect(played.event).toBe('update');
    at = stateOf(played)._stateID;

    // War again, then the White Cell reopens the war line kept as branch 0: it is over once more.
    await war();
    const reopened = await whiteMove('whiteReopenBranch', [0, 'back to the line we left']);
    expect(reopened.event).toBe('update');
    expect((stateOf(reopened).G as unknown as GameState).result?.ending).toBe('war');
    expect((await stored()).metadata!.gameover).toBeTruthy();

    // The saved game replays through every reopening (the export checks the final state's hash).
    const save = await api<unknown>(real().url, `/games/${GAME}/${matchID}/replay`);
    expect(save.status).toBe(200);
    const moves = parseSaveFile(JSON.stringify(save.json)).actions.map((a) => a.move);
    expect(moves).toEqual(expect.arrayContaining(['whiteRewind', 'whiteReopenBranch', 'pass']));
    white.close();
    china.close();
  }, 60_000);
});
