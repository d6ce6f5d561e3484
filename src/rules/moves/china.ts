/** China's moves: ports, backyard presence, tacit support, hidden material aid, gray zone, strait pressure, wedge. */
import { BALANCE } from '../../content/balance';
import { PORTS, TRACKS, type Partner, type Port, type SeaZone } from '../../content/ids';
import { MOVE_NUMBERS as N } from '../../content/move-numbers';
import {
  changeFaitAccompli,
  changeGrayZone,
  changeInfluence,
  changeMargin,
  changePips,
  changeTrack,
  fire,
  special,
} from '../changes';
import { coercionModifier } from '../fronts';
import { d6 } from '../dice';
import { log } from '../log';
import { seaZonesIn } from '../geo';
import { deterrence, portController } from '../scoring';
import type { GameState } from '../state';
import { placeUnit } from './naval';
import { isUsed, noArgs, QUARANTINE_HELD, release, turnFlag, use, type MoveRule } from './rule';

export const GRAY_ZONES: readonly SeaZone[] = ['south-china-sea', 'taiwan-strait', 'east-china-sea'];
const WEDGE_PARTNERS: readonly Partner[] = ['japan', 'korea', 'australia-nz', 'india'];

/** The port a PLA group in NATO's backyard sails to guard (China's stakes in European terminals). */
export const BACKYARD_PORT: Partial<Record<SeaZone, Port>> = {
  'north-atlantic': 'north-sea-ports',
  'north-sea-baltic': 'north-sea-ports',
  mediterranean: 'mediterranean-ports',
};

/** A PLA group guards this port's Chinese stake: the West's screening cannot cut it back while it stays. */
export const portGuarded = (G: GameState, port: Port): boolean =>
  G.units.some((u) => u.kind === 'pla-navy' && BACKYARD_PORT[u.space as SeaZone] === port);

/** A coercion roll's modifiers: the bot level's bonus and a failing (or holding) Ukraine front. */
const coercionBonus = (r: import('../context').Resolution, seat: import('../../content/ids').Seat) =>
  r.G.handicap[seat].roll + coercionModifier(r.G);

