/** report.html: a standalone page (inline CSS and SVG, no scripts, no network) for one sweep. */
import { SEATS, TRACKS, TRACK_IDS, type Seat, type Track } from '../../content/ids';
import type { GameRecord } from '../../sim/record';
import type { SweepSummary } from '../../sim/stats';
import { peacefulEndings } from '../format/ending';
import { escapeHtml as esc } from '../format/escape';
import { seatColour } from '../format/seats';
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

/** The win-rate band each seat should reach at equal difficulty (docs/DESIGN.md §8), shaded behind the bars. */
export const BALANCE_TARGETS: Partial<Record<number, readonly [number, number]>> = { 4: [0.2, 0.3], 2: [0.45, 0.55] };

export function renderSweepHtml(summary: SweepSummary, records: readonly GameRecord[]): string {
  const seats = Object.keys(summary.seats) as Seat[];
  const title = `${summary.scenario} · ${summary.variant} seats · ${summary.games} games · seed ${summary.seed}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{padding:.2rem .7rem;text-align:right}th:first-child,td:first-child{text-align:left}
tr:nth-child(even){background:#f6f6f6}svg{display:block;margin:.5rem 0}.grid{display:flex;flex-wrap:wrap;gap:1rem}
.small{color:#666;font-size:12px}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="small">Bots: ${SEATS.map((s) => `${s}=${esc(summary.bots[s])}`).join(', ')}. War endings ${pct(summary.warRate)}
[${pct(summary.warCi95[0])}, ${pct(summary.warCi95[1])}] · ${peacefulEndings(summary.endings)}
· draws ${summary.draws} · mean length ${fmt(summary.meanTurns)} turns, ${fmt(summary.meanActions)} actions.</p>
<h2>Win rates (Wilson 95% intervals)</h2>
${winTable(summary, seats)}
${winChart(summary, seats)}
<h2>Margin distributions</h2>
<div class="grid">${seats
    .map((s) =>
      marginChart(
        s,
        records.map((r) => r.margins[s]),
      ),
    )
    .join('')}</div>
<h2>Tracks over time (mean at the start of each turn)</h2>
<div class="grid">${TRACK_IDS.map((t) => trackChart(t, summary.tracksByTurn[t])).join('')}</div>
<h2>Share of action points per move</h2>
${moveChart(summary)}
</body></html>
`;
}

function winTable(summary: SweepSummary, seats: Seat[]): string {
  const rows = seats.map((s) => {
    const st = summary.seats[s]!;
    return `<tr><td>${s}</td><td>${st.wins}</td><td>${pct(st.winRate)}</td><td>[${pct(st.ci95[0])}, ${pct(st.ci95[1])}]</td><td>${fmt(st.meanMargin)}</td></tr>`;
  });
  return `<table><tr><th>seat</th><th>wins</th><th>win rate</th><th>95% CI</th><th>mean margin</th></tr>${rows.join('')}</table>`;
}

function winChart(summary: SweepSummary, seats: Seat[]): string {
  const W = 600,
    row = 28,
    left = 70,
    width = W - left - 20;
  const x = (v: number) => left + v * width;
  const bars = seats.map((s, i) => {
    const st = summary.seats[s]!;
    const y = 10 + i * row;
    return `<rect x="${left}" y="${y}" width="${(st.winRate * width).toFixed(1)}" height="18" fill="${seatColour(s)}" opacity=".75"/>
<line x1="${x(st.ci95[0]).toFixed(1)}" x2="${x(st.ci95[1]).toFixed(1)}" y1="${y + 9}" y2="${y + 9}" stroke="#000" stroke-width="2"/>
<line x1="${x(st.ci95[0]).toFixed(1)}" x2="${x(st.ci95[0]).toFixed(1)}" y1="${y + 3}" y2="${y + 15}" stroke="#000"/>
<line x1="${x(st.ci95[1]).toFixed(1)}" x2="${x(st.ci95[1]).toFixed(1)}" y1="${y + 3}" y2="${y + 15}" stroke="#000"/>
<text x="${left - 6}" y="${y + 13}" text-anchor="end">${s}</text>`;
  });
  const H = 10 + seats.length * row + 20;
  const target = BALANCE_TARGETS[summary.variant] ?? null;
  const band = target
    ? `<rect x="${x(target[0]!)}" y="5" width="${x(target[1]!) - x(target[0]!)}" height="${H - 23}" fill="#2e7d32" opacity=".12"><title>target ${target[0]! * 100}–${target[1]! * 100}%</title></rect>`
    : '';
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (t) =>
      `<line x1="${x(t)}" x2="${x(t)}" y1="5" y2="${H - 18}" stroke="#ccc"/><text x="${x(t)}" y="${H - 4}" text-anchor="middle" class="small">${t * 100}%</text>`,
  );
  return `<svg width="${W}" height="${H}" font-size="12" role="img" aria-label="win rates">${band}${ticks.join('')}${bars.join('')}</svg>`;
}

