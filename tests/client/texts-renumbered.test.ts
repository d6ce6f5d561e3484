/**
 * What the board, the start screen and the end card say about the rules is written from the constants:
 * with every number of BALANCE, MOVE_NUMBERS, RULE_NUMBERS, TRACKS, the moves' costs and the difficulty
 * table replaced by one the game never uses (101 and up), no sentence may still show a small number, in
 * digits or in words. A number retyped into a tooltip (the front's collapse, the pips of a level) fails here.
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
vi.mock('../../src/ai/difficulty', async (original) => {
  const { renumber } = await import('../helpers/renumber');
  const real = (await original()) as typeof import('../../src/ai/difficulty');
  return { ...real, DIFFICULTY: renumber(real.DIFFICULTY) };
});
// The shipped scenarios would not load against renumbered track ranges; these texts do not read them.
vi.mock('../../src/content/scenario', async () => {
  const { SPECIALS, KNOWN_SPECIALS } = await import('../../src/content/specials');
  return { SPECIALS, KNOWN_SPECIALS, SCENARIOS: [], PLAYED_SCENARIOS: [], scenarioById: () => undefined };
});

const { apWords, dangerHelp, partnershipHelp, theaterHelp, trackHelp, victoryWords } =
  await import('../../src/client/help-text');
const { DANGER } = await import('../../src/client/present-board');
const { suddenDeathWords } = await import('../../src/client/score-panel');
const { endingSentence } = await import('../../src/client/end-card');
const { levelHint } = await import('../../src/client/local-game');
const { SPECIALS } = await import('../../src/content/specials');
const { WHITE_MOVE_NAMES } = await import('../../src/content/moves');
const { BALANCE } = await import('../../src/content/balance');
const { PARTNERS, SEATS, THEATERS, TRACK_IDS } = await import('../../src/content/ids');
type GameResult = import('../../src/rules').GameResult;

const result = (ending: GameResult['ending']): GameResult => ({
  winner: 'japan',
  ending,
  culprit: 'china',
  cause: 'seat',
  margins: { china: 0, nato: 0, japan: 0, korea: 0 },
  turn: 999,
});

/** The ticks tied to a rule's number; the others (cohesion 3, stockpile 1, …) are the board's own choice. */
const RULE_TICKS = (['ukraine', 'taiwanCrisis'] as const).map((t) => [t, DANGER[t]!] as const);

const TEXTS: [where: string, text: string][] = [
  ...TRACK_IDS.map((t) => [`track ${t}`, trackHelp(t).text] as [string, string]),
  ...RULE_TICKS.map(([t, d]) => [`orange tick ${t}`, dangerHelp(t, d.at, d.high).text] as [string, string]),
  ...THEATERS.map((t) => [`theater ${t}`, theaterHelp(t).text] as [string, string]),
  ...PARTNERS.map((p) => [`partnership ${p}`, partnershipHelp(p).text] as [string, string]),
  ...SEATS.map((s) => [`action points ${s}`, apWords(s)] as [string, string]),
  ['victory', victoryWords()],
  ['score panel, four seats', suddenDeathWords(4)],
  ['score panel, two seats', suddenDeathWords(2)],
  ...(['war', 'sudden-death', 'final-summit'] as const).flatMap((e) => [
    [`end card ${e}, four seats`, endingSentence(result(e), 4)] as [string, string],
    [`end card ${e}, two seats`, endingSentence(result(e), 2)] as [string, string],
  ]),
  ...([1, 2, 3, 4, 5, 6] as const).map(
    (level) => [`difficulty menu, level ${level}`, levelHint({ kind: 'scripted', level })] as [string, string],
  ),
  ...Object.entries(SPECIALS).map(([id, text]) => [`special ${id}`, text] as [string, string]),
  ['White Cell approval', WHITE_MOVE_NAMES.whiteRequireApproval],
];

/**
 * What may stay small, each for a reason: zero (a floor), bot levels and their blunder share (names and a
 * probability, not rule numbers), the seat variant's name and the roll a double counts.
 */
const NOT_RULE_NUMBERS: readonly RegExp[] = [
  /\b0\b/g,
  /\blevel \d\b/g,
  /\bL\d\b/g,
  /\b\d+% random moves\b/g,
  /\btwo-seat\b/gi,
  /\btwice\b/g,
];
const NUMBER_WORDS = /\b(two|three|four|five|six|seven|eight|nine|ten|second|third|fourth|fifth|twice|half)\b/i;

describe('player-facing rule texts come from the constants', () => {
  it.each(TEXTS)('%s states no retyped number', (_where, raw) => {
    let text = raw;
    for (const re of NOT_RULE_NUMBERS) text = text.replace(re, '');
    const small = [...text.matchAll(/\d+/g)].map((m) => Number(m[0])).filter((n) => n < 101);
    expect(small, `“${raw}” shows numbers not taken from the constants`).toEqual([]);
    expect(text, `“${raw}” states a number in words`).not.toMatch(NUMBER_WORDS);
  });

  it('the renumbered constants reach the texts (so the check above can fail)', () => {
    expect(BALANCE.suddenDeath).toBeGreaterThan(100);
    expect(victoryWords()).toContain(`+${BALANCE.suddenDeath}`);
    expect(trackHelp('ukraine').text).toMatch(/at \d{3} or less it fails/);
  });
});
