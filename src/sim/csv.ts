/** games.csv: one row per game, in seed order. */
import { SEATS } from '../content/ids';
import type { GameRecord } from './record';

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

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function gamesCsv(records: readonly GameRecord[]): string {
  const rows = records.map((r) =>
    [
      r.seed,
      r.winner ?? '',
      ...SEATS.map((s) => r.margins[s]),
      r.turns,
      r.ending,
      r.culprit ?? '',
      r.actions,
      r.finalHash,
    ]
      .map(csvField)
      .join(','),
  );
  return `${[GAMES_CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}
