/** The turn, reactions, upkeep, summits and endings, as the rules reference states them. */
import { describe, expect, it } from 'vitest';
import { SEATS } from '../../src/content/ids';
import { applyAction, actingSeat, legalMoves } from '../../src/rules/engine';
import { margins } from '../../src/rules/scoring';
import { RULE_NUMBERS } from '../../src/content/rule-numbers';
import { BALANCE } from '../../src/content/balance';
import { MOVE_NUMBERS } from '../../src/content/move-numbers';
import { scenarioById } from '../../src/content/scenario';
import { resolution } from '../../src/rules/context';
import { endGame } from '../../src/rules/victory';
import { changeTrack } from '../../src/rules/changes';
import { upkeep } from '../../src/rules/upkeep';
import { setupState } from '../../src/rules/setup';
import { createDice } from '../../src/random';
import { d6 } from '../../src/rules/dice';
import { newMatch, play } from './helpers';

/** Everyone passes until the turn number changes. */
function passTurn(m: ReturnType<typeof newMatch>) {
  const turn = m.G.turn;
  while (m.G.turn === turn && !m.G.result) {
    const seat = actingSeat(m.G)!;
    const p = m.G.pending;
    if (p?.kind === 'lambaste') play(m, 'declineLambaste');
    else if (p) play(m, 'chooseOption', 0);
    else expect(applyAction(m.G, seat, { move: 'pass', args: [] }, m.dice)).toBe(true);
  }
}

