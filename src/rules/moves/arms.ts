/** Arms supply: shells to Ukraine, South Korea's transfers and exports, arms to a partner or Taiwan. */
import type { Partner, Theater } from '../../content/ids';
import { addDeterrence, changePips, changeTrack, special } from '../changes';
import { BALANCE } from '../../content/balance';
import { d6 } from '../dice';
import { eastOfSuez } from '../fronts';
import { isUsed, noArgs, turnFlag, use, type MoveRule } from './rule';

/** Where arms to a recipient add deterrence. */
export const RECIPIENT_THEATER: Record<Partner | 'taiwan', Theater> = {
  japan: 'taiwan-ecs',
  korea: 'korea',
  'australia-nz': 'south-china-sea',
  india: 'indian-ocean',
  taiwan: 'taiwan-ecs',
};

export const armsMoves = {
  shipShells: {
    options: (G) => noArgs(G.tracks.stockpile >= 1 && G.tracks.ukraine < 10),
    play: (r) => {
      changeTrack(r, 'stockpile', -1);
      changeTrack(r, 'ukraine', 1);
    },
  },
  transferDirect: {
    options: (G) => noArgs((G.partnership.korea.level ?? 0) >= 2 && !isUsed(G, turnFlag('transfer-direct'))),
    play: (r, seat) => {
      use(r.G, turnFlag('transfer-direct'));
      const face = d6(r.dice);
      r.rolls.push(face);
      r.notes.push(`transfer roll ${face}`);
      if (face + r.G.handicap[seat].roll >= 4) changeTrack(r, 'ukraine', 2);
      else changeTrack(r, 'stockpile', 1);
      // NATO asked for it in public: Seoul's standing with the alliance grows, and so does Beijing's anger.
      changePips(r, 'korea', 1);
      changeTrack(r, 'tension', 1);
      changeTrack(r, 'exposure', 1);
      if (special(r.G, 'direct-transfer-costs-korea-deterrence'))
        addDeterrence(r, 'korea', -1, 'Pyongyang reacts', 'permanent');
    },
  },
  transferIndirect: {
    options: (G) => noArgs(!isUsed(G, turnFlag('transfer-indirect'))),
    play: (r) => {
      use(r.G, turnFlag('transfer-indirect'));
      changeTrack(r, 'stockpile', BALANCE.indirectTransferStockpile);
    },
  },
  exportDefence: {
    options: (G) => noArgs(!isUsed(G, turnFlag('export'))),
    play: (r) => {
      use(r.G, turnFlag('export'));
      changeTrack(r, 'stockpile', 1);
      changePips(r, 'korea', 1);
      changeTrack(r, 'exports', 1);
    },
  },
  armPartner: {
    options: (G) => {
      // One arsenal for both fronts: arms to Asia come out of the stockpile that feeds Ukraine.
      if (G.tracks.stockpile < BALANCE.armsStockpile) return [];
      const out: unknown[][] = (['japan', 'korea', 'australia-nz', 'india'] as const)
        .filter((p) => (G.partnership[p].level ?? 0) >= 1)
        .map((p) => [p]);
      if (G.tracks.taiwanCrisis < 5) out.push(['taiwan']);
      return out.filter(([p]) => !isUsed(G, turnFlag(`arms:${p as string}`)));
    },
    play: (r, seat, [recipient]) => {
      const to = recipient as Partner | 'taiwan';
      use(r.G, turnFlag(`arms:${to}`));
      changeTrack(r, 'stockpile', -BALANCE.armsStockpile);
      eastOfSuez(r, seat);
      addDeterrence(r, RECIPIENT_THEATER[to], 1, `arms to ${to}`, 'permanent');
      changeTrack(r, 'tension', to === 'taiwan' ? 2 : 1);
      return [{ op: 'deterrence', theater: RECIPIENT_THEATER[to], delta: -1, until: 'permanent' }];
    },
  },
} satisfies Record<string, MoveRule>;
