/** Each seat's flowchart, branch by branch: a state → the step that decides, its move and its why. */
import { describe, expect, it } from 'vitest';
import type { MoveName, Seat } from '../../src/content/ids';
import { scriptedTrace } from '../../src/ai/scripted';
import { MOVE_NUMBERS } from '../../src/content/move-numbers';
import { CONFERENCE_MET } from '../../src/rules/moves/rule';
import type { GameState, Unit } from '../../src/rules';
import { rngOf, stateFor, viewOf } from './helpers';

const unit = (owner: Seat, space: string, kind: Unit['kind'] = 'jmsdf'): Unit => ({
  id: `t-${owner}-${space}`,
  kind,
  owner,
  space: space as never,
  presence: 1,
  leavesAfterTurn: null,
});

/** A quiet board: no units, markers or crises, so each row sets exactly what its branch reads. */
function quiet(seat: Seat, ap: number): GameState {
  const G = stateFor(seat, ap);
  Object.assign(G.tracks, {
    tension: 5,
    internationalization: 10,
    cohesion: 7,
    ukraine: 6,
    stockpile: 5,
    taiwanCrisis: 1,
    dprkThreat: 0,
    exposure: 1,
  });
  G.units = [];
  G.grayZone = {};
  G.faitAccompli = {};
  G.deterrence = [];
  G.aid = [];
  G.used = {};
  G.posture = 'restraint';
  G.influence = {
    'north-sea-ports': { china: 3, west: 0 },
    'mediterranean-ports': { china: 3, west: 0 },
    'malaysia-singapore': { china: 3, west: 0 },
  };
  G.log = G.log.filter((e) => e.turn !== G.turn);
  return G;
}

interface Row {
  name: string;
  seat: Seat;
  ap?: number;
  setup: (G: GameState) => void;
  step: string;
  move: MoveName;
  args?: unknown[];
  why: RegExp;
}

/** The West ahead in both European ports, so NATO's screening step stays quiet. */
const EUROPE_OURS = (G: GameState) => {
  G.influence['north-sea-ports'] = { china: 1, west: 3 };
  G.influence['mediterranean-ports'] = { china: 1, west: 3 };
};

/** Arms already sent to every recipient this turn, so NATO's arms step stays quiet. */
const ARMS_SENT = (G: GameState) => {
  for (const to of ['japan', 'korea', 'australia-nz', 'india', 'taiwan']) G.used[`t:arms:${to}`] = true;
};

const ALL_GRAY_COVERED = (G: GameState) => {
  G.units.push(
    unit('nato', 'south-china-sea', 'uk-opv'),
    unit('nato', 'taiwan-strait', 'uk-opv'),
    unit('japan', 'east-china-sea'),
  );
};