describe('the turn', () => {
  it('starts with the first inject resolved and China to act with 4 AP', () => {
    const m = newMatch('baseline-2023', 4, 'flow');
    expect(m.G.turn).toBe(1);
    expect(m.G.discard[0]).toBe('stoltenberg-visit');
    if (!m.G.pending) {
      expect(m.G.active).toBe('china');
      expect(m.G.ap.china).toBe(4);
    }
  });

  it('runs China, NATO, Japan, South Korea in each of two rounds', () => {
    const m = newMatch('baseline-2023', 4, 'order');
    while (m.G.pending)
      play(
        m,
        m.G.pending.kind === 'lambaste' ? 'declineLambaste' : 'chooseOption',
        ...(m.G.pending.kind === 'lambaste' ? [] : [0]),
      );
    const order: string[] = [];
    while (m.G.turn === 1) {
      const seat = actingSeat(m.G)!;
      order.push(`${m.G.round}:${seat}`);
      play(m, 'pass');
    }
    expect(order).toEqual(['1:china', '1:nato', '1:japan', '1:korea', '2:china', '2:nato', '2:japan', '2:korea']);
  });

  it('upkeep: stockpile +1 and tension −1 (unless the tables say otherwise)', () => {
    const m = newMatch('baseline-2023', 4, 'upkeep');
    const stock = m.G.tracks.stockpile;
    passTurn(m);
    expect(m.G.tracks.stockpile).toBeGreaterThanOrEqual(Math.min(10, stock + 1));
    expect(m.G.log.some((e) => e.text.startsWith('Upkeep — Ukraine front'))).toBe(true);
    expect(m.G.log.some((e) => e.text.startsWith('Upkeep — North Korea'))).toBe(true);
  });

  it('holds a summit after every second turn', () => {
    const m = newMatch('baseline-2023', 4, 'summit');
    passTurn(m);
    expect(m.G.log.some((e) => e.kind === 'summit')).toBe(false);
    passTurn(m);
    expect(m.G.log.some((e) => e.kind === 'summit' && e.turn === 2)).toBe(true);
  });

  it('ends after the last turn with a winner by margin', () => {
    const m = newMatch('taiwan-strait-crisis', 4, 'end');
    for (let t = 0; t < 12 && !m.G.result; t++) passTurn(m);
    expect(m.G.result).not.toBeNull();
    expect(SEATS).toContain(m.G.result!.winner);
  });

  it('a seat that pushes tension to 10 loses outright', () => {
    const m = newMatch('baseline-2023', 4, 'war');
    while (m.G.pending)
      play(
        m,
        m.G.pending.kind === 'lambaste' ? 'declineLambaste' : 'chooseOption',
        ...(m.G.pending.kind === 'lambaste' ? [] : [0]),
      );
    m.G.tracks.tension = 9;
    m.G.active = 'china';
    m.G.ap.china = 4;
    play(m, 'pressStrait');
    expect(m.G.result).toMatchObject({ ending: 'war', culprit: 'china', cause: 'seat' });
    expect(m.G.result!.winner).not.toBe('china');
    expect(legalMoves(m.G, 'nato')).toEqual([]);
  });

  // A war an inject or a table pushes over is charged to the seat that raised tension most over this
  // turn and the last; ties go to the latest to add any (so parking tension at 9 is a gamble).
  it.each([
    [
      'the most this turn and last',
      [
        ['china', 2, 1],
        ['nato', 3, 2],
      ],
      'nato',
    ],
    [
      'a tie: the latest',
      [
        ['japan', 1, 2],
        ['china', 2, 2],
      ],
      'china',
    ],
    [
      'an older turn does not count',
      [
        ['korea', 1, 1],
        ['china', 3, 3],
      ],
      'china',
    ],
  ] as const)('a war nobody pushed is charged: %s', (_name, adds, culprit) => {
    const m = newMatch('baseline-2023', 4, 'charged');
    m.G.turn = 3;
    m.G.tensionByTurn = [0, 1, 2].map(() => ({ china: 0, nato: 0, japan: 0, korea: 0 }));
    for (const [seat, turn, n] of adds) {
      m.G.tensionByTurn[turn - 1]![seat] += n;
      m.G.tensionAdded[seat] += n;
      m.G.tensionLatest = [...m.G.tensionLatest.filter((s) => s !== seat), seat];
    }
    m.G.tracks.tension = 9;
    const r = resolution(m.G, null, m.dice);
    r.cause = 'north-korea';
    changeTrack(r, 'tension', 1);
    expect(m.G.result).toMatchObject({ ending: 'war', culprit, cause: 'north-korea' });
  });

  it("the Taiwan crisis's standing quarantine is China's: its upkeep tension, and a war it brings", () => {
    const m = newMatch('taiwan-strait-crisis', 4, 'standing-quarantine');
    m.G.tracks.taiwanCrisis = 5;
    m.G.tracks.tension = 4;
    const before = m.G.tensionAdded.china;
    const r = resolution(m.G, null, { number: () => 0 });
    upkeep(r);
    expect(m.G.tensionAdded.china).toBe(before + 1);
    const w = newMatch('taiwan-strait-crisis', 4, 'standing-quarantine-war');
    w.G.tracks.taiwanCrisis = 5;
    w.G.tracks.tension = 9;
    upkeep(resolution(w.G, null, { number: () => 0 }));
    expect(w.G.result).toMatchObject({ ending: 'war', culprit: 'china', cause: 'seat' });
  });

  /** The Taiwan crisis at its peak with the scenario's standing quarantine; `held`: China's last quarantine held. */
  const peak = (label: string, held: boolean, contested: boolean) => {
    const m = newMatch('taiwan-strait-crisis', 4, label);
    m.G.tracks.taiwanCrisis = 5;
    m.G.tracks.tension = 4;
    if (held) m.G.used['quarantine-held'] = true;
    m.G.units = m.G.units.filter((u) => u.owner === 'china');
    // Deterrence around Taiwan at the crisis, or none.
    m.G.deterrence = contested
      ? [{ id: 'd', theater: 'taiwan-ecs', value: 9, source: 'test', until: 'permanent' }]
      : [];
    return m;
  };

  it.each([
    // [China's last quarantine held, Western deterrence at the crisis, upkeep roll face, China's tension added]
    [false, false, 1, RULE_NUMBERS.quarantineUpkeep.tension],
    [true, false, 6, 0],
    [true, true, RULE_NUMBERS.blockadeRun.onRoll - 1, 0],
    [true, true, RULE_NUMBERS.blockadeRun.onRoll, RULE_NUMBERS.quarantineUpkeep.tension],
  ])(
    'a blockade that held escalates only when contested and run (held %s, contested %s, roll %i: China +%i)',
    (held, contested, face, added) => {
      const m = peak(`blockade-${String(held)}-${String(contested)}-${face}`, held, contested);
      const before = m.G.tensionAdded.china;
      const intl = m.G.tracks.internationalization;
      upkeep(resolution(m.G, null, { number: () => (face - 0.5) / 6 }));
      expect(m.G.tensionAdded.china - before).toBe(added);
      expect(m.G.tracks.internationalization).toBeGreaterThanOrEqual(
        intl + RULE_NUMBERS.quarantineUpkeep.internationalization,
      );
    },
  );

  it("a war that breaks out while China's quarantine holds is China's incident; before it, the table's", () => {
    for (const [held, culprit, cause] of [
      [true, 'china', 'incident'],
      [false, 'japan', 'north-korea'],
    ] as const) {
      const m = peak(`blockade-war-${String(held)}`, held, false);
      m.G.tensionByTurn = [{ china: 0, nato: 0, japan: 2, korea: 0 }];
      m.G.tensionAdded = { china: 0, nato: 0, japan: 2, korea: 0 };
      m.G.tensionLatest = ['japan'];
      m.G.tracks.tension = 9;
      const r = resolution(m.G, null, m.dice);
      r.cause = 'north-korea';
      changeTrack(r, 'tension', 1);
      expect(m.G.result).toMatchObject({ ending: 'war', culprit, cause });
    }
  });

  it.each([
    // [scenario, Taiwan Crisis before, after Strait pressure]
    ['taiwan-strait-crisis', BALANCE.quarantine.fromCrisis - 1, BALANCE.quarantine.fromCrisis],
    ['taiwan-strait-crisis', BALANCE.quarantine.fromCrisis, BALANCE.quarantine.fromCrisis],
    ['baseline-2023', BALANCE.quarantine.fromCrisis, BALANCE.quarantine.fromCrisis + 1],
  ])('in %s Strait pressure takes the crisis from %i to %i: only a quarantine declares the peak', (id, from, to) => {
    const m = newMatch(id, 4, `strait-${id}-${from}`);
    m.G.pending = null;
    m.G.active = 'china';
    m.G.ap.china = 4;
    m.G.tracks.taiwanCrisis = from;
    expect(applyAction(m.G, 'china', { move: 'pressStrait', args: [] }, m.dice)).toBe(true);
    expect(m.G.tracks.taiwanCrisis).toBe(to);
  });

  it('a failing front at upkeep draws Europe and Asia together; a middling one does not', () => {
    // Every roll a 1: Russia's offensive stalls (Ukraine +1), North Korea is quiet.
    const failing = newMatch('baseline-2023', 4, 'alarm');
    failing.G.tracks.ukraine = BALANCE.credibility.failingAt - BALANCE.russiaTable[0]!.ukraine;
    const before = failing.G.tracks.internationalization;
    upkeep(resolution(failing.G, null, { number: () => 0 }));
    expect(failing.G.tracks.ukraine).toBe(BALANCE.credibility.failingAt);
    expect(failing.G.tracks.internationalization).toBe(before + BALANCE.failingFrontInternationalization);
    expect(failing.G.fired['failing-front-alarm']).toBe(1);
    const middling = newMatch('baseline-2023', 4, 'no-alarm');
    middling.G.tracks.ukraine = BALANCE.credibility.failingAt;
    upkeep(resolution(middling.G, null, { number: () => 0 }));
    expect(middling.G.tracks.internationalization).toBe(before);
  });

  it.each([
    // [hidden markers, front at upkeep, markers found out]
    [1, 'failing', 0],
    [2, 'failing', 2 - MOVE_NUMBERS.sendMaterialAid.hiddenWhileFailing],
    [2, 'holding', 0],
  ] as const)('%i hidden aid marker(s) with the front %s: %i found out', (hidden, band, found) => {
    // Every roll a 1: Russia's offensive stalls (Ukraine +1), North Korea is quiet.
    const m = newMatch('baseline-2023', 4, `aid-${hidden}-${band}`);
    const start = band === 'failing' ? BALANCE.credibility.failingAt : BALANCE.credibility.holdingAt;
    m.G.tracks.ukraine = start - BALANCE.russiaTable[0]!.ukraine + hidden * MOVE_NUMBERS.sendMaterialAid.upkeepUkraine;
    m.G.aid = Array.from({ length: hidden }, (_, i) => ({ id: `a${i}`, revealed: false }));
    const bonus = m.G.marginBonus.china;
    upkeep(resolution(m.G, null, { number: () => 0 }));
    expect(m.G.aid.filter((a) => a.revealed)).toHaveLength(found);
    expect(m.G.fired['aid-found-out'] ?? 0).toBe(found);
    expect(m.G.marginBonus.china).toBe(bonus - found * MOVE_NUMBERS.sendMaterialAid.revealed.chinaMargin);
  });

  it('the axis pays China for a failing front, up to its cap', () => {
    const m = newMatch('baseline-2023', 4, 'axis');
    m.G.tracks.ukraine = BALANCE.axisFrom;
    const at = margins(m.G).china;
    m.G.tracks.ukraine = 0;
    expect(margins(m.G).china).toBe(at + BALANCE.axisCap);
  });

  it('records the tension each seat adds, turn by turn', () => {
    const m = newMatch('baseline-2023', 4, 'by-turn');
    while (m.G.pending)
      play(
        m,
        m.G.pending.kind === 'lambaste' ? 'declineLambaste' : 'chooseOption',
        ...(m.G.pending.kind === 'lambaste' ? [] : [0]),
      );
    m.G.active = 'china';
    m.G.ap.china = 4;
    const before = m.G.tensionByTurn[0]!.china;
    play(m, 'pressStrait');
    expect(m.G.tensionByTurn[0]!.china).toBe(before + 1);
    expect(m.G.tensionLatest.at(-1)).toBe('china');
  });

  it('in the two-seat variant the victory-point track decides', () => {
    const m = newMatch('baseline-2023', 2, 'vp');
    for (let t = 0; t < 12 && !m.G.result; t++) passTurn(m);
    const r = m.G.result!;
    expect(['nato', 'china']).toContain(r.winner);
    if (m.G.tracks.vp > 0) expect(r.winner).toBe('nato');
    if (m.G.tracks.vp < 0) expect(r.winner).toBe('china');
  });
});

