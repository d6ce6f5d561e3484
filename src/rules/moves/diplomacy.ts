/** Diplomacy and cyber: partnership upgrades, Futures in the Indo-Pacific, FPDA, UN Command, nonproliferation, CCDCOE, intelligence. */
import { PARTNERS, type Partner, type Port } from '../../content/ids';
import { addDeterrence, changeInfluence, changeMargin, changePips, changeTrack, setLevel, special } from '../changes';
import { d6 } from '../dice';
import { hedgingModifier } from '../fronts';
import type { GameState } from '../state';
import { isUsed, noArgs, turnFlag, use, type MoveRule } from './rule';

/** India reveals its alignment on its first partnership roll: 1–2 → 0, 3–4 → 1, 5–6 → 2. */
const INDIA_REVEAL = [0, 0, 0, 1, 1, 2, 2];

/** Partnership roll modifier: Japan, NATO's oldest partner, +1; India, wedded to nonalignment, −1. */
export const PARTNER_MODIFIER: Record<Partner, number> = { japan: 1, korea: 0, 'australia-nz': 0, india: -1 };

const EUROPEAN_PORTS: readonly Port[] = ['north-sea-ports', 'mediterranean-ports'];

const unCommandMarkers = (G: GameState) => G.deterrence.filter((m) => m.source === 'un-command').length;

export const diplomacyMoves = {
  upgradePartnership: {
    options: (G, seat) =>
      PARTNERS.filter((p) => (G.partnership[p].level ?? 0) < 4 && !isUsed(G, turnFlag(`upgrade:${seat}:${p}`))).map(
        (p) => [p],
      ),
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
      const need = 3 + track.level;
      r.notes.push(`partnership roll ${face} → ${total} vs ${need}`);
      if (total < need) return;
      setLevel(r, p, track.level + 1);
      return [{ op: 'partnership', partner: p, pips: -1 }];
    },
    freeLambaste: (_G, [partner]) => partner === 'india',
  },
  consultFutures: {
    options: (G) => noArgs(!isUsed(G, turnFlag('futures')) && G.deck.length > 1),
    play: (r) => {
      use(r.G, turnFlag('futures'));
      r.G.pending = { kind: 'futures', seat: 'nato', cards: r.G.deck.slice(0, 3) };
      r.notes.push('NATO looks at the next injects');
    },
  },
  consultFpda: {
    options: (G) => noArgs(!isUsed(G, turnFlag('fpda'))),
    play: (r) => {
      use(r.G, turnFlag('fpda'));
      changeInfluence(r, 'malaysia-singapore', 'west', 1);
    },
  },
  screenInvestment: {
    // Europe's answer to Chinese port stakes: scrutiny of who owns the terminals.
    options: (G) =>
      isUsed(G, turnFlag('screening')) ? [] : EUROPEAN_PORTS.filter((p) => G.influence[p].west < 6).map((p) => [p]),
    play: (r, _seat, [port]) => {
      use(r.G, turnFlag('screening'));
      changeInfluence(r, port as Port, 'west', 1);
    },
  },
  reinforceUnCommand: {
    options: (G) => noArgs(unCommandMarkers(G) < 3),
    play: (r) => {
      addDeterrence(r, 'korea', 1, 'un-command', 'summit');
      return [{ op: 'deterrence', theater: 'korea', delta: -1, until: 'summit' }];
    },
  },
  holdNonproliferationConference: {
    options: (G) => noArgs(!isUsed(G, turnFlag('nonproliferation')) && G.tracks.dprkThreat >= 1),
    play: (r) => {
      use(r.G, turnFlag('nonproliferation'));
      changeTrack(r, 'dprkThreat', special(r.G, 'nonproliferation-counts-double') ? -2 : -1);
    },
  },
  joinCcdcoe: {
    options: (G) => (G.cyberShield ? [] : (['japan', 'korea'] as const).map((p) => [p])),
    play: (r, _seat, [partner]) => {
      r.G.cyberShield = true;
      r.notes.push('a cyber shield goes up');
      changePips(r, partner as Partner, 1);
      return [{ op: 'partnership', partner: partner as Partner, pips: -1 }];
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
      if (face + r.G.handicap[seat].roll < 5 || !hidden) {
        r.notes.push(`intelligence roll ${face}: nothing found`);
        return;
      }
      revealAid(r, hidden.id);
    },
  },
} satisfies Record<string, MoveRule>;

/** A revealed Material-aid marker: the world reacts. */
export function revealAid(r: import('../context').Resolution, id: string): void {
  const marker = r.G.aid.find((a) => a.id === id);
  if (!marker || marker.revealed) return;
  marker.revealed = true;
  r.notes.push('Chinese material aid to Russia exposed');
  changeTrack(r, 'tension', 2);
  changeTrack(r, 'internationalization', 2);
  changeTrack(r, 'cohesion', 1);
  changeMargin(r, 'china', -2);
}
