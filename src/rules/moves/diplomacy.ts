/** Diplomacy and cyber: partnership upgrades, Futures in the Indo-Pacific, FPDA, UN Command, nonproliferation, CCDCOE, intelligence. */
import { PARTNERS, type Partner, type Port } from '../../content/ids';
import { MOVE_NUMBERS as N } from '../../content/move-numbers';
import { addDeterrence, changeInfluence, changePips, changeTrack, setLevel, special } from '../changes';
import { d6 } from '../dice';
import { hedgingModifier, revealAid } from '../fronts';
import type { Resolution } from '../context';
import { PORT_NAMES } from '../labels';
import { portGuarded } from './china';
import type { GameState } from '../state';
import { CONFERENCE_MET, isUsed, noArgs, turnFlag, use, type MoveRule } from './rule';

/** India reveals its alignment on its first partnership roll: 1–2 → 0, 3–4 → 1, 5–6 → 2. */
const INDIA_REVEAL = [0, 0, 0, 1, 1, 2, 2];

/** Partnership roll modifier: Japan, NATO's oldest partner, rolls up; India, wedded to nonalignment, down. */
export const PARTNER_MODIFIER: Record<Partner, number> = {
  japan: N.upgradePartnership.japan,
  korea: 0,
  'australia-nz': 0,
  india: N.upgradePartnership.india,
};

const EUROPEAN_PORTS: readonly Port[] = ['north-sea-ports', 'mediterranean-ports'];

/** The West's answer in the port race cuts a controlling Chinese stake back, unless a PLA group guards the port. */
function cutChineseStake(r: Resolution, port: Port, n: { chinaInfluence: number; cutFrom: number }): void {
  if (r.G.influence[port].china < n.cutFrom) return;
  if (portGuarded(r.G, port)) r.notes.push(`a PLA group guards China's stake in the ${PORT_NAMES[port]}`);
  else changeInfluence(r, port, 'china', -n.chinaInfluence);
}

const unCommandMarkers = (G: GameState) => G.deterrence.filter((m) => m.source === 'un-command').length;

export const diplomacyMoves = {
  upgradePartnership: {
    options: (G, seat) =>
      PARTNERS.filter(
        (p) =>
          (G.partnership[p].level ?? 0) < N.upgradePartnership.maxLevel && !isUsed(G, turnFlag(`upgrade:${seat}:${p}`)),
      ).map((p) => [p]),
    play: (r, seat, [partner]) => {
      const p = partner as Partner;
      use(r.G, turnFlag(`upgrade:${seat}:${p}`));
      const face = d6(r.dice);
      r.rolls.push(face);
      const track = r.G.partnership[p];
      if (track.level === null) {
        r.notes.push(`India's alignment tested: roll ${face}`);
        setLevel(r, p, INDIA_REVEAL[face] ?? 0);
        return;
      }
      const total = face + PARTNER_MODIFIER[p] + r.G.handicap[seat].roll + hedgingModifier(r.G);
      const need = N.upgradePartnership.target + track.level;
      r.notes.push(`partnership roll ${face} → ${total} vs ${need}`);
      if (total < need) return;
      setLevel(r, p, track.level + N.upgradePartnership.levels);
      return [{ op: 'partnership', partner: p, pips: -N.lambaste.cancel }];
    },
    freeLambaste: (_G, [partner]) => partner === 'india',
  },
  consultFutures: {
    options: (G) => noArgs(!isUsed(G, turnFlag('futures')) && G.deck.length > 1),
    play: (r) => {
      use(r.G, turnFlag('futures'));
      r.G.pending = { kind: 'futures', seat: 'nato', cards: r.G.deck.slice(0, N.consultFutures.peek) };
      r.notes.push('NATO looks at the next injects');
    },
  },
  consultFpda: {
    options: (G) => noArgs(!isUsed(G, turnFlag('fpda'))),
    play: (r) => {
      use(r.G, turnFlag('fpda'));
      changeInfluence(r, 'malaysia-singapore', 'west', N.consultFpda.influence);
      cutChineseStake(r, 'malaysia-singapore', N.consultFpda);
    },
  },
  screenInvestment: {
    // Europe's answer to Chinese port stakes: scrutiny of who owns the terminals cuts a controlling stake back.
    options: (G) =>
      isUsed(G, turnFlag('screening'))
        ? []
        : EUROPEAN_PORTS.filter(
            (p) => G.influence[p].west < 6 || G.influence[p].china >= N.screenInvestment.cutFrom,
          ).map((p) => [p]),
    play: (r, _seat, [port]) => {
      use(r.G, turnFlag('screening'));
      changeInfluence(r, port as Port, 'west', N.screenInvestment.influence);
      cutChineseStake(r, port as Port, N.screenInvestment);
    },
  },
  // The sending states come back when the North threatens, not to be banked before a quiet summit.
  reinforceUnCommand: {
    options: (G) =>
      noArgs(
        G.tracks.dprkThreat >= N.reinforceUnCommand.threatFrom && unCommandMarkers(G) < N.reinforceUnCommand.atMost,
      ),
    play: (r) => {
      addDeterrence(r, 'korea', N.reinforceUnCommand.deterrence, 'un-command', 'summit');
      return [{ op: 'deterrence', theater: 'korea', delta: -N.lambaste.cancel, until: 'summit' }];
    },
  },
  holdNonproliferationConference: {
    options: (G) =>
      noArgs(!isUsed(G, CONFERENCE_MET) && G.tracks.dprkThreat >= N.holdNonproliferationConference.threatFrom),
    play: (r) => {
      use(r.G, CONFERENCE_MET);
      const cut = N.holdNonproliferationConference.dprkThreat;
      changeTrack(r, 'dprkThreat', special(r.G, 'nonproliferation-counts-double') ? -2 * cut : -cut);
    },
  },
  joinCcdcoe: {
    options: (G) => (G.cyberShield ? [] : (['japan', 'korea'] as const).map((p) => [p])),
    play: (r, _seat, [partner]) => {
      r.G.cyberShield = true;
      r.notes.push('a cyber shield goes up');
      changePips(r, partner as Partner, N.joinCcdcoe.pips);
      return [{ op: 'partnership', partner: partner as Partner, pips: -N.lambaste.cancel }];
    },
  },
  gatherIntelligence: {
    // Always legal for the West: legality must not betray whether a hidden marker exists.
    options: (G) => noArgs(!isUsed(G, turnFlag('intelligence'))),
    play: (r, seat) => {
      use(r.G, turnFlag('intelligence'));
      const face = d6(r.dice);
      r.rolls.push(face);
      const hidden = r.G.aid.find((a) => !a.revealed);
      if (face + r.G.handicap[seat].roll < N.gatherIntelligence.target || !hidden) {
        r.notes.push(`intelligence roll ${face}: nothing found`);
        return;
      }
      revealAid(r, hidden.id);
    },
  },
} satisfies Record<string, MoveRule>;
