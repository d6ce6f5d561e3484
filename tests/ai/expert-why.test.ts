/** The Expert explains itself in a player's words, and its reasons still pass the secrets gate. */
import { describe, expect, it } from 'vitest';
import { expertDecision, explainChoice, shownMargin, type Candidate } from '../../src/ai/expert';
import { MOVE_CATALOGUE } from '../../src/content/moves';
import { PRIORITIES, prioritiesFor } from '../../src/content/priorities';
import type { Action, Ending } from '../../src/rules';
// The gate's own predicate for secret reasons, read as the gate reads it.
import { namesSecret } from '../../src/rules/reason';
import { rngOf, stateFor, viewOf } from './helpers';

const candidate = (action: Action, scores: number[], wars = 0, margin = 0, wins = 0): Candidate => ({
  action,
  scores: new Map(scores.map((s, i) => [i, s])),
  wars,
  wins,
  marginSum: margin * scores.length,
});
const port: Action = { move: 'investInPort', args: ['north-sea-ports'] };
const strait: Action = { move: 'pressStrait', args: [] };

describe("the Expert's why", () => {
  it('names what it chose and what it weighed it against, by name, with how often it did better', () => {
    const why = explainChoice('china', candidate(strait, [3, 2, 1, 5]), candidate(port, [1, 2, 4, 0]), null);
    expect(why).toBe(
      'Chose Strait pressure over Port investment (North Sea ports): played out 4 times each, it came out ahead 2 times ' +
        "and behind 1; a close call: China's margin ends at 0.0 on average, against 0.0, but it was ahead more often",
    );
  });

  it('says when the two did the same', () => {
    const why = explainChoice('japan', candidate(port, [1, 1]), candidate(strait, [1, 1]), null);
    expect(why).toBe(
      'Chose Port investment (North Sea ports) over Strait pressure: both came out the same, played out 2 times each, ' +
        'so either would do',
    );
  });

  it('says when the other move risked a war charged to the seat', () => {
    const why = explainChoice('china', candidate(port, [1, 1, 1]), candidate(strait, [-100, 1, -100], 2), null);
    expect(why).toContain('the other brought on a war blamed on China in 2 of its 3 play-outs');
  });

  it('in a real position: plain words, catalogue names, no search jargon', () => {
    for (const seat of ['china', 'nato', 'japan', 'korea'] as const) {
      const G = stateFor(seat, 4, 'taiwan-strait-crisis');
      const { action, why } = expertDecision(viewOf(G, seat), seat, rngOf(`why-${seat}`), {
        iterations: 16,
        candidates: 4,
      });
      expect(why).toMatch(
        /^Chose .+ over .+: (played out \d+ times each to the turn-2 summit, it came out ahead \d+ times and behind \d+; |both came out the same, played out \d+ times each to the turn-2 summit, so )/,
      );
      expect(why).toContain(MOVE_CATALOGUE[action.move].name);
      expect(why).not.toMatch(/rollout|look-ahead|scores? \d/);
    }
  });

  it('says when the choice won the game more often', () => {
    const why = explainChoice(
      'china',
      candidate(port, [11, 1, 11], 0, 5, 2),
      candidate(strait, [1, 11, 1], 0, 5, 1),
      null,
    );
    expect(why).toContain('China won the game in 2 play-outs, against 1');
  });

  it("calls it a close call when the seat's own margin is the same either way (no rival's margin is weighed)", () => {
    const why = explainChoice('nato', candidate(port, [2, 2], 0, 3), candidate(strait, [1, 1], 0, 3), null);
    expect(why).toContain(
      "a close call: NATO's margin ends at 3.0 on average, against 3.0, but it was ahead more often",
    );
    expect(why).not.toContain('rival');
  });

  // The values differ by priority (2 or 3 for South Korea's), so a printed margin that counted one would name it.
  describe('the margin it prints leaves out its national priority', () => {
    const m = { china: 1, nato: 1, japan: 1, korea: 5 };
    it.each(
      prioritiesFor('korea').flatMap((p) =>
        [null, 'final-summit', 'war', 'sudden-death'].map((ending) => [p.id, ending, p.value] as const),
      ),
    )('%s, game ended: %s', (id, ending, value) => {
      const G = stateFor('korea', 2, 'korean-peninsula-crisis');
      G.priority.korea = id;
      // Every South Korean priority met: exports 4+, DPRK Threat 2 or less, deterrence 4+ in Korea.
      G.tracks.exports = 6;
      G.tracks.dprkThreat = 0;
      for (let i = 0; i < 4; i++)
        G.deterrence.push({ id: `d${i}`, theater: 'korea', value: 1, source: 'un-command', until: 'permanent' });
      if (ending)
        G.result = { ending: ending as Ending, winner: null, culprit: null, cause: null, margins: m, turn: 6 };
      expect(shownMargin(G, 'korea', m)).toBe(ending === 'sudden-death' ? 5 : 5 - value);
      G.tracks.exports = 0;
      G.tracks.dprkThreat = 5;
      G.deterrence = [];
      expect(shownMargin(G, 'korea', m)).toBe(5);
    });
  });

  it('keeps the scripted reason when it agrees, so a reason naming a secret priority is still gated', () => {
    const secret = `${PRIORITIES[0]!.title}: working toward it`;
    const why = explainChoice('china', candidate(port, [2, 2]), candidate(strait, [1, 1]), secret);
    expect(why.endsWith(secret)).toBe(true);
    expect(namesSecret(why)).toBe(true);
    expect(namesSecret(explainChoice('china', candidate(port, [2, 2]), candidate(strait, [1, 1]), null))).toBe(false);
  });
});
