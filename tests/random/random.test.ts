import { describe, expect, it } from 'vitest';
import { Client } from 'boardgame.io/client';
import type { Game } from 'boardgame.io';
// d6 is the rules' own roll, not part of their public entry: this test pins the random module to it.
import { d6 } from '../../src/rules/dice';
import { createDice, deriveSeed, drawSeed, SEEDS, seedList, streamFrom } from '../../src/random';

/** A tiny game that draws dice in setup and in moves, as the rules do. */
const Roller: Game<{ rolls: number[]; floats: number[] }> = {
  setup: ({ random }) => ({ rolls: [random.D6(), random.D6()], floats: [random.Number()] }),
  moves: {
    roll: ({ G, random }, n: number) => {
      for (let i = 0; i < n; i++) G.rolls.push(random.D6());
      G.floats.push(random.Number());
    },
  },
};

describe('dice', () => {
  it.each(['lab-1#0', 'baseline', 'x'])('continues the same stream as boardgame.io random (seed %s)', (seed) => {
    const client = Client({ game: { ...Roller, seed }, numPlayers: 2 });
    client.start();
    client.moves.roll!(3);
    client.events.endTurn?.();
    client.moves.roll!(5);
    const G = client.getState()!.G;
    client.stop();

    const dice = createDice(seed);
    const rolls = [d6(dice), d6(dice)];
    const floats = [dice.number()];
    for (const n of [3, 5]) {
      for (let i = 0; i < n; i++) rolls.push(d6(dice));
      floats.push(dice.number());
    }
    expect(rolls).toEqual(G.rolls);
    expect(floats).toEqual(G.floats);
  });

  it('restores a saved position exactly', () => {
    const dice = createDice('s');
    d6(dice);
    const saved = dice.state();
    const ahead = [dice.number(), dice.number()];
    dice.restore(saved);
    expect([dice.number(), dice.number()]).toEqual(ahead);
    const resumed = createDice('ignored', saved);
    expect([resumed.number(), resumed.number()]).toEqual(ahead);
  });

  it('d6 faces stay within 1..6 and hit every face', () => {
    const dice = createDice('faces');
    const seen = new Set<number>();
    for (let i = 0; i < 600; i++) seen.add(d6(dice));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('seed derivation', () => {
  it('is deterministic and role-specific', () => {
    expect(deriveSeed('g1', 'bot:china')).toBe(deriveSeed('g1', 'bot:china'));
    expect(deriveSeed('g1', 'bot:china')).not.toBe(deriveSeed('g1', 'bot:nato'));
    expect(deriveSeed('g1', 'bot:china')).not.toBe(deriveSeed('g2', 'bot:china'));
    expect(() => deriveSeed('g1', '')).toThrow(/role/);
    expect(() => deriveSeed('g1')).toThrow(/role/);
  });

  // The seeds in saved games, goldens and recorded sweeps: a change here changes every game played since.
  it.each([
    ['bot', SEEDS.bot('g1', 'china'), 'g1/bot:china'],
    ['localDecision', SEEDS.localDecision('g1', 'nato', 12), 'g1/nato/12'],
    ['advice', SEEDS.advice('g1', 3), 'g1/report:3'],
    ['branch', SEEDS.branch('g1', 4), 'g1/branch:t4'],
    ['onlineDecision', SEEDS.onlineDecision('s', 'm1', '2', 7), 's/m1/2/7'],
  ])('the %s stream derives its seed as before', (_name, seed, expected) => {
    expect(seed).toBe(expected);
  });

  it('a drawn seed is the same for the same stream and differs between streams', () => {
    expect(drawSeed(streamFrom('a'))).toBe(drawSeed(streamFrom('a')));
    expect(drawSeed(streamFrom('a'))).not.toBe(drawSeed(streamFrom('b')));
  });

  it('derived streams differ from the game stream', () => {
    const game = createDice('g1');
    const bot = createDice(deriveSeed('g1', 'bot:china'));
    expect(bot.number()).not.toBe(game.number());
  });

  it('seed lists are deterministic, distinct and prefix-stable', () => {
    const a = seedList('lab-1', 50);
    expect(a).toEqual(seedList('lab-1', 50));
    expect(new Set(a).size).toBe(50);
    expect(seedList('lab-1', 10)).toEqual(a.slice(0, 10));
    expect(seedList('lab-2', 3)).not.toEqual(a.slice(0, 3));
    expect(() => seedList('x', -1)).toThrow(/non-negative/);
    expect(seedList('x', 0)).toEqual([]);
  });
});
