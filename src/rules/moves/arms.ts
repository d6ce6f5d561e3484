/** Arms supply: shells to Ukraine, South Korea's shells (by either route) and exports, arms to a partner or Taiwan. */
import { SHELL_ROUTES, TRACKS, type Partner, type ShellRoute, type Theater } from '../../content/ids';
import { addDeterrence, changePips, changeTrack, special } from '../changes';
import { BALANCE } from '../../content/balance';
import { MOVE_NUMBERS as N } from '../../content/move-numbers';
import { RULE_NUMBERS } from '../../content/rule-numbers';
import { d6 } from '../dice';
import { eastOfSuez } from '../fronts';
import { diplomacyMoves } from './diplomacy';
import { isUsed, noArgs, turnFlag, use, type MoveRule } from './rule';
import { named } from '../labels';
import type { GameState } from '../state';

const SH = N.shellsForUkraine;

/** Where arms to a recipient add deterrence. */
export const RECIPIENT_THEATER: Record<Partner | 'taiwan', Theater> = {
  japan: 'taiwan-ecs',
  korea: 'korea',
  'australia-nz': 'south-china-sea',
  india: 'indian-ocean',
  taiwan: 'taiwan-ecs',
};

/**
 * Does an export now take the army's own guns? At DPRK Threat `homeFrom`+, or while this turn's nonproliferation
 * conference is still due — legal: the North threatens and it has not met (Seoul answers the North before it sells abroad).
 */
export function exportCostsHome(G: GameState): boolean {
  return (
    G.tracks.dprkThreat >= N.exportDefence.homeFrom ||
    diplomacyMoves.holdNonproliferationConference.options(G).length > 0
  );
}

export const armsMoves = {
  shipShells: {
    options: (G) => noArgs(G.tracks.stockpile >= N.shipShells.stockpile && G.tracks.ukraine < TRACKS.ukraine[1]),
    play: (r) => {
      changeTrack(r, 'stockpile', -N.shipShells.stockpile);
      changeTrack(r, 'ukraine', N.shipShells.ukraine);
    },
  },
  shellsForUkraine: {
    // The route is the choice, each once a turn as v3's two transfers were; Kyiv's needs a partnership NATO leans on.
    // Kyiv first: the legal list keeps v3's order (direct, then indirect), so random and level-1–2 picks replay v3's.
    options: (G) =>
      SHELL_ROUTES.filter((route) => !isUsed(G, turnFlag(`shells:${route}`)))
        .filter((route) => route === 'via-europe' || (G.partnership.korea.level ?? 0) >= SH.toKyiv.partnerFrom)
        .map((route) => [route]),
    play: (r, seat, [route]) => {
      use(r.G, turnFlag(`shells:${route as ShellRoute}`));
      if (route === 'via-europe') {
        changeTrack(r, 'stockpile', SH.viaEurope.stockpile);
        return;
      }
      const face = d6(r.dice);
      r.rolls.push(face);
      r.notes.push(`transfer roll ${face}`);
      const n = SH.toKyiv;
      if (face + r.G.handicap[seat].roll >= n.target) changeTrack(r, 'ukraine', n.ukraine);
      else changeTrack(r, 'stockpile', n.stockpile);
      // NATO asked for it in public: Seoul's standing with the alliance grows, and so does Beijing's anger.
      changePips(r, 'korea', n.pips);
      changeTrack(r, 'tension', n.tension);
      changeTrack(r, 'exposure', n.exposure);
      if (special(r.G, 'direct-transfer-costs-korea-deterrence'))
        addDeterrence(r, 'korea', -RULE_NUMBERS.directTransferKoreaDeterrence, 'Pyongyang reacts', 'permanent');
    },
  },
  exportDefence: {
    options: (G) => noArgs(!isUsed(G, turnFlag('export'))),
    play: (r) => {
      use(r.G, turnFlag('export'));
      changeTrack(r, 'stockpile', N.exportDefence.stockpile);
      changePips(r, 'korea', N.exportDefence.pips);
      changeTrack(r, 'exports', N.exportDefence.exports);
      // Seoul's generals want them kept at home while the North threatens: the army's own guns go abroad.
      if (exportCostsHome(r.G))
        addDeterrence(r, 'korea', -N.exportDefence.homeDeterrence, 'guns sold abroad', 'permanent');
    },
  },
  armPartner: {
    options: (G) => {
      // One arsenal for both fronts: arms to Asia come out of the stockpile that feeds Ukraine.
      if (G.tracks.stockpile < BALANCE.armsStockpile) return [];
      const out: unknown[][] = (['japan', 'korea', 'australia-nz', 'india'] as const)
        .filter((p) => (G.partnership[p].level ?? 0) >= N.armPartner.partnerFrom)
        .map((p) => [p]);
      if (G.tracks.taiwanCrisis < N.armPartner.taiwanBlockedAt) out.push(['taiwan']);
      return out.filter(([p]) => !isUsed(G, turnFlag(`arms:${p as string}`)));
    },
    play: (r, seat, [recipient]) => {
      const to = recipient as Partner | 'taiwan';
      use(r.G, turnFlag(`arms:${to}`));
      changeTrack(r, 'stockpile', -BALANCE.armsStockpile);
      eastOfSuez(r, seat);
      addDeterrence(r, RECIPIENT_THEATER[to], N.armPartner.deterrence, `arms to ${named(to)}`, 'permanent');
      changeTrack(r, 'tension', to === 'taiwan' ? N.armPartner.taiwanTension : N.armPartner.tension);
      return [{ op: 'deterrence', theater: RECIPIENT_THEATER[to], delta: -N.lambaste.cancel, until: 'permanent' }];
    },
  },
} satisfies Record<string, MoveRule>;
