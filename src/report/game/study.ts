/**
 * The study question answered from evidence: what this game shows (its outcome, the actions whose
 * move or track the question names, with what they did to the margins) and, when an assumption sweep
 * is attached, which assumption moved each seat's win rate most over thousands of games.
 */
import { z } from 'zod';
import { MOVE_CATALOGUE } from '../../content/moves';
import { TRACK_IDS, type MoveName, type Track } from '../../content/ids';
import { TRACK_NAMES } from '../../rules';
import type { Report, ReportAction, StudyAnswer } from './report';
import { roleName } from './roles';
import { resultText, signed } from './words';

/** What the report needs of an assumption sweep's sensitivity.json (`npm run sim -- --vary … --out DIR`). */
export const sweepEvidenceSchema = z.object({
  scenario: z.string(),
  games: z.number().int().positive(),
  seed: z.string(),
  params: z.array(z.object({ name: z.string(), values: z.array(z.string()) })).min(1),
  tornado: z.record(
    z.string(),
    z.array(
      z.object({
        param: z.string(),
        low: z.object({ value: z.string(), winRate: z.number() }),
        high: z.object({ value: z.string(), winRate: z.number() }),
        swing: z.number(),
      }),
    ),
  ),
});
export type SweepEvidence = z.infer<typeof sweepEvidenceSchema>;

/** Moves that only answer or end a turn: never the subject of a question. */
const FLOW: ReadonlySet<MoveName> = new Set(['pass', 'chooseOption', 'declineLambaste']);

/** Words of four letters or more, for matching a question to move and track names. */
const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
const shares = (question: Set<string>, name: string) => [...words(name)].some((w) => question.has(w));

/** The moves and tracks the question names (a move by its catalogue name, a track by its own). */
function subjects(question: string): { moves: Set<string>; tracks: Track[] } {
  const q = words(question);
  const moves = new Set(
    (Object.keys(MOVE_CATALOGUE) as MoveName[]).filter((m) => !FLOW.has(m) && shares(q, MOVE_CATALOGUE[m].name)),
  );
  return { moves, tracks: TRACK_IDS.filter((t) => shares(q, TRACK_NAMES[t])) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function actionLine(report: Report, a: ReportAction): string {
  const name = MOVE_CATALOGUE[a.move as MoveName]?.name ?? a.move;
  const margins = report.seats
    .map((s) => ({ s, d: a.marginsAfter[s] - a.marginsBefore[s] }))
    .filter((x) => x.d !== 0)
    .map((x) => `${roleName(x.s)} ${signed(x.d)}`);
  return `Turn ${a.turn}, action #${a.index}: ${roleName(a.seat)} — ${name}${a.events[0] ? ` (${a.events[0].text})` : ''}; margins ${margins.length ? margins.join(', ') : 'unchanged'}.`;
}

export function answerStudy(report: Report, question: string, sweep?: SweepEvidence): StudyAnswer {
  const { moves, tracks } = subjects(question);
  const named = report.actions.filter((a) => moves.has(a.move));
  const game = [resultText(report)];
  if (named.length)
    game.push(
      `${named.length} action${named.length > 1 ? 's' : ''} of this game ${named.length > 1 ? 'are' : 'is'} what the question names:`,
      ...named.slice(0, 8).map((a) => actionLine(report, a)),
    );
  else game.push('No move of this game is the one the question names: the turning points below are the evidence.');
  for (const t of tracks)
    game.push(
      `${TRACK_NAMES[t]}: ${report.initial.tracks[t]} at the start, ${report.final.tracks[t]} at the end (turn ${report.final.turn}).`,
    );
  const out: string[] = [];
  if (sweep) {
    out.push(
      `Assumption sweep of ${sweep.scenario}, ${sweep.games} games per cell on the same seeds (seed ${sweep.seed}), varying ${sweep.params.map((p) => `${p.name} = ${p.values.join(', ')}`).join('; ')}:`,
    );
    for (const [seat, rows] of Object.entries(sweep.tornado)) {
      const top = rows[0];
      if (!top) continue;
      out.push(
        top.swing === 0
          ? `${seat}: no assumption changed its win rate (${pct(top.low.winRate)}).`
          : `${seat}: ${top.param} moves its win rate most, ${pct(top.low.winRate)} at ${top.low.value} to ${pct(top.high.winRate)} at ${top.high.value}.`,
      );
    }
  }
  return { question, game, sweep: out };
}
