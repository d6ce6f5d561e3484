/** The players' rules reference states the numbers the game plays by (balance moves them; the doc must follow). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BALANCE } from '../../src/content/balance';
import { DIFFICULTY } from '../../src/ai/difficulty';
import { INJECTS, injectById } from '../../src/content/injects';
import { KNOWN_SPECIALS } from '../../src/content/specials';

const rules = readFileSync('docs/RULES.md', 'utf8');
/** The text with line breaks folded, so rewrapping the doc never breaks a check. */
const flat = rules.replace(/\s+/g, ' ');
const constant = (re: RegExp) => -Number(re.exec(rules)?.[1]);

describe('docs/RULES.md', () => {
  it.each([
    ['nato', /NATO = cohesion \+ Ukraine .*− (\d+)\n/],
    ['china', /China = .*− (\d+)\n/],
    ['japan', /Japan = .*− (\d+)\n/],
    ['korea', /South Korea = .*− (\d+)\n/],
  ] as const)('states the %s margin constant', (seat, re) => {
    expect(constant(re)).toBe(BALANCE.margin[seat]);
  });
  it('states the sudden-death margin and the bots’ head starts', () => {
    expect(flat).toContain(`margin +${BALANCE.suddenDeath} or more wins at once`);
    for (const level of [4, 5, 6] as const)
      expect(flat).toContain(
        `+${DIFFICULTY[level].margin}${level === 4 ? ' margin' : ''} at ${level === 4 ? 'level 4' : level}`,
      );
  });
  it('states v2’s numbers as the rules play them', () => {
    const c = BALANCE.credibility;
    for (const text of [
      `⌊internationalization / ${BALANCE.natoAsiaDivisor}⌋`,
      `min(${BALANCE.axisCap}, max(0, ${BALANCE.axisFrom} − Ukraine))`,
      `⌊(Ukraine − ${BALANCE.ukraineSignalFrom}) / 2⌋`,
      `failing front (Ukraine ${c.failingAt} or less)`,
      `a holding front (${c.holdingAt}+)`,
      `costs cohesion −${BALANCE.overreachCohesion}`,
      `indirect transfer +${BALANCE.indirectTransferStockpile}`,
      `Taiwan Crisis ${BALANCE.quarantine.fromCrisis}+; once per turn`,
      `tension +${BALANCE.quarantine.tension}; then roll`,
      `${BALANCE.quarantine.target}+ the quarantine holds`,
      `${BALANCE.straitTarget}+ China margin +1`,
      `only while Japan is at partnership ${BALANCE.japanBasesFrom}+`,
      `Internationalization +${BALANCE.summit.internationalization}, cohesion +1`,
      `(partnership ${BALANCE.summit.guestsFrom}+) each **choose whether to attend**`,
      `Stockpile ${BALANCE.armsStockpile}+; a partner`,
    ])
      expect(flat).toContain(text);
  });
  it('states the Russia table', () => {
    const [stall, hold, grind] = BALANCE.russiaTable;
    expect(flat).toContain(
      `1 the offensive stalls (Ukraine +${stall!.ukraine}); ${hold!.atMost} the front holds; ${hold!.atMost + 1}–${grind!.atMost} Russia grinds forward`,
    );
  });
  it('names every two-seat tie rule a scenario may use', () => {
    for (const s of KNOWN_SPECIALS.filter((k) => k.startsWith('two-seat-tie-'))) expect(rules).toContain(`\`${s}\``);
  });
  it("names every seminar inject and states the table's faces of the one it explains", () => {
    for (const card of INJECTS.filter((c) => c.deck === 'seminar')) expect(flat).toContain(`"${card.title}"`);
    const e = injectById('shells-for-kyiv')!.effects[0]!;
    if (e.op !== 'interpret') throw new Error('"Shells for Kyiv?" is no longer open to interpretation');
    const faces = (f: number[]) => (f.length === 1 ? `${f[0]}` : `${f[0]}–${f.at(-1)}`);
    expect(flat).toContain(
      e.readings.map((o) => `${faces(o.faces)} ${o.label.replace(/^An? /, (a) => a.toLowerCase())}`).join('; '),
    );
  });
});