export const chinaMoves = {
  investInPort: {
    options: (G) => PORTS.filter((p) => G.influence[p].china < 6).map((p) => [p]),
    play: (r, _seat, [port]) => {
      changeInfluence(r, port as Port, 'china', N.investInPort.influence);
    },
  },
  projectBackyardPresence: {
    options: (G) =>
      G.units.filter((u) => u.kind === 'pla-navy').length >= N.projectBackyardPresence.atMost ||
      isUsed(G, turnFlag('backyard'))
        ? []
        : seaZonesIn(['euro-atlantic']).map((z) => [z]),
    play: (r, _seat, [zone]) => {
      use(r.G, turnFlag('backyard'));
      const n = N.projectBackyardPresence;
      placeUnit(r, 'pla-navy', 'china', zone as SeaZone, n.presence, n.turns);
      // Double-edged, as in the article: it guards China's port stakes from screening and keeps NATO's fleet at
      // home (deployments east of Suez cost cohesion while it stays), but the alliance closes ranks and Asia takes note.
      const port = BACKYARD_PORT[zone as SeaZone];
      // It backs a bid for the port, not a stake China already controls: repeating it buys no more.
      if (port && portController(r.G, port) !== 'china') changeInfluence(r, port, 'china', n.influence);
      changeTrack(r, 'tension', n.tension);
      changeTrack(r, 'cohesion', n.cohesion);
      changeTrack(r, 'internationalization', n.internationalization);
    },
  },
  supportTacitly: {
    options: (G) => noArgs(!isUsed(G, turnFlag('tacit'))),
    play: (r) => {
      use(r.G, turnFlag('tacit'));
      r.G.tacitSupport += N.supportTacitly.attrition;
      r.notes.push(`Russia's attrition +${N.supportTacitly.attrition} next upkeep`);
    },
  },
  sendMaterialAid: {
    options: (G) => noArgs(G.aid.length < N.sendMaterialAid.atMost),
    play: (r) => {
      r.G.aid.push({ id: `a${r.G.nextId++}`, revealed: false });
      r.notes.push('a hidden Material-aid marker is placed');
      // The table sees only that China acted covertly; the details are logged for China and the White Cell.
      log(r.G, { seat: 'china', kind: 'move', text: 'China makes a covert move' });
    },
  },
  pressGrayZone: {
    options: (G) => GRAY_ZONES.filter((z) => (G.grayZone[z] ?? 0) < 6).map((z) => [z]),
    play: (r, _seat, [zone]) => {
      changeGrayZone(r, zone as SeaZone, 1);
    },
  },
  pressStrait: {
    options: (G) => noArgs(G.tracks.taiwanCrisis < TRACKS.taiwanCrisis[1]),
    play: (r, seat) => {
      const n = N.pressStrait;
      // Where the crisis at its peak is a declared quarantine (the scenario's special), only the quarantine takes it there.
      const top = BALANCE.quarantine.fromCrisis;
      const capped = r.G.tracks.taiwanCrisis + n.taiwanCrisis > top && special(r.G, 'quarantine-at-crisis-5');
      changeTrack(r, 'taiwanCrisis', capped ? Math.max(0, top - r.G.tracks.taiwanCrisis) : n.taiwanCrisis);
      changeTrack(r, 'tension', n.tension);
      if (r.G.result) return;
      const face = d6(r.dice);
      r.rolls.push(face);
      const total = face + coercionBonus(r, seat) + r.G.tracks.taiwanCrisis - deterrence(r.G, 'taiwan-ecs');
      r.notes.push(`strait roll ${face} → ${total}`);
      if (total >= BALANCE.straitTarget) changeMargin(r, 'china', n.margin);
      else changeTrack(r, 'internationalization', n.internationalization);
    },
  },
  quarantineTaiwan: {
    // The top rung of the ladder: pays most where Western deterrence around Taiwan is thin, risks most where it is not.
    options: (G) =>
      noArgs(G.tracks.taiwanCrisis >= BALANCE.quarantine.fromCrisis && !isUsed(G, turnFlag('quarantine'))),
    play: (r, seat) => {
      use(r.G, turnFlag('quarantine'));
      fire(r.G, 'quarantine');
      const n = N.quarantineTaiwan;
      changeTrack(r, 'taiwanCrisis', n.taiwanCrisis);
      changeTrack(r, 'tension', BALANCE.quarantine.tension);
      if (r.G.result) return;
      const face = d6(r.dice);
      r.rolls.push(face);
      const total = face + coercionBonus(r, seat) + r.G.tracks.taiwanCrisis - deterrence(r.G, 'taiwan-ecs');
      r.notes.push(`quarantine roll ${face} → ${total} vs ${BALANCE.quarantine.target}`);
      if (total >= BALANCE.quarantine.target) {
        fire(r.G, 'quarantine-holds');
        use(r.G, QUARANTINE_HELD);
        changeFaitAccompli(r, 'taiwan-strait', n.faitAccompli);
        changePips(r, 'japan', -n.japanPips);
        return;
      }
      // Defied, China climbs down: the ships turn back and Beijing loses face, short of war.
      r.notes.push('the quarantine is defied: China climbs down');
      release(r.G, QUARANTINE_HELD);
      changeTrack(r, 'taiwanCrisis', n.defied.taiwanCrisis);
      changeMargin(r, 'china', n.defied.margin);
      changeTrack(r, 'internationalization', n.defied.internationalization);
    },
  },
  driveWedge: {
    options: (G) => [
      ...WEDGE_PARTNERS.filter((p) => (G.partnership[p].level ?? 0) >= N.driveWedge.partnerFrom).map((p) => [p]),
      ...PORTS.filter((p) => G.influence[p].west >= 1).map((p) => [p]),
    ],
    play: (r, seat, [target]) => {
      // The Wedge works through influence and cyber operations: the CCDCOE shield stops it.
      if (r.G.cyberShield) {
        r.G.cyberShield = false;
        r.notes.push('the CCDCOE shield blocks the Wedge');
        return;
      }
      const face = d6(r.dice);
      r.rolls.push(face);
      const bonus = coercionBonus(r, seat);
      // A bot level's roll bonus shows in the log, so the total that decided is on the record.
      const roll = bonus ? `${face} → ${face + bonus}` : `${face}`;
      if ((PORTS as readonly unknown[]).includes(target)) {
        const port = target as Port;
        r.notes.push(`wedge roll ${roll}`);
        if (face + bonus >= N.driveWedge.target + r.G.influence[port].west)
          changeInfluence(r, port, 'west', -N.driveWedge.influence);
        return;
      }
      const p = target as Partner;
      const exposure = p === 'korea' ? r.G.tracks.exposure : 0;
      const need = N.driveWedge.target + (r.G.partnership[p].level ?? 0) - exposure;
      r.notes.push(`wedge roll ${roll} vs ${need}`);
      if (face + bonus >= need) changePips(r, p, -N.driveWedge.pips);
    },
  },
} satisfies Record<string, MoveRule>;
