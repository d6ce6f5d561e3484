/** How a game ended, in words: one phrase per ending for every report, the sweep summaries and the client. */
import { TRACKS } from '../../content/ids';
import type { Ending } from '../../rules';

/** The tension at which the game ends in war: the top of the track, never retyped in a sentence. */
export const WAR_AT = TRACKS.tension[1];

/** The ending as the object of "by …": "the winner wins by the final summit". */
export const ENDING_PHRASE: Record<Ending, string> = {
  war: 'war',
  'sudden-death': 'sudden death at a summit',
  'final-summit': 'the final summit',
};

/** The ending as a short label, for counts ("sudden death 12"). */
export const ENDING_LABEL: Record<Ending, string> = {
  war: 'war',
  'sudden-death': 'sudden death',
  'final-summit': 'final summit',
};

/** How many games ended each peaceful way: "sudden death 12 · final summit 88" (war is reported with its interval). */
export function peacefulEndings(endings: Record<Ending, number>): string {
  return (['sudden-death', 'final-summit'] as const).map((e) => `${ENDING_LABEL[e]} ${endings[e]}`).join(' · ');
}
