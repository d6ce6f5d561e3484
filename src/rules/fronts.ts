/**
 * The two fronts bind (v2): Ukraine's front is a credibility signal read in Asia, NATO overreaches when it
 * sails east of Suez while its own backyard burns, and a failing front pays the Russia–China axis.
 */
import { BALANCE } from '../content/balance';
import type { Seat } from '../content/ids';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { RULE_NUMBERS } from '../content/rule-numbers';
import { changeMargin, changeTrack, fire } from './changes';
import type { Resolution } from './context';
import { theaterOfSpace } from './geo';
import type { GameState } from './state';

/** "Ukraine today may be East Asia tomorrow": +modifier while the front holds (≥ holdingAt), −modifier while it fails. */
export function credibility(G: GameState): number {
  const { failingAt, holdingAt, modifier } = BALANCE.credibility;
  return G.tracks.ukraine >= holdingAt ? modifier : G.tracks.ukraine <= failingAt ? -modifier : 0;
}

/** China's coercion rolls (Strait pressure, quarantine, Wedge) are emboldened by a failing front. */
export const coercionModifier = (G: GameState): number => -credibility(G);

/** Partners hedge while the front fails and lean in while it holds (partnership upgrade rolls). */
export const hedgingModifier = (G: GameState): number => credibility(G);

/** A PLA Navy group is in NATO's backyard (the Euro-Atlantic). */
export const plaInBackyard = (G: GameState): boolean =>
  G.units.some((u) => u.owner === 'china' && theaterOfSpace(u.space) === 'euro-atlantic');

/**
 * "Little appetite to expand": a NATO deployment east of Suez costs cohesion while Ukraine's front fails
 * or a PLA group sails in NATO's backyard.
 */
export function eastOfSuez(r: Resolution, seat: Seat): void {
  if (seat !== 'nato') return;
  const failing = credibility(r.G) < 0;
  if (!failing && !plaInBackyard(r.G)) return;
  fire(r.G, 'overreach');
  r.notes.push(
    failing ? 'allies balk while Ukraine fails' : 'allies want the fleet home while the PLA is in the backyard',
  );
  changeTrack(r, 'cohesion', -BALANCE.overreachCohesion);
}

/** The axis pays China: margin points for a failing Ukraine front (the West is distracted), capped so Russia's war is never China's whole game. */
export const axisGain = (G: GameState): number =>
  Math.min(BALANCE.axisCap, Math.max(0, BALANCE.axisFrom - G.tracks.ukraine));

/**
 * NATO's margin reads the front up to where it holds: the alliance needs a front that holds, and shells
 * beyond it win Ukraine ground, not NATO standing in Asia (docs/BALANCE.md §10, the all-Ukraine probe).
 */
export const ukraineForNato = (G: GameState): number => Math.min(G.tracks.ukraine, BALANCE.credibility.holdingAt);

/** Japan reads Ukraine's front as its own future: ⌊(Ukraine − ukraineSignalFrom) / japanSignal⌋ in its margin. */
export const ukraineSignal = (G: GameState): number =>
  Math.floor((G.tracks.ukraine - BALANCE.ukraineSignalFrom) / RULE_NUMBERS.margin.japanSignal);

/** "Ukraine today may be East Asia tomorrow": each upkeep the front fails, Europe and Asia draw together. */
export function alarmAtFailingFront(r: Resolution): void {
  if (credibility(r.G) >= 0) return;
  fire(r.G, 'failing-front-alarm');
  r.notes.push('the front fails: Europe and Asia draw together');
  changeTrack(r, 'internationalization', BALANCE.failingFrontInternationalization);
  // A failing front draws the world's eyes to who feeds Russia: one shipment hides, a pipeline is found out.
  const hidden = r.G.aid.filter((a) => !a.revealed).slice(MOVE_NUMBERS.sendMaterialAid.hiddenWhileFailing);
  for (const marker of hidden) {
    fire(r.G, 'aid-found-out');
    revealAid(r, marker.id, false);
  }
}

/** A revealed Material-aid marker: the world reacts; `alarm` false when found at upkeep, not by a Western move (no tension). */
export function revealAid(r: Resolution, id: string, alarm = true): void {
  const marker = r.G.aid.find((a) => a.id === id);
  if (!marker || marker.revealed) return;
  marker.revealed = true;
  r.notes.push('Chinese material aid to Russia exposed');
  const world = MOVE_NUMBERS.sendMaterialAid.revealed;
  if (alarm) changeTrack(r, 'tension', world.tension);
  changeTrack(r, 'internationalization', world.internationalization);
  changeTrack(r, 'cohesion', world.cohesion);
  changeMargin(r, 'china', -world.chinaMargin);
}
