/**
 * Effect preview: the chosen action applied to copies of the state with a high and a low die, so the
 * player sees what changes for certain and what depends on the roll — before confirming.
 */
import { PARTNERS, THEATERS, TRACKS, type Port, type Seat, type Track } from '../content/ids';
import {
  applyAction,
  PARTNER_NAMES,
  PORT_NAMES,
  THEATER_NAMES,
  deterrence,
  pressure,
  trackTitle,
  type Action,
  type GameState,
} from '../rules';

type Snapshot = Map<string, number>;

function snapshot(G: GameState): Snapshot {
  const m: Snapshot = new Map();
  for (const t of Object.keys(TRACKS) as Track[]) if (t !== 'vp' || G.variant === 2) m.set(trackTitle(t), G.tracks[t]);
  for (const p of PARTNERS)
    m.set(`${PARTNER_NAMES[p]} partnership pips`, (G.partnership[p].level ?? 0) * 2 + G.partnership[p].pips);
  for (const th of THEATERS) {
    m.set(`Deterrence (${THEATER_NAMES[th]})`, deterrence(G, th));
    m.set(`Pressure (${THEATER_NAMES[th]})`, pressure(G, th));
  }
  for (const [port, inf] of Object.entries(G.influence)) {
    m.set(`Chinese influence (${PORT_NAMES[port as Port]})`, inf.china);
    m.set(`Western influence (${PORT_NAMES[port as Port]})`, inf.west);
  }
  m.set('Units on the map', G.units.length);
  return m;
}

/** Lines such as "Tension 4 → 5" or "Ukraine front 5 → 7 on a high roll, 5 on a low roll". */
export function previewAction(G: GameState, seat: Seat, action: Action): string[] {
  const before = snapshot(G);
  const run = (r: number): Snapshot | null => {
    try {
      const copy = structuredClone(G);
      return applyAction(copy, seat, action, { number: () => r }) ? snapshot(copy) : null;
    } catch {
      return null;
    }
  };
  const high = run(0.999);
  const low = run(0);
  if (!high || !low) return [];
  const lines: string[] = [];
  for (const [k, b] of before) {
    const h = high.get(k)!;
    const l = low.get(k)!;
    if (h === b && l === b) continue;
    lines.push(h === l ? `${k} ${b} → ${h}` : `${k} ${b} → ${h} on a high roll, ${l} on a low roll`);
  }
  return lines;
}