function marginChart(seat: Seat, margins: number[]): string {
  const W = 230,
    H = 140,
    pad = 20;
  if (margins.length === 0) return '';
  let lo = Infinity,
    hi = -Infinity;
  for (const m of margins) {
    lo = Math.min(lo, Math.floor(m));
    hi = Math.max(hi, Math.floor(m));
  }
  const counts = new Array(hi - lo + 1).fill(0) as number[];
  for (const m of margins) counts[Math.floor(m) - lo]! += 1;
  const max = Math.max(...counts);
  const bw = (W - 2 * pad) / counts.length;
  const bars = counts.map(
    (c, i) =>
      `<rect x="${(pad + i * bw).toFixed(1)}" y="${(H - pad - (c / max) * (H - 2 * pad)).toFixed(1)}" width="${Math.max(1, bw - 1).toFixed(1)}" height="${((c / max) * (H - 2 * pad)).toFixed(1)}" fill="${seatColour(seat)}"><title>margin ${lo + i}: ${c}</title></rect>`,
  );
  return `<svg width="${W}" height="${H}" font-size="11" role="img" aria-label="${seat} margins"><text x="${pad}" y="12">${seat}</text>${bars.join('')}
<text x="${pad}" y="${H - 5}">${lo}</text><text x="${W - pad}" y="${H - 5}" text-anchor="end">${hi}</text></svg>`;
}

function trackChart(track: Track, means: number[]): string {
  const W = 230,
    H = 120,
    pad = 22;
  const [lo, hi] = TRACKS[track];
  const pts = means
    .map((v, i) =>
      Number.isFinite(v)
        ? [
            pad + (means.length > 1 ? (i / (means.length - 1)) * (W - 2 * pad) : 0),
            H - pad - ((v - lo) / (hi - lo)) * (H - 2 * pad),
            v,
          ]
        : null,
    )
    .filter((p): p is number[] => p !== null);
  const line = pts.map(([x, y]) => `${x!.toFixed(1)},${y!.toFixed(1)}`).join(' ');
  const dots = pts.map(
    ([x, y, v], i) =>
      `<circle cx="${x!.toFixed(1)}" cy="${y!.toFixed(1)}" r="2.5"><title>turn ${i + 1}: ${v!.toFixed(2)}</title></circle>`,
  );
  return `<svg width="${W}" height="${H}" font-size="11" role="img" aria-label="${track} over time"><text x="${pad}" y="12">${track}</text>
<rect x="${pad}" y="${pad}" width="${W - 2 * pad}" height="${H - 2 * pad}" fill="none" stroke="#ddd"/>
<text x="${pad - 3}" y="${pad + 4}" text-anchor="end">${hi}</text><text x="${pad - 3}" y="${H - pad}" text-anchor="end">${lo}</text>
<polyline points="${line}" fill="none" stroke="#1f4e9c" stroke-width="2"/>${dots.join('')}
<text x="${pad}" y="${H - 6}">turn 1</text><text x="${W - pad}" y="${H - 6}" text-anchor="end">turn ${means.length}</text></svg>`;
}

function moveChart(summary: SweepSummary): string {
  const entries = Object.entries(summary.moveShare) as [string, number][];
  const W = 600,
    row = 18,
    left = 200,
    width = W - left - 60;
  const H = entries.length * row + 10;
  const bars = entries.map(([move, share], i) => {
    const y = 5 + i * row;
    const over = share > 0.4 ? '#c0392b' : '#555';
    return `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${esc(move)}</text><rect x="${left}" y="${y + 2}" width="${(share * width).toFixed(1)}" height="${row - 5}" fill="${over}"/><text x="${(left + share * width + 4).toFixed(1)}" y="${y + 12}">${pct(share)}</text>`;
  });
  return `<svg width="${W}" height="${H}" font-size="12" role="img" aria-label="AP share per move">${bars.join('')}</svg>`;
}