describe('reactions', () => {
  it('a Western gain opens a Lambaste window; Lambaste cancels one point', () => {
    const m = newMatch('baseline-2023', 4, 'lambaste');
    m.G.pending = null;
    m.G.active = 'nato';
    m.G.ap.nato = 4;
    const intl = m.G.tracks.internationalization;
    play(m, 'transit', 'west-indian-ocean');
    expect(m.G.tracks.internationalization).toBe(intl + 1);
    expect(actingSeat(m.G)).toBe('china');
    expect(
      legalMoves(m.G, 'china')
        .map((a) => a.move)
        .sort(),
    ).toEqual(['declineLambaste', 'lambaste']);
    expect(legalMoves(m.G, 'nato')).toEqual([]);
    play(m, 'lambaste');
    expect(m.G.tracks.internationalization).toBe(intl);
    expect(actingSeat(m.G)).toBe('nato');
  });

  it('the second Lambaste in a turn internationalizes', () => {
    const m = newMatch('baseline-2023', 4, 'lambaste-2');
    m.G.pending = null;
    m.G.active = 'nato';
    m.G.ap.nato = 4;
    play(m, 'statement', 'korea');
    play(m, 'lambaste');
    const intl = m.G.tracks.internationalization;
    play(m, 'statement', 'taiwan-ecs');
    play(m, 'lambaste');
    expect(m.G.tracks.internationalization).toBe(intl + 1);
  });

  it('Futures: NATO puts one of the top three injects at the bottom', () => {
    const m = newMatch('baseline-2023', 4, 'futures');
    m.G.pending = null;
    m.G.active = 'nato';
    m.G.ap.nato = 4;
    const top = m.G.deck.slice(0, 3);
    play(m, 'consultFutures');
    play(m, 'chooseOption', 1);
    expect(m.G.deck[m.G.deck.length - 1]).toBe(top[1]);
    expect(m.G.deck.slice(0, 2)).toEqual([top[0], top[2]]);
  });

  it('margins follow docs/DESIGN.md §7 at the start of the baseline', () => {
    const m = newMatch('baseline-2023', 4, 'margins');
    const g = m.G;
    // The constant is a balance number (docs/BALANCE.md): read it, don't pin it.
    expect(margins(g).nato).toBe(
      g.tracks.cohesion +
        Math.min(g.tracks.ukraine, BALANCE.credibility.holdingAt) +
        Math.floor(g.tracks.internationalization / BALANCE.natoAsiaDivisor) +
        BALANCE.margin.nato,
    );
  });

  const { above, perLevel } = RULE_NUMBERS.dprkOverJapan;
  it.each([
    ['korean-peninsula-crisis', 0, 0],
    ['korean-peninsula-crisis', above, 0],
    ['korean-peninsula-crisis', above + 2, -2 * perLevel],
    ['baseline-2023', above + 2, 0],
  ])('%s: DPRK Threat %i moves Japan’s margin by %i (missiles over Japan)', (scenario, dprk, shift) => {
    const g = newMatch(scenario, 4, 'dprk-japan').G;
    g.tracks.dprkThreat = 0;
    const base = margins(g).japan;
    g.tracks.dprkThreat = dprk;
    expect(margins(g).japan - base).toBe(shift);
  });

  const holds = BALANCE.credibility.holdingAt;
  it.each([
    [2, 2],
    [holds - 1, holds - 1],
    [holds, holds],
    [holds + 1, holds],
    [10, holds],
  ])('NATO’s margin reads Ukraine %i as %i: the front counts up to where it holds', (ukraine, counted) => {
    const g = newMatch('baseline-2023', 4, 'margins').G;
    g.tracks.ukraine = 0;
    const base = margins(g).nato;
    g.tracks.ukraine = ukraine;
    expect(margins(g).nato - base).toBe(counted);
  });
});

