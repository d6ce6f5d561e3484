import { describe, expect, it } from 'vitest';
import { SEATS, type Seat, type Variant } from '../../src/content/ids';
import { randomBot } from '../../src/ai/random-bot';
import { ReplayError, playThroughEngine } from '../../src/sim/engine-replay';
import { replayThroughEngine } from '../helpers/engine-replay';
import { createDice } from '../../src/random';
import { hashState } from '../../src/content/save-file';
import { HeadlessError, playGame, type Bot } from '../../src/sim/headless';
import { engineGame, realRules } from '../../src/sim/real-rules';
import { parseSaveFile, saveFileSchema } from '../../src/content/save-file';

const randomBots = Object.fromEntries(SEATS.map((s) => [s, randomBot])) as Record<Seat, Bot>;

describe('headless play', () => {
  it('plays a whole game and reports it', () => {
    const { record, save, final } = playGame(realRules, {
      scenario: 'baseline-2023',
      variant: 4,
      seed: 'h-1',
      bots: randomBots,
    });
    expect(final.result).not.toBeNull();
    expect(saveFileSchema.parse(save)).toEqual(save);
    expect(save.actions.length).toBe(record.actions);
    expect(record.finalHash).toBe(hashState(final));
    expect(save.finalHash).toBe(record.finalHash);
    expect(record.turns).toBe(final.result!.turn);
    expect(record.tracks.length).toBeGreaterThanOrEqual(2);
    // The first snapshot is the state after setup (the turn-1 inject included), the last the final state.
    const start = realRules.setup({ scenario: 'baseline-2023', variant: 4 }, createDice('h-1'));
    expect(record.tracks[0]).toEqual(start.tracks);
    expect(record.tracks.at(-1)).toEqual(final.tracks);
    const spent = Object.values(record.apByMove).reduce((a, b) => a + b, 0);
    expect(spent).toBeGreaterThan(0);
    for (const a of save.actions) expect(final.players[a.player]).toContain(a.seat);
    expect(save.actions.every((a) => typeof a.why === 'string' && a.why.length > 0)).toBe(true);
  });

  it('is deterministic: the same seed gives the same game, another seed another', () => {
    const a = playGame(realRules, { scenario: 'baseline-2023', variant: 4, seed: 'h-2', bots: randomBots });
    const b = playGame(realRules, { scenario: 'baseline-2023', variant: 4, seed: 'h-2', bots: randomBots });
    const c = playGame(realRules, { scenario: 'baseline-2023', variant: 4, seed: 'h-3', bots: randomBots });
    expect(b.save).toEqual(a.save);
    expect(c.record.finalHash).not.toBe(a.record.finalHash);
  });

  it('names the seed, action and seat when a bot plays an illegal move', () => {
    const cheat: Bot = () => ({ action: { move: 'summit', args: ['nowhere'] }, why: 'cheating' });
    expect(() =>
      playGame(realRules, {
        scenario: 'baseline-2023',
        variant: 4,
        seed: 'h-4',
        bots: { ...randomBots, china: cheat },
      }),
    ).toThrow(HeadlessError);
    expect(() =>
      playGame(realRules, {
        scenario: 'baseline-2023',
        variant: 4,
        seed: 'h-4',
        bots: { ...randomBots, china: cheat },
      }),
    ).toThrow(/seed "h-4".*action #0: the china bot chose an illegal action/);
  });

  it('stops a game that runs past maxActions', () => {
    expect(() =>
      playGame(realRules, { scenario: 'baseline-2023', variant: 4, seed: 'h-5', bots: randomBots, maxActions: 3 }),
    ).toThrow(/still running after 3 actions/);
  });
});

describe('replay through boardgame.io', () => {
  it.each([
    ['baseline-2023', 4],
    ['taiwan-strait-crisis', 3],
    ['korean-peninsula-crisis', 2],
  ] as const)('%s, %i seats: the engine reaches the headless final hash', (scenario, variant) => {
    const played = playGame(realRules, {
      scenario,
      variant: variant as Variant,
      seed: `r-${scenario}`,
      bots: randomBots,
    });
    const replayed = replayThroughEngine(engineGame(), realRules, parseSaveFile(JSON.stringify(played.save)));
    expect(replayed.hash).toBe(played.record.finalHash);
    expect(replayed.winner).toBe(played.record.winner);
    expect(replayed.turns).toBe(played.record.turns);
  });

  it('the Client loop with the same bots plays the same game', () => {
    const played = playGame(realRules, { scenario: 'baseline-2023', variant: 4, seed: 'loop-1', bots: randomBots });
    const viaClient = playThroughEngine(
      engineGame(),
      realRules,
      { scenario: 'baseline-2023', variant: 4 },
      'loop-1',
      randomBots,
    );
    expect(viaClient.hash).toBe(played.record.finalHash);
  });

  it('reports an illegal action with its index and why', () => {
    const { save } = playGame(realRules, { scenario: 'baseline-2023', variant: 4, seed: 'r-bad', bots: randomBots });
    const bad = structuredClone(save);
    bad.actions[2] = { ...bad.actions[2]!, move: 'statement', args: ['atlantis'] };
    expect(() => replayThroughEngine(engineGame(), realRules, bad)).toThrow(ReplayError);
    expect(() => replayThroughEngine(engineGame(), realRules, bad)).toThrow(
      /action #2 \(\w+ statement \["atlantis"\]\): not a legal move for \w+ now/,
    );
    const wrongPlayer = structuredClone(save);
    wrongPlayer.actions[0] = { ...wrongPlayer.actions[0]!, player: '3', seat: 'china' };
    expect(() => replayThroughEngine(engineGame(), realRules, wrongPlayer)).toThrow(
      /action #0 .*player 3 holds korea, not china/,
    );
  });
});
