/** The board's explanations state the rules' own numbers (a balance change moves the sentence with it). */
import { describe, expect, it } from 'vitest';
import { coachSteps } from '../../src/client/coach';
import { dangerHelp, partnershipHelp, theaterHelp, trackHelp, victoryWords } from '../../src/client/help-text';
import { BALANCE } from '../../src/content/balance';
import { RULE_NUMBERS } from '../../src/content/rule-numbers';
import { PARTNERS, THEATERS, TRACK_IDS, TRACKS } from '../../src/content/ids';
import { scenarioById } from '../../src/content/scenario';
import { setupState } from '../../src/rules';
import { createDice } from '../../src/random';

describe('help texts', () => {
  it.each(TRACK_IDS)('%s states its range from TRACKS', (t) => {
    expect(trackHelp(t).text).toContain(`runs from ${TRACKS[t][0]} to ${TRACKS[t][1]}`);
  });
  it('tension names the war line, the orange tick its own threshold', () => {
    expect(trackHelp('tension').text).toContain(`At ${TRACKS.tension[1]} the game ends in war`);
    expect(dangerHelp('tension', 8, true).text).toBe(
      `The orange tick marks danger: tension 8 or more is drawn orange; at ${TRACKS.tension[1]} it is war.`,
    );
    expect(dangerHelp('cohesion', 3, false).text).toContain('NATO cohesion 3 or less');
  });
  it('victory words follow BALANCE', () => {
    const w = victoryWords();
    expect(w).toContain(`every ${BALANCE.summitTurns} turns`);
    expect(w).toContain(`From turn ${BALANCE.suddenDeathFromTurn}, a margin of +${BALANCE.suddenDeath} or more`);
  });
  it.each(THEATERS)('theater %s explains deterrence against pressure', (th) => {
    expect(theaterHelp(th).text).toMatch(/deterrence .* against pressure/);
  });
  it.each(PARTNERS)('partnership %s states its thresholds from BALANCE', (p) => {
    const t = partnershipHelp(p).text;
    expect(t).toContain(`From level ${BALANCE.summit.guestsFrom} its leader is invited`);
    expect(t).toContain(
      `from level ${BALANCE.partnerDeterrenceFrom} it adds ${RULE_NUMBERS.partnerDeterrence} deterrence in`,
    );
  });
  it('the coach teaches one idea per step and waits for the player only where it asks for a move or a turn', () => {
    const G = setupState(scenarioById('first-game')!, { variant: 4 }, createDice('coach'));
    const steps = coachSteps('japan', G);
    expect(steps.map((s) => s.title)).toEqual([
      'Your first game',
      'The map',
      'Tracks and the orange tick',
      'Theaters',
      'Your move',
      'Injects',
      'Winning',
      'On your own',
    ]);
    expect(steps.filter((s) => s.done).map((s) => s.title)).toEqual(['Your move', 'Injects']);
    expect(steps[4]!.text).toContain(`${BALANCE.apPerRound.japan} action points each round`);
    expect(steps[4]!.done!(G)).toBe(false);
  });
});