const ROWS: Row[] = [
  // China
  {
    name: 'tension 8: a quiet move',
    seat: 'china',
    setup: (G) => (G.tracks.tension = 8),
    step: 'tension-high',
    move: 'driveWedge',
    why: /^Tension at 8: only quiet moves/,
  },
  {
    name: 'tension 9, one point, tacit used: pass',
    seat: 'china',
    ap: 1,
    setup: (G) => {
      G.tracks.tension = 9;
      G.used['t:tacit'] = true;
    },
    step: 'tension-high',
    move: 'pass',
    why: /China waits rather than risk war/,
  },
  {
    name: 'Coercion, Ukraine 3, no aid: material aid',
    seat: 'china',
    setup: (G) => {
      G.posture = 'coercion';
      G.tracks.ukraine = 3;
      // Strong deterrence around Taiwan: no rung of the ladder pays.
      G.deterrence.push({ id: 'd-x', theater: 'taiwan-ecs', value: 5, source: 'test', until: 'permanent' });
    },
    step: 'material-aid',
    move: 'sendMaterialAid',
    why: /^Ukraine's front at 3, the arsenal at \d+: covert aid to Russia/,
  },
  {
    name: 'no Western ship in the South China Sea: gray zone there first',
    seat: 'china',
    setup: () => {},
    step: 'gray-zone-open',
    move: 'pressGrayZone',
    args: ['south-china-sea'],
    why: /No Western ship in the South China Sea/,
  },
  {
    name: 'South China Sea covered: Taiwan Strait next',
    seat: 'china',
    setup: (G) => G.units.push(unit('nato', 'south-china-sea', 'uk-opv')),
    step: 'gray-zone-open',
    move: 'pressGrayZone',
    args: ['taiwan-strait'],
    why: /Taiwan Strait/,
  },
  {
    name: 'the West leads a port by 1: invest',
    seat: 'china',
    setup: (G) => {
      ALL_GRAY_COVERED(G);
      G.influence['north-sea-ports'] = { china: 1, west: 2 };
    },
    step: 'port',
    move: 'investInPort',
    args: ['north-sea-ports'],
    why: /The West holds 2 to China's 1 in the North Sea ports/,
  },
  {
    name: 'a filled European port open to screening: a PLA group guards it',
    seat: 'china',
    setup: (G) => {
      ALL_GRAY_COVERED(G);
      G.influence['mediterranean-ports'] = { china: 6, west: 2 };
    },
    step: 'port-guard',
    move: 'projectBackyardPresence',
    args: ['mediterranean'],
    why: /China holds 6 of the Mediterranean ports: a PLA group in the Mediterranean guards the stake from screening/,
  },
  {
    name: 'a guarded filled port needs no second group: invest elsewhere',
    seat: 'china',
    setup: (G) => {
      ALL_GRAY_COVERED(G);
      G.influence['mediterranean-ports'] = { china: 6, west: 2 };
      G.units.push(unit('china', 'mediterranean', 'pla-navy'));
      G.influence['north-sea-ports'] = { china: 1, west: 2 };
    },
    step: 'port',
    move: 'investInPort',
    args: ['north-sea-ports'],
    why: /investing to take control/,
  },
  {
    name: 'Coercion and weak deterrence at Taiwan: Strait pressure',
    seat: 'china',
    setup: (G) => {
      ALL_GRAY_COVERED(G);
      G.posture = 'coercion';
      G.tracks.ukraine = 3; // a failing front emboldens China
      G.tracks.taiwanCrisis = 3;
    },
    step: 'strait',
    move: 'pressStrait',
    why: /^Deterrence around Taiwan only \d+: Strait pressure pays on \d in 6/,
  },
  {
    name: 'Restraint, nothing open: Wedge on the likeliest target',
    seat: 'china',
    setup: (G) => {
      ALL_GRAY_COVERED(G);
      G.tracks.exposure = 4;
    },
    step: 'wedge',
    move: 'driveWedge',
    args: ['korea'],
    why: /^A Wedge on South Korea \(6 in 6\)/,
  },
  // NATO
  {
    name: 'Ukraine 3: shells',
    seat: 'nato',
    setup: (G) => (G.tracks.ukraine = 3),
    step: 'shells-urgent',
    move: 'shipShells',
    why: /^Ukraine front at 3: shipping shells$/,
  },
  {
    name: 'summit available',
    seat: 'nato',
    setup: () => {},
    step: 'summit',
    move: 'summit',
    why: /^Cohesion 7: a NATO summit/,
  },
  {
    name: 'hidden aid: intelligence',
    seat: 'nato',
    setup: (G) => {
      G.used['summit:1'] = true;
      G.aid = [{ id: 'a1', revealed: false }];
    },
    step: 'intelligence',
    move: 'gatherIntelligence',
    why: /^1 covert Chinese move\(s\) unexplained/,
  },
  {
    name: 'gray zone unchallenged: a ship there',
    seat: 'nato',
    setup: (G) => {
      G.used['summit:1'] = true;
      EUROPE_OURS(G);
      G.grayZone['south-china-sea'] = 1;
      // Alone, NATO covers Asian waters only when China leads.
      G.marginBonus.china = 10;
    },
    step: 'cover-gray-zone',
    move: 'deployCarrierGroup',
    why: /^Gray zone unchallenged in the South China Sea/,
  },
  {
    name: 'gray zone unchallenged but China behind: NATO minds Europe',
    seat: 'nato',
    setup: (G) => {
      G.used['summit:1'] = true;
      EUROPE_OURS(G);
      ARMS_SENT(G);
      G.grayZone['south-china-sea'] = 1;
    },
    step: 'shells',
    move: 'shipShells',
    why: /shells to Ukraine/,
  },
  {
    name: 'China ties the Mediterranean: investment screening there',
    seat: 'nato',
    setup: (G) => {
      G.used['summit:1'] = true;
      G.influence['north-sea-ports'] = { china: 1, west: 3 };
      G.influence['mediterranean-ports'] = { china: 2, west: 2 };
    },
    step: 'screen-investment',
    move: 'screenInvestment',
    args: ['mediterranean-ports'],
    why: /^China 2 to our 2 in the Mediterranean ports: investment screening$/,
  },
  {
    name: 'Asia contested, front not failing, stockpile 5: arms to Japan before more shells',
    seat: 'nato',
    setup: (G) => {
      G.used['summit:1'] = true;
      EUROPE_OURS(G);
    },
    step: 'arms-contested',
    move: 'armPartner',
    args: ['japan'],
    why: /^Deterrence trails pressure in Taiwan .*: arms to Japan from the stockpile$/,
  },
  {
    name: 'final summit ahead, front at holding: shells before arms east',
    seat: 'nato',
    setup: (G) => {
      G.turn = G.lastTurn;
      G.used[`summit:${Math.ceil(G.turn / 2)}`] = true;
      EUROPE_OURS(G);
      G.tracks.ukraine = 7;
      // No national priority to work toward, so the flowchart itself decides.
      G.priority.nato = '';
    },
    step: 'shells-last-turn',
    move: 'shipShells',
    why: /^Final summit ahead, front at 7: shells so it still holds when the alliance is counted$/,
  },
  {
    name: 'arms sent this turn, stockpile 5: shells',
    seat: 'nato',
    setup: (G) => {
      G.used['summit:1'] = true;
      EUROPE_OURS(G);
      ARMS_SENT(G);
    },
    step: 'shells',
    move: 'shipShells',
    why: /^Stockpile 5, front at 6: shells to Ukraine/,
  },
  {
    name: 'front at 9, past holding: no spare shells, Futures',
    seat: 'nato',
    setup: (G) => {
      G.used['summit:1'] = true;
      EUROPE_OURS(G);
      ARMS_SENT(G);
      Object.assign(G.tracks, { ukraine: 9, stockpile: 3, internationalization: 20 });
      G.influence['malaysia-singapore'] = { china: 0, west: 3 };
      G.cyberShield = true;
    },
    step: 'futures',
    move: 'consultFutures',
    why: /^Futures in the Indo-Pacific/,
  },
  {
    name: 'a carrier holding the Taiwan theater does not leave it for the South China Sea',
    seat: 'nato',
    setup: (G) => {
      G.used['summit:1'] = true;
      G.used['t:futures'] = true;
      EUROPE_OURS(G);
      ARMS_SENT(G);
      Object.assign(G.tracks, { stockpile: 3, internationalization: 2 }); // China leads
      G.influence['malaysia-singapore'] = { china: 0, west: 3 };
      G.grayZone = { 'taiwan-strait': 2, 'south-china-sea': 2 };
      G.faitAccompli = { 'south-china-sea': 4 };
      G.units.push(
        { ...unit('nato', 'western-pacific', 'us-csg'), presence: 3 },
        unit('nato', 'south-china-sea', 'uk-opv'),
        unit('nato', 'taiwan-strait', 'uk-opv'),
      );
    },
    step: 'ccdcoe',
    move: 'joinCcdcoe',
    why: /CCDCOE/,
  },
  // Japan
  {
    name: 'gray zone in the East China Sea: build-up there',
    seat: 'japan',
    setup: (G) => (G.grayZone['east-china-sea'] = 1),
    step: 'defend-ecs',
    move: 'buildUpDefence',
    args: ['east-china-sea'],
    why: /East China Sea/,
  },
  {
    name: 'gray zone in the Strait under escort: FONOP',
    seat: 'japan',
    setup: (G) => {
      G.tracks.tension = 6; // Japan's transit adds 1 and risks no incident: the bots keep tension at 7 or less
      G.grayZone['taiwan-strait'] = 1;
      G.units.push(unit('nato', 'taiwan-strait', 'us-csg'));
      G.units[G.units.length - 1]!.presence = 3;
    },
    step: 'fonop',
    move: 'freedomOfNavigation',
    args: ['taiwan-strait'],
    why: /^1 gray-zone marker in the Taiwan Strait: a JMSDF transit/,
  },
  {
    name: 'gray zone in the Strait, a Japanese destroyer next door: FONOP from the East China Sea',
    seat: 'japan',
    setup: (G) => {
      G.grayZone['taiwan-strait'] = 1;
      G.units.push(unit('japan', 'east-china-sea'));
    },
    step: 'fonop',
    move: 'freedomOfNavigation',
    args: ['taiwan-strait'],
    why: /Taiwan Strait: a JMSDF transit/,
  },
  {
    name: 'fewer than three Japanese units: a permanent build-up in the East China Sea',
    seat: 'japan',
    setup: () => {},
    step: 'build-up',
    move: 'buildUpDefence',
    args: ['east-china-sea'],
    why: /permanent defence build-up in the East China Sea$/,
  },
  {
    name: 'three units built: a joint exercise around Taiwan, with a partner that is not a rival seat',
    seat: 'japan',
    setup: (G) => {
      for (const i of [1, 2, 3]) G.units.push({ ...unit('japan', 'east-china-sea'), id: `j${i}` });
    },
    step: 'exercise',
    move: 'exercise',
    args: ['taiwan-ecs', 'australia-nz'],
    why: /joint exercise with Australia–NZ holds \+2 until the summit$/,
  },
  {
    name: 'units built, exercise held: partnership upgrade',
    seat: 'japan',
    setup: (G) => {
      for (const i of [1, 2, 3]) G.units.push({ ...unit('japan', 'east-china-sea'), id: `j${i}` });
      G.used['t:exercise:taiwan-ecs'] = true;
    },
    step: 'upgrade-self',
    move: 'upgradePartnership',
    args: ['japan'],
    why: /^Partnership with NATO at 3/,
  },
  {
    name: 'one point, cohesion 4: Kyiv',
    seat: 'japan',
    ap: 1,
    setup: (G) => (G.tracks.cohesion = 4),
    step: 'kyiv',
    move: 'leaderVisit',
    args: ['kyiv'],
    why: /Kyiv/,
  },
  // South Korea
  {
    name: 'DPRK Threat 2: the conference',
    seat: 'korea',
    setup: (G) => (G.tracks.dprkThreat = 2),
    step: 'nonproliferation',
    move: 'holdNonproliferationConference',
    why: /^DPRK Threat at 2/,
  },
  {
    name: 'no threat: exports',
    seat: 'korea',
    setup: () => {},
    step: 'exports',
    move: 'exportDefence',
    why: /^Exports at 0/,
  },
  {
    name: 'exports done: upgrade',
    seat: 'korea',
    setup: (G) => (G.used['t:export'] = true),
    step: 'upgrade-self',
    move: 'upgradePartnership',
    args: ['korea'],
    why: /^Partnership with NATO at/,
  },
  {
    name: `DPRK Threat ${MOVE_NUMBERS.exportDefence.homeFrom} after the conference, partnership ${MOVE_NUMBERS.upgradePartnership.maxLevel}: the guns stay home (no export)`,
    seat: 'korea',
    setup: (G) => {
      G.tracks.dprkThreat = MOVE_NUMBERS.exportDefence.homeFrom;
      G.used[CONFERENCE_MET] = true;
      G.partnership.korea = { level: MOVE_NUMBERS.upgradePartnership.maxLevel, pips: 0 };
      G.tracks.stockpile = 2;
    },
    step: 'un-command',
    move: 'reinforceUnCommand',
    why: /^DPRK Threat at 4: UN Command/,
  },
  {
    name: 'exports done, partnership 4, stockpile 2: shells via Europe',
    seat: 'korea',
    setup: (G) => {
      G.used['t:export'] = true;
      G.partnership.korea = { level: 4, pips: 0 };
      G.tracks.stockpile = 2;
    },
    step: 'shells-via-europe',
    move: 'shellsForUkraine',
    args: ['via-europe'],
    why: /^Western stockpile at 2: shells to Europe, not Kyiv/,
  },
  {
    name: 'two seats, the front at 4: shells to Kyiv',
    seat: 'korea',
    setup: (G) => {
      G.variant = 2;
      G.used['t:export'] = true;
      G.tracks.ukraine = 4;
    },
    step: 'shells-to-kyiv',
    move: 'shellsForUkraine',
    args: ['to-kyiv'],
    why: /^Ukraine front at 4: shells straight to Kyiv/,
  },
];

