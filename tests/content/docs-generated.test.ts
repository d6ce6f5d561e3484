/**
 * docs/RULES.md, GLOSSARY.md and SEMINAR.md state the rules' numbers from the constants: their generated
 * blocks are exactly what `npm run docs:rules` writes today, and the hand-written prose around them states
 * no number at all (SEMINAR.md: no rule's number; its timetable and commands are its own).
 * (That the blocks themselves retype nothing is docs-renumbered.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/content/scenario';
import { KNOWN_SPECIALS } from '../../src/content/specials';
import { DOC_BLOCKS, fillBlocks, generatedDoc } from '../../src/cli/docs';

const FILES = Object.keys(DOC_BLOCKS);
const read = (file: string) => readFileSync(file, 'utf8');
const outsideBlocks = (text: string) => text.replace(/<!-- generated:[\w-]+ -->[\s\S]*?<!-- \/generated -->/g, '');

/**
 * What hand-written prose may show that looks like a number, each for a reason: section numbers and
 * headings, ordered-list markers, code and link targets, the die's name, the seat variants (2, 3 or 4
 * players are the variants' ids), the article's year, and the seats' own count and the White Cell's place.
 */
const NOT_RULE_NUMBERS: readonly RegExp[] = [
  /`[^`]*`/g,
  /\]\([^)]*\)/g,
  /§\d+(\.\d+)?/g,
  /^#+ \d+\./gm,
  /^\s*\d+\. /gm,
  /\bd6\b/g,
  /\bSHA-256\b/g,
  /\b[234] players\b/g,
  /\b2023\b/g,
  /\bFour factions\b/g,
  /\bA fifth, optional role\b/g,
  /\btwo fronts\b/gi,
];
/** Documents whose prose may hold numbers of their own (a seminar's timetable, commands): only a rule's number is refused. */
const PROSE_WITH_NUMBERS = new Set(['docs/SEMINAR.md']);
const RULE_NUMBER = /tension \d|\d+\+|\d+ AP\b|\d+ action points?\b|d6 ≥|\bat level \d|[+−]\d/;
const NUMBER_WORDS = /\b(two|three|four|five|six|seven|eight|nine|ten|second|third|fourth|fifth|twice|half)\b/i;

describe.each(FILES)('%s', (file) => {
  it('is what `npm run docs:rules` writes from the constants', async () => {
    const committed = read(file);
    const fresh = await generatedDoc(file, committed);
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    expect(
      fresh === committed,
      `${file} differs from what the constants say (line ${line + 1}: “${a[line] ?? ''}” should be “${b[line] ?? ''}”); run \`npm run docs:rules\` and commit the result`,
    ).toBe(true);
  });

  it('states no number by hand outside its generated blocks', () => {
    let prose = outsideBlocks(read(file));
    if (PROSE_WITH_NUMBERS.has(file)) {
      // Commands, timings and scenario turns are this guide's own; a rule's number must not be.
      const lines = prose.split('\n').filter((l) => RULE_NUMBER.test(l));
      expect(lines, `${file}: these lines state a rule's number by hand; generate them`).toEqual([]);
      return;
    }
    for (const re of NOT_RULE_NUMBERS) prose = prose.replace(re, '');
    const lines = prose.split('\n').filter((l) => /\d/.test(l) || NUMBER_WORDS.test(l));
    expect(lines, `${file}: these lines state a number by hand; generate them (src/cli/docs-blocks.ts)`).toEqual([]);
  });
});

describe('docs/RULES.md', () => {
  it('names every special rule a scenario may use', () => {
    const rules = read('docs/RULES.md');
    for (const s of KNOWN_SPECIALS) expect(rules, `docs/RULES.md should explain \`${s}\``).toContain(`\`${s}\``);
  });
});

describe('the generated blocks', () => {
  const blocks = { a: () => 'new A' };
  it('replace what stood between the markers and keep everything else', () => {
    const text = 'before\n<!-- generated:a -->\nold\n<!-- /generated -->\nafter\n';
    expect(fillBlocks('doc', text, blocks)).toBe(
      'before\n<!-- generated:a -->\n\nnew A\n\n<!-- /generated -->\nafter\n',
    );
  });
  it.each([
    ['an unknown block', '<!-- generated:b -->\n<!-- /generated -->\n', /no generator for block "b"/],
    ['a block with no place', 'no markers\n', /no place for the generated block\(s\) a/],
    ['an unclosed marker', '<!-- generated:a -->\nold\n', /has no <!-- \/generated -->/],
    [
      'a block twice',
      '<!-- generated:a -->\n<!-- /generated -->\n<!-- generated:a -->\n<!-- /generated -->\n',
      /appears twice/,
    ],
  ])('refuse %s', (_what, text, error) => {
    expect(() => fillBlocks('doc', text, blocks)).toThrow(error);
  });
});

describe.each(SCENARIOS.map((s) => [s.id, s.briefing] as const))('scenario %s’s briefing', (_id, briefing) => {
  // The start screen shows the turns and the special rules beside it, written from the data and the constants.
  it('states no rule number by hand: no digit but a year, no count of turns in words', () => {
    expect(briefing.replace(/\b(19|20)\d\d\b/g, '')).not.toMatch(/\d/);
    expect(briefing).not.toMatch(
      /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (half-year )?turns\b/i,
    );
  });
});
