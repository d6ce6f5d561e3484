/**
 * The assumption sweep's outputs: sensitivity.html (a standalone page: the tornado of which assumption
 * moves each seat's win rate most, and every cell with 95% intervals), sensitivity.csv (one row per
 * cell and seat, for analysts) and the text summary on the terminal.
 */
import type { Seat } from '../../content/ids';
import type { Sensitivity } from '../../sim/vary';
import { csvText, type CsvValue } from '../format/csv';
import { escapeHtml as esc } from '../format/escape';
import { seatColour } from '../format/seats';
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const seatName = (s: Sensitivity, seat: string) => (s.variant === 2 && seat === 'nato' ? 'west' : seat);
const cellName = (a: Record<string, string>) =>
  Object.keys(a).length === 0
    ? 'as written'
    : Object.entries(a)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');

export const SENSITIVITY_CSV_HEADER = [
  'cell',
  ...['param', 'value'],
  'seat',
  'games',
  'wins',
  'win_rate',
  'ci95_low',
  'ci95_high',
  'mean_margin',
  'war_rate',
  'mean_turns',
];

/** One row per cell and seat; a grid cell's several parameters are joined in the param/value columns. */
export function sensitivityCsv(s: Sensitivity): string {
  const rows: CsvValue[][] = [];
  s.cells.forEach((cell, i) => {
    const params = Object.keys(cell.assignment).join(';');
    const values = Object.values(cell.assignment).join(';');
    for (const [seat, st] of Object.entries(cell.seats))
      rows.push([
        i,
        params,
        values,
        seatName(s, seat),
        s.games,
        st.wins,
        st.winRate,
        st.ci95[0],
        st.ci95[1],
        st.meanMargin,
        cell.war.rate,
        cell.meanTurns,
      ]);
  });
  return csvText(SENSITIVITY_CSV_HEADER, rows);
}

export function formatSensitivity(s: Sensitivity): string {
  const seats = Object.keys(s.cells[0]?.seats ?? {});
  const head = `${s.scenario} · ${s.variant} seats · ${s.games} games per cell · seed ${s.seed} · ${s.mode}${s.from ? ` · from turn ${s.from.turn} of a saved game` : ''}`;
  const width = Math.max(10, ...s.cells.map((c) => cellName(c.assignment).length));
  const lines = [
    head,
    '',
    `${'cell'.padEnd(width)}  ${seats.map((seat) => seatName(s, seat).padStart(7)).join(' ')}     war`,
    ...s.cells.map(
      (c) =>
        `${cellName(c.assignment).padEnd(width)}  ${seats.map((seat) => pct(c.seats[seat]!.winRate).padStart(7)).join(' ')}  ${pct(c.war.rate).padStart(6)}`,
    ),
    '',
    'Largest swing in win rate per seat (tornado):',
  ];
  for (const seat of seats) {
    const top = s.tornado[seat] ?? [];
    lines.push(
      `  ${seatName(s, seat).padEnd(6)} ${top
        .map((w) =>
          w.swing === 0
            ? `${w.param} no change (${pct(w.low.winRate)})`
            : `${w.param} ${(w.swing * 100).toFixed(1)} pts (${w.low.value}: ${pct(w.low.winRate)} → ${w.high.value}: ${pct(w.high.winRate)})`,
        )
        .join('; ')}`,
    );
  }
  return lines.join('\n');
}

/** A horizontal tornado chart for one seat: one bar per parameter from its lowest to highest win rate. */
function tornadoSvg(s: Sensitivity, seat: string): string {
  const rows = s.tornado[seat] ?? [];
  const W = 460;
  const left = 170;
  const barW = W - left - 20;
  const rowH = 26;
  const H = 30 + rows.length * rowH;
  const x = (rate: number) => left + rate * barW;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${x(t)}" y1="18" x2="${x(t)}" y2="${H - 4}" stroke="#ddd"/><text x="${x(t)}" y="12" font-size="10" text-anchor="middle" fill="#666">${pct(t)}</text>`,
    )
    .join('');
  const bars = rows
    .map((w, i) => {
      const y = 22 + i * rowH;
      return `<text x="${left - 6}" y="${y + 14}" font-size="12" text-anchor="end">${esc(w.param)}</text>
<rect x="${x(w.low.winRate)}" y="${y + 3}" width="${Math.max(1, x(w.high.winRate) - x(w.low.winRate))}" height="16" fill="${seatColour(seat)}" opacity="0.8"><title>${esc(`${w.param}: ${w.low.value} → ${pct(w.low.winRate)}, ${w.high.value} → ${pct(w.high.winRate)}`)}</title></rect>
<text x="${x(w.low.winRate) - 3}" y="${y + 15}" font-size="10" text-anchor="end" fill="#444">${esc(w.low.value)}</text>
<text x="${x(w.high.winRate) + 3}" y="${y + 15}" font-size="10" fill="#444">${esc(w.high.value)}</text>`;
    })
    .join('');
  return `<figure><figcaption>${esc(seatName(s, seat))}: win rate by assumption</figcaption><svg width="${W}" height="${H}" role="img" aria-label="${esc(`tornado chart for ${seatName(s, seat)}`)}">${ticks}${bars}</svg></figure>`;
}

export function renderSensitivityHtml(s: Sensitivity): string {
  const seats = Object.keys(s.cells[0]?.seats ?? {}) as Seat[];
  const title = `Assumption sweep: ${s.scenario} · ${s.variant} seats · ${s.games} games per cell · seed ${s.seed}`;
  const rows = s.cells
    .map(
      (c) =>
        `<tr><td>${esc(cellName(c.assignment))}</td>${seats
          .map((seat) => {
            const st = c.seats[seat]!;
            return `<td>${pct(st.winRate)} <span class="ci">[${pct(st.ci95[0])}, ${pct(st.ci95[1])}]</span><br><span class="ci">margin ${st.meanMargin.toFixed(2)}</span></td>`;
          })
          .join(
            '',
          )}<td>${pct(c.war.rate)} <span class="ci">[${pct(c.war.ci95[0])}, ${pct(c.war.ci95[1])}]</span></td><td>${c.meanTurns.toFixed(2)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{padding:.3rem .7rem;text-align:right;vertical-align:top}th:first-child,td:first-child{text-align:left}
tr:nth-child(even){background:#f6f6f6}.ci{color:#666;font-size:12px}.grid{display:flex;flex-wrap:wrap;gap:1rem}
figure{margin:0}figcaption{font-weight:600}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${s.mode === 'grid' ? 'Every combination of the values below' : 'Each assumption varied on its own, the others as the scenario has them'}; every cell plays the same ${s.games} seeds (paired comparisons)${s.from ? `, from the start of turn ${s.from.turn} of a saved game` : ''}. Bots: ${esc(
    Object.entries(s.bots)
      .map(([seat, b]) => `${seat}=${b}`)
      .join(', '),
  )}. Assumptions: ${s.params.map((p) => `<code>${esc(p.name)}</code> = ${esc(p.values.join(', '))}`).join('; ')}.</p>
<h2>Which assumption moves each seat's win rate most</h2>
<div class="grid">${seats.map((seat) => tornadoSvg(s, seat)).join('')}</div>
<h2>Every cell (win rate, Wilson 95% interval, mean margin)</h2>
<table><thead><tr><th>cell</th>${seats.map((seat) => `<th>${esc(seatName(s, seat))}</th>`).join('')}<th>war</th><th>turns</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
