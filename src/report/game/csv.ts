/** actions.csv for analysts: one row per action with turn, seat, move, arguments, rolls, every track before and after, and the margins after. */
import { SEATS, TRACK_IDS } from '../../content/ids';
import { csvText } from '../format/csv';
import type { Report } from './report';

export const ACTIONS_CSV_HEADER = [
  'index',
  'turn',
  'round',
  'seat',
  'player',
  'move',
  'args',
  'why',
  'human',
  'hidden',
  'rolls',
  ...TRACK_IDS.flatMap((t) => [`${t}_before`, `${t}_after`]),
  ...SEATS.map((s) => `margin_${s}_after`),
  'bot_move',
  'bot_args',
  'bot_same',
];

export function actionsCsv(report: Report): string {
  return csvText(
    ACTIONS_CSV_HEADER,
    report.actions.map((a) => [
      a.index,
      a.turn,
      a.round,
      a.seat,
      a.player,
      a.move,
      JSON.stringify(a.args),
      a.why,
      a.human,
      a.hidden,
      a.rolls.join(' '),
      ...TRACK_IDS.flatMap((t) => [a.tracksBefore[t], a.tracksAfter[t]]),
      ...SEATS.map((s) => a.marginsAfter[s]),
      a.bot?.move ?? null,
      a.bot ? JSON.stringify(a.bot.args) : null,
      a.bot ? a.bot.same : null,
    ]),
  );
}
