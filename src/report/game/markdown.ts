/** report.md: the same debrief as text, for a wiki, an e-mail or a pull request. */
import { moveName } from '../../content/moves';
import { TRACK_NAMES } from '../../rules';
import { scenarioById } from '../../content/scenario';
import { SEAT_STYLE } from '../../content/seats';
import { citeAfter } from './hotwash';
import type { Report } from './report';
import { roleName } from './roles';
import { argsText, resultText, signed, swingBy, turnLabel } from './words';

/** Escape what would break a Markdown table cell. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderReportMarkdown(report: Report): string {
  const g = report.game;
  const out: string[] = [];
  out.push(`# After-action report — ${g.scenarioName}`, '');
  out.push(
    `Scenario ${scenarioById(g.scenario)?.name ?? g.scenario} · ${g.variant} seats${g.whiteCell ? ' with a White Cell' : ''} · seed \`${g.seed}\` · ${g.actions} actions`,
    '',
  );
  out.push(`**${resultText(report)}**`, '');
  out.push('| seat | played by | margin at the start | final margin |', '| --- | --- | ---: | ---: |');
  for (const s of report.seats)
    out.push(
      `| ${SEAT_STYLE[s].name} | ${cell(g.controllers[s])} | ${signed(report.initial.margins[s])} | ${signed(report.result?.margins[s] ?? report.final.margins[s])} |`,
    );

  if (report.study)
    out.push(
      '',
      '## Study question',
      '',
      `**${report.study.question}**`,
      '',
      '### Evidence from this game',
      '',
      ...report.study.game.map((l) => `- ${l}`),
      ...(report.study.sweep.length
        ? ['', '### Evidence from the assumption sweep', '', ...report.study.sweep.map((l) => `- ${l}`)]
        : []),
    );

  out.push('', '## Tracks at the end of each turn', '');
  out.push(
    `| turn | ${report.tracks.map((k) => TRACK_NAMES[k]).join(' | ')} | ${report.seats.map((s) => `margin ${SEAT_STYLE[s].name}`).join(' | ')} |`,
  );
  out.push(`| --- | ${report.tracks.map(() => '---:').join(' | ')} | ${report.seats.map(() => '---:').join(' | ')} |`);
  out.push(
    `| start | ${report.tracks.map((t) => report.initial.tracks[t]).join(' | ')} | ${report.seats.map((s) => signed(report.initial.margins[s])).join(' | ')} |`,
  );
  for (const t of report.turns)
    out.push(
      `| ${t.turn}${t.replay ? '′' : ''} | ${report.tracks.map((k) => t.tracksEnd[k]).join(' | ')} | ${report.seats.map((s) => signed(t.marginsEnd[s])).join(' | ')} |`,
    );

  out.push('', "## Biggest swings in each seat's margin", '');
  for (const s of report.seats) {
    const rows = report.swings.filter((w) => w.seat === s);
    if (!rows.length) continue;
    out.push(
      `### ${SEAT_STYLE[s].name}`,
      '',
      '| margin | action | turn | by | what happened |',
      '| ---: | ---: | ---: | --- | --- |',
    );
    for (const w of rows)
      out.push(`| ${signed(w.delta)} | #${w.action} | ${w.turn} | ${swingBy(w)} | ${cell(w.text)} |`);
    out.push('');
  }

  out.push('## White Cell interventions', '');
  if (!report.whiteCell.length)
    out.push(`The White Cell made no intervention${g.whiteCell ? '' : ' (this game had no White Cell)'}.`);
  else {
    out.push('| action | turn | power | details | reason |', '| ---: | ---: | --- | --- | --- |');
    for (const w of report.whiteCell)
      out.push(
        `| #${w.action} | ${w.turn} | ${moveName(w.move)} | ${cell([argsText(w.args), w.text].filter(Boolean).join(' — '))} | ${cell(w.reason)} |`,
      );
  }

  out.push('', '## Hidden moves revealed', '');
  if (!report.hidden.length) out.push('No hidden moves were made.');
  for (const e of report.hidden)
    out.push(
      `- ${e.action !== null ? `#${e.action}, ` : ''}turn ${e.turn}: ${e.text}${e.rolls.length ? ` (rolled ${e.rolls.join(' ')})` : ''} — hidden from ${(e.hiddenFrom ?? []).map(roleName).join(', ')}`,
    );
  out.push('', '### National priorities', '');
  for (const p of report.priorities)
    out.push(`- **${SEAT_STYLE[p.seat].name}**: ${p.text} — ${p.met ? 'met' : 'not met'}`);

  out.push('', '## Human decisions and the scripted bot', '', report.botAdvice.note);
  const decisions = report.actions.filter((a) => a.bot);
  if (decisions.length) {
    out.push(
      '',
      `The bot agreed with ${report.botAdvice.agreed} of ${report.botAdvice.decisions} human decisions.`,
      '',
    );
    out.push(
      '| action | turn | seat | the person chose | the bot would have chosen | why |',
      '| ---: | --- | --- | --- | --- | --- |',
    );
    for (const a of decisions)
      out.push(
        `| #${a.index} | ${a.turn}.${a.round} | ${roleName(a.seat)} | ${cell(`${moveName(a.move)}${a.args.length ? ` (${argsText(a.args)})` : ''}`)} | ${a.bot!.same ? 'the same' : cell(`${moveName(a.bot!.move)}${a.bot!.args.length ? ` (${argsText(a.bot!.args)})` : ''}`)} | ${cell(a.bot!.why)} |`,
      );
  }

  out.push('', '## Hotwash questions', '');
  if (!report.hotwash.length) out.push('No turning point to discuss.');
  report.hotwash.forEach((p, i) => out.push(`${i + 1}. ${p.text}${citeAfter(p) ? ` (${citeAfter(p)})` : ''}`));

  out.push('', '## Timeline', '');
  for (const t of report.turns) {
    out.push(`### ${turnLabel(t)}`, '');
    for (const e of t.events)
      out.push(
        `- ${e.action !== null ? `#${e.action} ` : ''}${e.text}${e.rolls.length ? ` 🎲 ${e.rolls.join(' ')}` : ''}${e.reason ? ` — *reason: ${e.reason}*` : ''}${e.hiddenFrom ? ' *(hidden during play)*' : ''}`,
      );
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
