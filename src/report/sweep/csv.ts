/** games.csv: one row per game of a sweep, in seed order. */
import { SEATS } from '../../content/ids';
import type { GameRecord } from '../../sim/record';
import { csvText } from '../format/csv';

export const GAMES_CSV_HEADER = [
  'seed',
  'winner',
  ...SEATS.map((s) => `margin_${s}`),
  'turns',
  'ending',
  'culprit',
  'actions',
  'final_hash',
];

export function gamesCsv(records: readonly GameRecord[]): string {
  return csvText(
    GAMES_CSV_HEADER,
    records.map((r) => [
      r.seed,
      r.winner,
      ...SEATS.map((s) => r.margins[s]),
      r.turns,
      r.ending,
      r.culprit,
      r.actions,
      r.finalHash,
    ]),
  );
}