describe('a bot level’s head start', () => {
  const s = scenarioById('baseline-2023')!;
  it('adds its margin to the seat’s score in the 4-seat game', () => {
    const plain = setupState(s, { variant: 4 }, createDice('h'));
    const G = setupState(s, { variant: 4, handicap: { japan: { ap: 1, roll: 0, margin: 2 } } }, createDice('h'));
    expect(margins(G).japan).toBe(margins(plain).japan + 2);
    expect(margins(G).china).toBe(margins(plain).china);
  });
  it.each([
    [{ nato: 1, japan: 2, korea: 0 }, 0, 2],
    [{ nato: 0, japan: 0, korea: 0 }, 3, -3],
    [{ nato: 3, japan: 3, korea: 3 }, 1, 2],
  ])('2 seats: the West’s strongest head start %o minus China’s %i moves the vp track by %i', (west, china, shift) => {
    const h = (margin: number) => ({ ap: 0, roll: 0, margin });
    const handicap = { china: h(china), nato: h(west.nato), japan: h(west.japan), korea: h(west.korea) };
    const G = setupState(s, { variant: 2, handicap }, createDice('h'));
    expect(G.tracks.vp).toBe(s.tracks.vp + shift);
  });
  it('older saves without a margin start level', () => {
    const G = setupState(s, { variant: 2, handicap: { china: { ap: 1, roll: 2 } } }, createDice('h'));
    expect(G.tracks.vp).toBe(s.tracks.vp);
    expect(G.handicap.china).toEqual({ ap: 1, roll: 2, margin: 0 });
  });
});

