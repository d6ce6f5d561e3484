/**
 * The docs' generated blocks (RULES.md, GLOSSARY.md, SEMINAR.md) are written from the constants, never retyped:
 * with every number of BALANCE, MOVE_NUMBERS, RULE_NUMBERS, TRACKS, the moves' costs, the map's link
 * costs, the difficulty table, the rules version and a scenario's length replaced by one the game never
 * uses (101 and up), no block may still show a small number, in digits or in words. A number typed into
 * src/cli/docs-blocks.ts, docs-glossary.ts or docs-seminar.ts fails here.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/content/balance', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/balance');
  return { BALANCE: renumber(real.BALANCE) };
});
vi.mock('../../src/content/move-numbers', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/move-numbers');
  return { MOVE_NUMBERS: renumber(real.MOVE_NUMBERS) };
});
vi.mock('../../src/content/rule-numbers', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/rule-numbers');
  return { RULE_NUMBERS: renumber(real.RULE_NUMBERS) };
});
vi.mock('../../src/content/ids', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/ids');
  return { ...real, TRACKS: renumber(real.TRACKS) };
});
vi.mock('../../src/content/moves', async (original) => {
  const { nextNumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/moves');
  const catalogue = Object.fromEntries(
    Object.entries(real.MOVE_CATALOGUE).map(([k, m]) => [k, { ...m, cost: nextNumber() }]),
  );
  return { ...real, MOVE_CATALOGUE: catalogue };
});
vi.mock('../../src/content/map', async (original) => {
  const { nextNumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/content/map');
  return { ...real, MAP: { ...real.MAP, links: real.MAP.links.map((l) => ({ ...l, cost: nextNumber() })) } };
});
vi.mock('../../src/content/rules-version', () => ({ RULES_VERSION: 999 }));
vi.mock('../../src/ai/difficulty', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/ai/difficulty');
  return { ...real, DIFFICULTY: renumber(real.DIFFICULTY) };
});
// The shipped scenarios would not load against renumbered track ranges: one stands in, its length renumbered.
vi.mock('../../src/content/scenario', async () => {
  const { SPECIALS } = await import('../../src/content/specials');
  return {
    SPECIALS,
    PLAYED_SCENARIOS: [{ id: 'stand-in', name: 'Stand-in', turns: 998, firstInjects: [], specials: [] }],
  };
});

const { DOC_BLOCKS } = await import('../../src/cli/docs');

/** Blocks that count or quote data files (the map, the injects, the scenarios) rather than constants. */
const FROM_DATA = new Set(['board', 'interpretation', 'scenarios']);

/**
 * What may stay small, each for a reason: section numbers, code ids and link targets, the die's name, a
 * die table's lowest face and the lowest matrix rating, ordered-list markers, zero (a floor, not a tuned number), bot levels (1–6 are
 * names), the seat variants' names, the map's counts of its spaces, the turn's two action rounds (its
 * shape: round 1 | 2) and its length in time (half a year).
 */
const NOT_RULE_NUMBERS: readonly RegExp[] = [
  /`[^`]*`/g,
  /\]\([^)]*\)/g,
  /§\d+/g,
  /^\s*\d+\. /gm,
  /\bd6\b/g,
  /(?<=: )1(?=[ –])/g,
  /\b0\b/g,
  /\b1 \(very unlikely\)|\brating 1 needs\b/g,
  /\blevel \d\b/g,
  /\btwo-seat\b/gi,
  /\bTwo action rounds\b/g,
  /\b[234]-player\b/g,
  /\b\d+ (sea zones|land spaces|sea spaces|areas of the map)\b/g,
  /\bhalf([- ]a)?[- ]year\b/gi,
];
const NUMBER_WORDS = /\b(two|three|four|five|six|seven|eight|nine|ten|second|third|fourth|fifth|twice|half)\b/i;

const blocks = Object.entries(DOC_BLOCKS).flatMap(([file, b]) =>
  Object.entries(b)
    .filter(([name]) => !FROM_DATA.has(name))
    .map(([name, make]) => [`${file} ${name}`, make] as const),
);

describe('generated doc blocks come from the constants', () => {
  it.each(blocks)('%s states no retyped number', (_where, make) => {
    let text = make();
    for (const re of NOT_RULE_NUMBERS) text = text.replace(re, '');
    const small = text.split('\n').filter((l) => [...l.matchAll(/\d+/g)].some((m) => Number(m[0]) < 101));
    expect(small, 'these lines show numbers not taken from the constants').toEqual([]);
    expect(
      text.split('\n').filter((l) => NUMBER_WORDS.test(l)),
      'these lines state a number in words',
    ).toEqual([]);
  });

  it('the renumbered constants reach the blocks (so the check above can fail)', () => {
    const rules = DOC_BLOCKS['docs/RULES.md']!;
    expect(rules['victory']!()).toMatch(
      /NATO = cohesion \+ min\(Ukraine, \d{3}\) \+ ⌊internationalization \/ \d{3}⌋ − \d{3}/,
    );
    expect(rules['v2']!()).toContain('The rules version is 999');
  });
});
