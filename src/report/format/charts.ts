/** Inline SVG line charts for the reports: no scripts, no fonts to fetch, printable. */
import { escapeHtml as esc } from './escape';

export interface Series {
  name: string;
  colour: string;
  /** One value per point (point 0 = before the first action). */
  values: number[];
  /** Dash pattern, so colour is never the only cue. */
  dash?: string;
}

export interface ChartOptions {
  title: string;
  width?: number;
  height?: number;
  /** Fixed y range (a track's range); default: the data's range. */
  yRange?: readonly [number, number];
  /** Vertical guides: x point index and a short label (turn starts). */
  marks?: { at: number; label: string }[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** A step chart: each action moves the line at once (tracks change by actions, not gradually). */
export function lineChart(series: Series[], opts: ChartOptions): string {
  const W = opts.width ?? 460;
  const H = opts.height ?? 170;
  const left = 34;
  const right = 10;
  const top = 22;
  const bottom = 22;
  const n = Math.max(1, ...series.map((s) => s.values.length - 1));
  const all = series.flatMap((s) => s.values);
  const [lo, top0] = opts.yRange ?? [Math.min(0, ...all), Math.max(1, ...all)];
  const hi = top0 === lo ? lo + 1 : top0;
  const x = (i: number) => r1(left + (i / n) * (W - left - right));
  const y = (v: number) => r1(top + (1 - (v - lo) / (hi - lo)) * (H - top - bottom));
  const ticks = niceTicks(lo, hi);
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${left}" x2="${W - right}" y1="${y(t)}" y2="${y(t)}" class="grid"/><text x="${left - 4}" y="${y(t) + 3}" class="tick" text-anchor="end">${t}</text>`,
    )
    .join('');
  // Labels closer than 18px to the previous one are dropped (a rewind right after a turn start).
  let lastLabel = -Infinity;
  const marks = (opts.marks ?? [])
    .map((m) => {
      const keep = x(m.at) - lastLabel >= 18;
      if (keep) lastLabel = x(m.at);
      return { ...m, label: keep ? m.label : '' };
    })
    .map(
      (m) =>
        `<line x1="${x(m.at)}" x2="${x(m.at)}" y1="${top}" y2="${H - bottom}" class="mark"/><text x="${x(m.at) + 2}" y="${H - bottom + 12}" class="tick">${esc(m.label)}</text>`,
    )
    .join('');
  const lines = series
    .filter((s) => s.values.length > 0)
    .map((s) => {
      let d = `M${x(0)} ${y(s.values[0]!)}`;
      for (let i = 1; i < s.values.length; i++) {
        if (s.values[i] !== s.values[i - 1]) d += `H${x(i)}V${y(s.values[i]!)}`;
      }
      d += `H${x(s.values.length - 1)}`;
      return `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}><title>${esc(s.name)}</title></path>`;
    })
    .join('');
  const legend =
    series.length > 1
      ? series
          .map(
            (s, i) =>
              `<g transform="translate(${left + i * 100},10)"><line x1="0" x2="16" y1="0" y2="0" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/><text x="20" y="3" class="tick">${esc(s.name)}</text></g>`,
          )
          .join('')
      : '';
  return `<figure class="chart"><figcaption>${esc(opts.title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title)}">${grid}${marks}${lines}${legend}</svg></figure>`;
}

/** A handful of round y ticks between lo and hi. */
function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const step = span <= 5 ? 1 : span <= 10 ? 2 : span <= 25 ? 5 : 10;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) out.push(t);
  return out;
}