describe('the two-seat tie', () => {
  const tied = (specials: string[], west: number, china: number) => {
    const m = newMatch('baseline-2023', 2);
    Object.assign(m.G, { specials, turn: m.G.lastTurn, round: 2 });
    m.G.tracks.vp = 0;
    Object.assign(m.G.tensionAdded, { nato: west, japan: 0, korea: 0, china });
    endGame(resolution(m.G, null, m.dice), 'final-summit');
    return m.G.result!.winner;
  };
  it.each([
    [[], 1, 2, 'nato'],
    [[], 2, 1, 'china'],
    [['two-seat-tie-to-west'], 5, 0, 'nato'],
    [['two-seat-tie-to-china'], 0, 5, 'china'],
  ])('specials %o, West added %i tension, China %i: %s wins', (specials, west, china, winner) => {
    expect(tied(specials, west, china)).toBe(winner);
  });
  it('a roll-off settles a tie with the game’s own dice: 4+ the West, and the log says so', () => {
    const winners = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const m = newMatch('baseline-2023', 2, `roll-off-${i}`);
      Object.assign(m.G, { specials: ['two-seat-tie-roll-off'], turn: m.G.lastTurn, round: 2 });
      m.G.tracks.vp = 0;
      const face = d6(createDice('', m.dice.state())); // the next roll, peeked from a copy
      endGame(resolution(m.G, null, m.dice), 'final-summit');
      expect(m.G.result!.winner).toBe(face >= 4 ? 'nato' : 'china');
      expect(m.G.log.at(-1)!.text).toContain(`roll-off ${face}`);
      winners.add(m.G.result!.winner!);
    }
    expect([...winners].sort()).toEqual(['china', 'nato']);
  });
});
