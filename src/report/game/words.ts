/** Small formatting helpers shared by the HTML and Markdown exports. */
import { TRACKS, type Track } from '../../content/ids';
import { named, TRACK_NAMES } from '../../rules';
import { ENDING_PHRASE, WAR_AT } from '../format/ending';
import type { Report, ReportTurn, Swing } from './report';
import { roleName } from './roles';

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** A move's arguments in words: `east-china-sea`, `{…argument…}` shortened. */
export function argsText(args: readonly unknown[]): string {
  return args.map(argText).join(', ');
}

/** An id by its name (a space, theatre, port, partner, unit or track), a written inject or a matrix argument by its title or action; other objects as JSON. */
function argText(a: unknown): string {
  if (typeof a === 'string' && Object.hasOwn(TRACK_NAMES, a)) return TRACK_NAMES[a as Track];
  if (typeof a !== 'object' || a === null) return named(a);
  const o = a as { title?: unknown; action?: unknown };
  if (typeof o.title === 'string') return `“${o.title}”`;
  if (typeof o.action === 'string') return `“${o.action}”`;
  return JSON.stringify(a);
}

export function trackLabel(t: Track): string {
  const [lo, hi] = TRACKS[t];
  return `${TRACK_NAMES[t]} (${lo}–${hi})`;
}

export function turnLabel(t: ReportTurn): string {
  return t.replay
    ? `Turn ${t.turn} (played again after a rewind${t.replay > 1 ? `, ${t.replay + 1}th time` : ''})`
    : `Turn ${t.turn}`;
}

export function resultText(report: Report): string {
  const r = report.result;
  if (!r) return `The saved game stops on turn ${report.final.turn} before its end.`;
  const winner = r.winner
    ? `${report.game.variant === 2 && r.winner === 'nato' ? 'The West' : roleName(r.winner)} wins`
    : 'Nobody wins';
  return `${winner} on turn ${r.turn}, by ${ENDING_PHRASE[r.ending]}${r.culprit ? ` (${roleName(r.culprit)} pushed tension to ${WAR_AT})` : ''}.`;
}

/** Chart marks at each turn segment's first action. */
export function turnMarks(report: Report): { at: number; label: string }[] {
  return report.turns
    .filter((t) => t.firstAction <= t.lastAction || t.firstAction > 0)
    .map((t) => ({ at: t.firstAction, label: `T${t.turn}${t.replay ? '′' : ''}` }));
}

/** Who caused a swing: the mover, and what the same step resolved after the move. */
export function swingBy(w: Swing): string {
  return `${roleName(w.by)}${w.then.length ? ` (then ${w.then.join(', ')})` : ''}`;
}
