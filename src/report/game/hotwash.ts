/**
 * Hotwash prompts: discussion questions the report proposes from the game's own turning points — the
 * biggest swings, the decisions where a person and the scripted bot disagreed, every White Cell act,
 * every inject reading — and from the study question. Each cites the action it comes from, so the
 * facilitator can open the timeline at that moment. The facilitator may rewrite them (the saved game
 * keeps the edited list with each prompt's citation, which the report then shows instead).
 */
import { moveName } from '../../content/moves';
import { citation } from '../../content/save-file';
import type { HotwashPrompt, Report } from './report';
import { roleName } from './roles';
import { signed } from './words';

/** Biggest swings and disagreements proposed, at most. */
const SWINGS = 3;
const DISAGREEMENTS = 3;

/** Moves that answer or end a turn: a swing on one is the upkeep's and summit's, not the move's. */
const FLOW: ReadonlySet<string> = new Set(['pass', 'declineLambaste', 'chooseOption']);
/** A log line cut to a readable length for the wall. */
const short = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

export function proposeHotwash(report: Report, question: string | null): HotwashPrompt[] {
  const out: HotwashPrompt[] = [];
  if (question)
    out.push({
      text: `Our study question: “${question}” — what did this game show, and what would we need to see in more runs to be sure?`,
      source: 'study',
      action: null,
      turn: null,
    });
  // One prompt per action, however many seats it swung, the largest first; the White Cell's own are below.
  const swings = report.swings
    .filter((w) => w.by !== 'white')
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.action - b.action);
  const cited = new Set<number>();
  for (const w of swings) {
    if (cited.size >= SWINGS) break;
    if (cited.has(w.action)) continue;
    cited.add(w.action);
    const a = report.actions[w.action]!;
    // A pass that ends a turn swings through the upkeep and summit it runs: cite what moved the margin.
    const ending = w.then.length > 0 && FLOW.has(w.move);
    const what = ending
      ? `the end of turn ${w.turn} (${w.then.join(', ')}) after ${roleName(w.by)}'s ${moveName(w.move).toLowerCase()}`
      : `${roleName(w.by)}'s ${moveName(w.move)}`;
    const line = ending
      ? (a.events.find((e) => e.kind === 'summit') ?? a.events.find((e) => e.kind === 'upkeep'))
      : a.events[0];
    out.push({
      text: `Turn ${w.turn}, action #${w.action}: ${what} moved ${roleName(w.seat)}'s margin ${signed(w.delta)}${line ? ` (${short(line.text)})` : ''}. ${ending ? 'Who saw it coming, and what could have been done in the turn before?' : `What did ${roleName(w.by)} expect, and what did the others read into it?`}`,
      source: 'swing',
      action: w.action,
      turn: w.turn,
    });
  }
  const disagreements = report.actions
    .filter((a) => a.bot && !a.bot.same && a.move !== 'pass')
    .map((a) => ({
      a,
      weight: report.seats.reduce((s, seat) => s + Math.abs(a.marginsAfter[seat] - a.marginsBefore[seat]), 0),
    }))
    .sort((x, y) => y.weight - x.weight || x.a.index - y.a.index)
    .slice(0, DISAGREEMENTS)
    .sort((x, y) => x.a.index - y.a.index);
  for (const { a } of disagreements)
    out.push({
      text: `Turn ${a.turn}, action #${a.index}: ${roleName(a.seat)} chose ${moveName(a.move)}; the scripted bot would have played ${moveName(a.bot!.move)} (“${a.bot!.why}”). Why did the cell decide otherwise, and was it right?`,
      source: 'disagreement',
      action: a.index,
      turn: a.turn,
    });
  for (const w of report.whiteCell)
    out.push({
      text: `Turn ${w.turn}, action #${w.action}, the White Cell: ${short(w.text.replace(/^White Cell — /, '') || moveName(w.move))}, because “${w.reason}”. Did it shape the outcome, and would the room have ruled the same?`,
      source: 'white-cell',
      action: w.action,
      turn: w.turn,
    });
  // A reading the table's die chose (the White Cell's own readings are among its acts above).
  for (const e of [...report.setupEvents, ...report.actions.flatMap((a) => a.events)])
    if (e.kind === 'inject' && /the table rolled \d/.test(e.text))
      out.push({
        text: `Turn ${e.turn}: ${e.text}. Was that the right reading, and what would another have changed?`,
        source: 'reading',
        action: e.action,
        turn: e.turn,
      });
  return out;
}

/** The citation to print after a prompt whose (edited) text no longer names its action; '' otherwise. */
export function citeAfter(p: HotwashPrompt): string {
  return p.action !== null && p.text.includes(`action #${p.action}`) ? '' : citation(p);
}
