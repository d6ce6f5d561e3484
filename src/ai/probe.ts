/**
 * Policy probes: one-track "extreme" bots that test whether a seat's balanced play is worth more than
 * pouring everything into one line (docs/BALANCE.md, "how to measure"). A probe answers what is pending
 * as the scripted bot does, then makes a legal, war-safe move of its track whenever there is one, and
 * only when the track has nothing left does it fall back to the balanced flowchart — so it spends every
 * action point the track can absorb, and never loses by standing still or by starting a war. The
 * policies themselves are data (src/content/probes.ts).
 */
import type { Seat } from '../content/ids';
import { onTrack, probeFor } from '../content/probes';
import { SEAT_NAMES } from '../content/seats';
import { named, type Action, type GameState } from '../rules';
import { isWarSafe, pickOne, type Decision } from './flowchart';
import { decidePending } from './reactions';
import { botContext, scriptedDecision } from './scripted';
import { MOVE_CATALOGUE } from '../content/moves';

/** What the action does, in the map's words (`Carrier strike group to the South China Sea`). */
const describe = (a: Action): string =>
  `${MOVE_CATALOGUE[a.move]?.name ?? a.move}${a.args.length ? ` (${a.args.map(named).join(', ')})` : ''}`;

/** The probe's decision: pending first, then its track, then the balanced flowchart. */
export function probeDecision(view: GameState, seat: Seat, name: string, rng: () => number): Decision {
  const probe = probeFor(seat, name);
  if (!probe) throw new Error(`probe: ${SEAT_NAMES[seat]} has no policy "${name}"`);
  const c = botContext(view, seat, rng);
  const pending = decidePending(view, seat, c.legal, rng);
  if (pending) return pending;
  const track = c.legal.filter((a) => onTrack(probe, a.move, a.args) && isWarSafe(c, a));
  if (track.length > 0) {
    const action = pickOne(track, rng);
    return { action, why: `Probe (${probe.label}): ${describe(action)}` };
  }
  const fallback = scriptedDecision(view, seat, rng);
  return { action: fallback.action, why: `Probe (${probe.label}), nothing on its track: ${fallback.why}` };
}
