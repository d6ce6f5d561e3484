/**
 * report.html: one standalone page — inline CSS and SVG, no scripts, no network — readable on a
 * projector and printable as the debrief handout.
 */
import { TRACKS, type Seat } from '../../content/ids';
import { moveName } from '../../content/moves';
import { TRACK_NAMES } from '../../rules';
import { scenarioById } from '../../content/scenario';
import { SEAT_STYLE } from '../../content/seats';
import { citeAfter } from './hotwash';
import type { Report, ReportEvent } from './report';
import { roleName } from './roles';
import { lineChart, type Series } from '../format/charts';
import { escapeHtml as esc } from '../format/escape';
import { SEAT_DASH, seatColour } from '../format/seats';
import { argsText, resultText, signed, swingBy, trackLabel, turnLabel, turnMarks } from './words';

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
h3{font-size:1rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;margin:.4rem 0;width:100%}td,th{padding:.2rem .5rem;text-align:left;vertical-align:top;border-bottom:1px solid #eee}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:flex;flex-wrap:wrap;gap:.6rem 1.2rem}.chart{margin:0}.chart figcaption{font-weight:600;font-size:.9rem}
svg .grid{stroke:#e6e6e6}svg .mark{stroke:#bbb;stroke-dasharray:2 3}svg .tick{font-size:10px;fill:#555}
.sub{color:#555}.hidden{background:#fff4d6}.white{background:#eef3ff}.same{color:#2b7a3d}.diff{color:#a33}
.ev{margin:.1rem 0}.ev .who{font-weight:600}.rolls{font-family:ui-monospace,monospace;background:#f1f1f1;padding:0 .3rem;border-radius:3px}
.seat{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:-.05em}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}.chart,tr,.ev{break-inside:avoid}a{color:inherit}}
`;

function seatDot(seat: Seat): string {
  return `<span class="seat" style="background:${seatColour(seat)}"></span>`;
}

function eventLine(e: ReportEvent): string {
  const cls = e.hiddenFrom ? ' hidden' : e.seat === 'white' ? ' white' : '';
  const rolls = e.rolls.length ? ` <span class="rolls" title="d6 rolled">🎲 ${e.rolls.join(' ')}</span>` : '';
  const reason = e.reason ? ` — <em>reason: ${esc(e.reason)}</em>` : '';
  const hidden = e.hiddenFrom
    ? ` <span class="sub">(hidden during play from ${e.hiddenFrom.map(roleName).join(', ')})</span>`
    : '';
  return `<li class="ev${cls}">${e.action !== null ? `<span class="sub">#${e.action}</span> ` : ''}${esc(e.text)}${rolls}${reason}${hidden}</li>`;
}

export function renderReportHtml(report: Report): string {
  const g = report.game;
  const title = `After-action report — ${g.scenarioName}`;
  const points = report.actions.length + 1;
  const marks = turnMarks(report);
  const marginSeries: Series[] = report.seats.map((s) => ({
    name: report.game.variant === 2 && s === 'nato' ? 'West' : SEAT_STYLE[s].name,
    colour: seatColour(s),
    values: [report.initial.margins[s], ...report.actions.map((a) => a.marginsAfter[s])],
    ...(SEAT_DASH[s] ? { dash: SEAT_DASH[s] } : {}),
  }));
  const trackCharts = report.tracks.map((t) =>
    lineChart(
      [{ name: t, colour: '#333', values: [report.initial.tracks[t], ...report.actions.map((a) => a.tracksAfter[t])] }],
      {
        title: trackLabel(t),
        yRange: rangeOf(t, report),
        marks,
        width: 350,
        height: 140,
      },
    ),
  );
  const margins = report.seats
    .map((s) => {
      const fin = report.result?.margins[s] ?? report.final.margins[s];
      return `<tr><td>${seatDot(s)}${esc(SEAT_STYLE[s].name)}</td><td>${esc(report.game.controllers[s])}</td><td class="n">${signed(report.initial.margins[s])}</td><td class="n">${signed(fin)}</td></tr>`;
    })
    .join('');
  const swings = report.seats
    .map((s) => {
      const rows = report.swings.filter((w) => w.seat === s);
      if (!rows.length) return '';
      return `<h3>${seatDot(s)}${esc(SEAT_STYLE[s].name)}</h3><table><tr><th>margin</th><th>action</th><th>turn</th><th>by</th><th>what happened</th></tr>${rows
        .map(
          (w) =>
            `<tr><td class="n">${signed(w.delta)}</td><td class="n">#${w.action}</td><td class="n">${w.turn}</td><td>${esc(swingBy(w))}</td><td>${esc(w.text)}</td></tr>`,
        )
        .join('')}</table>`;
    })
    .join('');
  const white = report.whiteCell.length
    ? `<table><tr><th>action</th><th>turn</th><th>power</th><th>details</th><th>reason</th></tr>${report.whiteCell
        .map(
          (w) =>
            `<tr class="white"><td class="n">#${w.action}</td><td class="n">${w.turn}</td><td>${esc(moveName(w.move))}</td><td>${esc(argsText(w.args))}${w.text ? `<br><span class="sub">${esc(w.text)}</span>` : ''}</td><td><em>${esc(w.reason)}</em></td></tr>`,
        )
        .join('')}</table>`
    : `<p class="sub">The White Cell made no intervention${g.whiteCell ? '' : ' (this game had no White Cell)'}.</p>`;
  const hidden = report.hidden.length
    ? `<ul>${report.hidden.map(eventLine).join('')}</ul>`
    : '<p class="sub">No hidden moves were made.</p>';
  const priorities = `<table><tr><th>seat</th><th>secret national priority</th><th>met at the end</th></tr>${report.priorities
    .map(
      (p) =>
        `<tr><td>${seatDot(p.seat)}${esc(SEAT_STYLE[p.seat].name)}</td><td>${esc(p.text)}</td><td>${p.met ? 'yes' : 'no'}</td></tr>`,
    )
    .join('')}</table>`;
  const decisions = report.actions.filter((a) => a.bot);
  const advice = decisions.length
    ? `<p class="sub">${esc(report.botAdvice.note)} The bot agreed with ${report.botAdvice.agreed} of ${report.botAdvice.decisions} human decisions.</p><table><tr><th>action</th><th>turn</th><th>seat</th><th>the person chose</th><th>the bot would have chosen</th><th>the bot's reason</th></tr>${decisions
        .map(
          (a) =>
            `<tr><td class="n">#${a.index}</td><td class="n">${a.turn}.${a.round}</td><td>${esc(roleName(a.seat))}</td><td>${esc(moveName(a.move))}${a.args.length ? ` (${esc(argsText(a.args))})` : ''}</td><td class="${a.bot!.same ? 'same' : 'diff'}">${a.bot!.same ? 'the same' : `${esc(moveName(a.bot!.move))}${a.bot!.args.length ? ` (${esc(argsText(a.bot!.args))})` : ''}`}</td><td>${esc(a.bot!.why)}</td></tr>`,
        )
        .join('')}</table>`
    : `<p class="sub">${esc(report.botAdvice.note)} ${Object.values(report.game.controllers).every((c) => c !== 'person') ? 'Every seat was played by a bot.' : ''}</p>`;
  const timeline = report.turns
    .map((t) => {
      const changes = report.tracks
        .filter((k) => t.tracksEnd[k] !== t.tracksStart[k])
        .map((k) => `${TRACK_NAMES[k]} ${t.tracksStart[k]}→${t.tracksEnd[k]}`);
      return `<h3>${esc(turnLabel(t))}</h3><p class="sub">${changes.length ? esc(changes.join(', ')) : 'No track changed.'} · margins at the end: ${report.seats.map((s) => `${esc(SEAT_STYLE[s].name)} ${signed(t.marginsEnd[s])}`).join(', ')}</p><ul>${t.events.map(eventLine).join('')}</ul>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="sub">Scenario <strong>${esc(scenarioById(g.scenario)?.name ?? g.scenario)}</strong> · ${g.variant} seats${g.whiteCell ? ' with a White Cell' : ''} · seed <code>${esc(g.seed)}</code> · ${g.actions} actions${g.finalHash ? ` · final state <code>${g.finalHash.slice(0, 12)}…</code>` : ''}</p>
<p><strong>${esc(resultText(report))}</strong></p>
<table><tr><th>seat</th><th>played by</th><th>margin at the start</th><th>final margin</th></tr>${margins}</table>
${studyHtml(report)}
<h2>Margins over the game</h2>
<p class="sub">Each step is one action; dotted lines mark the start of each turn (T2′ = a turn played again after a rewind). Final margins include national priorities; these lines do not.</p>
${lineChart(marginSeries, { title: 'Victory margin by seat', width: 1000, height: 260, marks })}

<h2>Tracks over the game</h2>
<div class="grid">${trackCharts.join('')}</div>
<p class="sub">${points} points per chart: the setup, then the state after each action.</p>

<h2>Biggest swings in each seat's margin</h2>
${swings || '<p class="sub">No margin moved.</p>'}

<h2>White Cell interventions</h2>
${white}

<h2>Hidden moves revealed</h2>
${hidden}
<h3>National priorities</h3>
${priorities}

<h2>Human decisions and the scripted bot</h2>
${advice}

<h2>Hotwash questions</h2>
${hotwashHtml(report)}

<h2>Timeline</h2>
${timeline}
<p class="sub">Made from the saved game by <code>npm run report</code>; the game replays exactly from its seed and actions.</p>
</body></html>
`;
}

/** The study question and its evidence, right under the outcome. */
function studyHtml(report: Report): string {
  const st = report.study;
  if (!st) return '';
  const list = (lines: string[]) => `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
  return `<section id="study"><h2>Study question</h2><p><strong>${esc(st.question)}</strong></p><h3>Evidence from this game</h3>${list(st.game)}${st.sweep.length ? `<h3>Evidence from the assumption sweep</h3>${list(st.sweep)}` : ''}</section>`;
}

/** The discussion questions, each with the action it cites. */
function hotwashHtml(report: Report): string {
  if (!report.hotwash.length) return '<p class="sub">No turning point to discuss.</p>';
  return `<p class="sub">Proposed from the game's turning points${report.study ? ' and the study question' : ''}; the facilitator may rewrite them in the White Cell console.</p><ol id="hotwash">${report.hotwash
    .map(
      (p) =>
        `<li data-source="${p.source}"${p.action !== null ? ` data-action="${p.action}"` : ''}>${esc(p.text)}${citeAfter(p) ? ` <span class="sub">(${esc(citeAfter(p))})</span>` : ''}</li>`,
    )
    .join('')}</ol>`;
}

/** A track's chart range: its legal range (vp narrowed to what the game reached). */
function rangeOf(t: Report['tracks'][number], report: Report): readonly [number, number] {
  if (t !== 'vp') return TRACKS[t];
  const values = [report.initial.tracks.vp, ...report.actions.map((a) => a.tracksAfter.vp)];
  return [Math.min(-5, ...values), Math.max(5, ...values)];
}