describe('scripted flowcharts', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const G = quiet(row.seat, row.ap ?? 4);
    row.setup(G);
    const trace = scriptedTrace(viewOf(G, row.seat), row.seat, rngOf('row'));
    expect(trace.step).toBe(row.step);
    expect(trace.decision.action.move).toBe(row.move);
    if (row.args) expect(trace.decision.action.args).toEqual(row.args);
    expect(trace.decision.why).toMatch(row.why);
  });

  it('the war guard keeps every bot from pushing tension to 10', () => {
    for (const seat of ['china', 'nato', 'japan', 'korea'] as const) {
      const G = quiet(seat, 4);
      G.tracks.tension = 9;
      G.grayZone['taiwan-strait'] = 2;
      G.units.push(unit('nato', 'taiwan-strait', 'uk-opv'));
      const { decision } = scriptedTrace(viewOf(G, seat), seat, rngOf('guard'));
      expect([
        'exercise',
        'summit',
        'freedomOfNavigation',
        'armPartner',
        'projectBackyardPresence',
        'pressStrait',
      ]).not.toContain(decision.action.move);
      expect(decision.action.args[0], `${seat}: shells to Kyiv add tension`).not.toBe('to-kyiv');
    }
  });
});

describe('pending decisions', () => {
  it('China takes a free Lambaste, saves the first one from a statement, and spends it on anything else', () => {
    const G = quiet('china', 0);
    const trigger = { seat: 'nato' as Seat, move: 'statement' as MoveName, summary: "NATO's Statement" };
    const cancel = [{ op: 'deterrence' as const, theater: 'korea' as const, delta: -1, until: 'upkeep' as const }];
    G.pending = { kind: 'lambaste', seat: 'china', trigger, cancel, free: true };
    expect(scriptedTrace(viewOf(G, 'china'), 'china', rngOf('l')).decision.action.move).toBe('lambaste');
    G.pending = { kind: 'lambaste', seat: 'china', trigger, cancel, free: false };
    const saved = scriptedTrace(viewOf(G, 'china'), 'china', rngOf('l')).decision;
    expect(saved.action.move).toBe('declineLambaste');
    expect(saved.why).toMatch(/lapses at upkeep/);
    G.pending = {
      kind: 'lambaste',
      seat: 'china',
      trigger: { ...trigger, move: 'summit', summary: "NATO's Summit" },
      cancel: [{ op: 'track', track: 'internationalization', delta: -1 }],
      free: false,
    };
    expect(scriptedTrace(viewOf(G, 'china'), 'china', rngOf('l')).decision.action.move).toBe('lambaste');
    // A second paid Lambaste on internationalization gains nothing: let it pass.
    G.lambastes = 1;
    expect(scriptedTrace(viewOf(G, 'china'), 'china', rngOf('l')).decision.action.move).toBe('declineLambaste');
  });

  it('a choice goes to the option that leaves the seat best placed', () => {
    const G = quiet('korea', 2);
    G.pending = {
      kind: 'choice',
      seat: 'korea',
      source: 'Test inject',
      prompt: 'Which?',
      options: [
        { label: 'Take the hit', effects: [{ op: 'track', track: 'exposure', delta: 2 }] },
        { label: 'Export more', effects: [{ op: 'track', track: 'exports', delta: 1 }] },
      ],
    };
    const d = scriptedTrace(viewOf(G, 'korea'), 'korea', rngOf('c')).decision;
    expect(d.action).toEqual({ move: 'chooseOption', args: [1] });
    expect(d.why).toMatch(/^Test inject: “Export more”/);
  });
});
