/**
 * docs/RULES.md states the rules' numbers as the code has them: each sentence below is written from the
 * constants (BALANCE, TRACKS, the move catalogue, the difficulty table) and must appear in RULES.md. A
 * balance change that leaves RULES.md behind — or a number retyped wrongly there — fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIFFICULTY } from '../../src/ai/difficulty';
import { BALANCE } from '../../src/content/balance';
import { TRACKS, type Track } from '../../src/content/ids';
import { MOVE_CATALOGUE } from '../../src/content/moves';

/** RULES.md with every run of white space made one space (tables are padded, prose is wrapped). */
const RULES = readFileSync(new URL('../../docs/RULES.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const B = BALANCE;
/** A constant added at the end of a formula: `− 11`, `+ 2`. */
const plus = (n: number) => (n < 0 ? `− ${-n}` : `+ ${n}`);
const range = (t: Track) => `${TRACKS[t][0] < 0 ? `−${-TRACKS[t][0]}` : TRACKS[t][0]}`;

/** NATO's action points by stockpile, as "7+ → 4, 4–6 → 3, 0–3 → 2". */
function natoAp(): string {
  const rows = [...B.natoApByStockpile].sort((a, b) => b.atLeast - a.atLeast);
  return rows
    .map((r, i) => (i === 0 ? `${r.atLeast}+ → ${r.ap}` : `${r.atLeast}–${rows[i - 1]!.atLeast - 1} → ${r.ap}`))
    .join(', ');
}

/** A d6 table's faces as RULES.md writes them: "1", "3–5", "6+". */
function faces(table: readonly { atMost: number }[]): string[] {
  return table.map((r, i) => {
    const lo = i === 0 ? 1 : table[i - 1]!.atMost + 1;
    if (r.atMost >= 6) return `${lo}+`;
    return lo === r.atMost ? `${lo}` : `${lo}–${r.atMost}`;
  });
}
const signedTrack = (n: number) => (n < 0 ? `−${-n}` : `+${n}`);

const russia = faces(B.russiaTable);
const RUSSIA_WORDS = ['the offensive stalls', 'the front holds', 'Russia grinds forward', 'a breakthrough'];
const russiaSentence = B.russiaTable
  .map((r, i) => `${russia[i]} ${RUSSIA_WORDS[i]}${r.ukraine === 0 ? '' : ` (Ukraine ${signedTrack(r.ukraine)})`}`)
  .join('; ');

const SENTENCES: [where: string, sentence: string][] = [
  [
    '§4 action points',
    `Action points per round: **China ${B.apPerRound.china}, Japan ${B.apPerRound.japan}, South Korea ${B.apPerRound.korea}, NATO by stockpile** (${natoAp()})`,
  ],
  ['§4 Russia table', russiaSentence],
  [
    '§4 alarm',
    `If the front is then failing (Ukraine ${B.credibility.failingAt} or less), internationalization +${B.failingFrontInternationalization}`,
  ],
  [
    '§8 NATO margin',
    `NATO = cohesion + Ukraine + ⌊internationalization / ${B.natoAsiaDivisor}⌋ ${plus(B.margin.nato)}`,
  ],
  [
    '§8 China margin',
    `China = fait-accompli markers + 2 × ports China controls + ⌊(20 − internationalization) / 2⌋ + min(${B.axisCap}, max(0, ${B.axisFrom} − Ukraine)) ${plus(B.margin.china)}`,
  ],
  ['§8 Japan margin', `⌊internationalization / 4⌋ + ⌊(Ukraine − ${B.ukraineSignalFrom}) / 2⌋ ${plus(B.margin.japan)}`],
  ['§8 South Korea margin', `+ exports − exposure ${plus(B.margin.korea)}`],
  [
    '§8 sudden death',
    `at a summit from turn ${B.suddenDeathFromTurn} on, a seat with margin +${B.suddenDeath} or more wins at once`,
  ],
  ['§8 two-seat sudden death', `From turn ${B.suddenDeathFromTurn}, ±${B.vpSuddenDeath} wins at once`],
  ['§8 war', `when tension reaches ${TRACKS.tension[1]}, the game ends at once`],
  ['§3 war', `| Tension | ${range('tension')}–${TRACKS.tension[1]} | **At ${TRACKS.tension[1]} the game ends in war**`],
  [
    '§8 bot head start',
    `+${DIFFICULTY[4].margin} margin at level 4, +${DIFFICULTY[5].margin} at 5, +${DIFFICULTY[6].margin} at 6`,
  ],
  [
    '§5 NATO Summit',
    `Internationalization +${B.summit.internationalization}, cohesion +1, tension +1; China gets a free Lambaste; then Japan and South Korea (partnership ${B.summit.guestsFrom}+) each **choose whether to attend**: attending gives internationalization +${B.summit.attend.internationalization} and +${B.summit.attend.pips} pip, and costs Japan tension +${B.summit.attend.japanTension}, South Korea exposure +${B.summit.attend.koreaExposure}`,
  ],
  ['§5 indirect transfer', `| Once per turn | Stockpile +${B.indirectTransferStockpile} |`],
  ['§5 Strait pressure', `+ **emboldening** (§11): ${B.straitTarget}+ China margin +1`],
  [
    '§5 quarantine',
    `Taiwan Crisis ${B.quarantine.fromCrisis}+; once per turn | Taiwan Crisis +1, tension +${B.quarantine.tension}; then roll + Taiwan Crisis − deterrence(Taiwan & ECS) + emboldening: ${B.quarantine.target}+ the quarantine holds`,
  ],
  [
    '§11 credibility',
    `A failing front (Ukraine ${B.credibility.failingAt} or less) **emboldens** China (+1 on Strait pressure, quarantine and Wedge rolls) and makes partners **hedge** (−1 on partnership upgrade rolls); a holding front (${B.credibility.holdingAt}+)`,
  ],
  [
    '§11 overreach',
    `costs cohesion −${B.overreachCohesion} (**overreach**) while Ukraine is ${B.credibility.failingAt} or less`,
  ],
  ['§11 arsenal', `(indirect transfer +${B.indirectTransferStockpile})`],
  ['§11 axis', `(min(${B.axisCap}, max(0, ${B.axisFrom} − Ukraine)))`],
  [
    '§11 alarm',
    `at each upkeep that ends with the front failing (Ukraine ${B.credibility.failingAt} or less), internationalization +${B.failingFrontInternationalization}`,
  ],
];

const TRACK_ROWS: [name: string, track: Track][] = [
  ['Internationalization', 'internationalization'],
  ['NATO cohesion', 'cohesion'],
  ['Ukraine front', 'ukraine'],
  ['Western stockpile', 'stockpile'],
  ['Taiwan Crisis, DPRK Threat', 'taiwanCrisis'],
  ['Taiwan Crisis, DPRK Threat', 'dprkThreat'],
  ['South Korean exposure', 'exposure'],
  ['South Korean exports', 'exports'],
];

describe('docs/RULES.md states the rules’ own numbers', () => {
  it.each(SENTENCES)('%s', (_where, sentence) => {
    expect(RULES.includes(sentence), `docs/RULES.md should say, from the constants: “${sentence}”`).toBe(true);
  });

  it.each(TRACK_ROWS)('§3 track %s', (name, track) => {
    const row = `| ${name} | ${range(track)}–${TRACKS[track][1]} |`;
    expect(RULES.includes(row), `docs/RULES.md should have the row “${row}”`).toBe(true);
  });

  it('docs/GLOSSARY.md: margin', () => {
    const glossary = readFileSync(new URL('../../docs/GLOSSARY.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const sentence = `+${B.suddenDeath} or more at a summit from turn ${B.suddenDeathFromTurn} wins at once`;
    expect(glossary.includes(sentence), `docs/GLOSSARY.md should say: “${sentence}”`).toBe(true);
  });

  it('§3 victory points', () => {
    const row = `| Victory points | −${-TRACKS.vp[0]}…+${TRACKS.vp[1]} |`;
    expect(RULES.includes(row), `docs/RULES.md should have the row “${row}”`).toBe(true);
  });

  it('§5 every move costs what the catalogue says', () => {
    const rows = [...RULES.matchAll(/\| ([A-Z][^|]*?)(?: \([^|)]*\))? \| (\d+) \|/g)].map(([, name, ap]) => ({
      name: name!.trim(),
      ap: Number(ap),
    }));
    const costed = Object.values(MOVE_CATALOGUE).filter((m) => rows.some((r) => r.name === m.name));
    expect(costed.length).toBeGreaterThan(20);
    for (const m of costed)
      expect({ move: m.name, ap: rows.find((r) => r.name === m.name)!.ap }).toEqual({ move: m.name, ap: m.cost });
  });
});
