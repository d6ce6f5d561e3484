/**
 * The fixed overlay: who acts now, and the tracks, partnerships and theaters in a band under the map,
 * in type large enough to read across a room (larger still in projector view).
 */
import Phaser from 'phaser';
import type { BoardView, HelpView, TrackView } from './board-view';
import { css, drawToken, inkFor } from './tokens';

const FONT = 'Inter, system-ui, sans-serif';
const PANEL = 0x0a1824;
const DETER = 0x56b4e9;
const PRESS = 0xd55e00;

/** Height of the bottom band in canvas pixels: denser on short screens, two columns (taller) on narrow ones. */
export function hudHeight(projector: boolean, width = 1600, height = 1000): number {
  if (projector) return 236;
  if (width < NARROW) return 196;
  return height < 800 ? 132 : 164;
}

/** A hover area of the band (a track's row, its danger tick, a theater's bar) and what it explains. */
export interface HelpZone {
  x: number;
  y: number;
  w: number;
  h: number;
  help: HelpView;
}

/** Below this canvas width the band stacks its four blocks in two columns (phones in portrait). */
const NARROW = 700;

export class HudScene extends Phaser.Scene {
  private view: BoardView | null = null;
  private objects: Phaser.GameObjects.GameObject[] = [];
  private created = false;
  private sig = '';
  /** Hover areas of the last drawing, ticks before rows (the first that contains a point wins). */
  private zones: HelpZone[] = [];
  /** The status card's box in canvas pixels (the page keeps its own panels, e.g. the coach, off it). */
  private card = { x: 0, y: 0, w: 0, h: 0 };

  constructor() {
    super({ key: 'hud', active: true });
  }

  create(): void {
    this.created = true;
    this.scale.on('resize', () => this.draw());
    this.draw();
  }

  setView(view: BoardView): void {
    this.view = view;
    if (this.created) this.draw();
  }

  /** What the band explains at a canvas point, if anything. */
  helpAt(x: number, y: number): HelpView | null {
    return this.zones.find((z) => x >= z.x && x <= z.x + z.w && y >= z.y && y <= z.y + z.h)?.help ?? null;
  }

  /** Every hover area now (tests hover each one). */
  helpZones(): readonly HelpZone[] {
    return this.zones;
  }

  /** The status card (turn, who acts, every seat's AP) in canvas pixels. */
  statusCard(): { x: number; y: number; w: number; h: number } {
    return { ...this.card };
  }

  private text(
    x: number,
    y: number,
    s: string,
    size: number,
    opts: Partial<Phaser.Types.GameObjects.Text.TextStyle> = {},
  ): Phaser.GameObjects.Text {
    const t = this.add
      .text(x, y, s, { fontFamily: FONT, fontSize: `${size}px`, color: '#e8f1f7', fontStyle: '600', ...opts })
      .setResolution(2);
    this.objects.push(t);
    return t;
  }

  private draw(): void {
    const v = this.view;
    if (!v) return;
    const W = this.scale.width;
    const H = this.scale.height;
    // Redraw only when something shown has changed (text is costly to rasterise).
    const sig = JSON.stringify([
      W,
      H,
      v.turn,
      v.lastTurn,
      v.round,
      v.active,
      v.seats,
      v.tracks,
      v.partnerships,
      v.theaters,
      v.status,
      v.projector,
    ]);
    if (sig === this.sig) return;
    this.sig = sig;
    for (const o of this.objects) o.destroy();
    this.objects = [];
    this.zones = [];
    const big = v.projector;
    const band = hudHeight(big, W, H);
    const f = big ? 21 : 14;
    // Backgrounds first (depth −1), then bars and tokens, then text (creation order within a depth).
    const back = this.add.graphics().setDepth(-1);
    const g = this.add.graphics();
    this.objects.push(back, g);

    // Status card, top left of the map.
    const status = `Turn ${v.turn} of ${v.lastTurn} · Round ${v.round}`;
    const statusT = this.text(16, 10, status, f + 2, { fontStyle: '800' });
    let cardW = statusT.width + 32;
    if (v.active) {
      const tok = big ? 30 : 22;
      const ax = 20 + tok / 2;
      const ay = 14 + statusT.height + tok / 2;
      drawToken(g, v.active.shape, ax, ay, tok, v.active.colour, 0x000000);
      this.text(ax, ay, v.active.glyph, Math.round(tok * 0.5), {
        fontStyle: '800',
        color: inkFor(v.active.colour),
      }).setOrigin(0.5);
      const who = this.text(ax + tok / 2 + 8, ay, `${v.active.name} to act · ${v.active.ap} AP`, f + 1, {
        fontStyle: '800',
        color: css(v.active.colour),
      }).setOrigin(0, 0.5);
      cardW = Math.max(cardW, who.x + who.width - 16 + 16);
    } else {
      this.text(16, 14 + statusT.height, v.status || 'Game over', f + 1, { fontStyle: '800', color: '#f0e442' });
    }
    // Every seat's action points, passed seats dimmed.
    const chip = big ? 22 : 16;
    let sx = 20 + chip / 2;
    const sy = 14 + statusT.height + (big ? 30 : 22) + 8 + chip / 2;
    for (const s of v.seats) {
      drawToken(g, s.shape, sx, sy, chip, s.passed ? 0x555555 : s.colour, 0x000000);
      this.text(sx, sy, s.glyph, Math.round(chip * 0.55), { fontStyle: '800', color: inkFor(s.colour) }).setOrigin(0.5);
      const ap = this.text(sx + chip / 2 + 4, sy, s.passed ? 'passed' : `${s.ap} AP`, f - 2, {
        color: s.passed ? '#8fa3b3' : '#e8f1f7',
      }).setOrigin(0, 0.5);
      sx = ap.x + ap.width + chip / 2 + 12;
    }
    cardW = Math.max(cardW, sx - 8);
    back.fillStyle(PANEL, 0.82);
    const cardBottom = sy + chip / 2 + 8;
    back.fillRoundedRect(8, 6, cardW, cardBottom - 6, 8);
    this.card = { x: 8, y: 6, w: cardW, h: cardBottom - 6 };
    back.lineStyle(1, 0x29465c, 1);
    back.strokeRoundedRect(8, 6, cardW, cardBottom - 6, 8);

    // Bottom band.
    const top = H - band;
    const bg = back;
    bg.fillStyle(PANEL, 0.97);
    bg.fillRect(0, top, W, band);
    bg.lineStyle(2, 0x29465c, 1);
    bg.lineBetween(0, top, W, top);

    // Four blocks side by side, or two columns of two on a narrow screen.
    const narrow = W < NARROW && !big;
    const cols = narrow ? 2 : 4;
    const colW = (W - 24) / cols;
    const headH = big ? 22 : narrow ? 15 : 18;
    const rowH = narrow ? (band - 10 - 2 * headH) / 10 : (band - 12 - headH) / 5;
    const f2 = narrow ? 12 : H < 800 && !big ? 13 : f;
    const blocks = [
      { head: 'Tracks', rows: v.tracks.slice(0, 5) },
      { head: 'Crises & exports', rows: v.tracks.slice(5) },
      { head: 'Partnerships', rows: v.partnerships },
      { head: 'Theaters: deterrence vs pressure', rows: [] },
    ];
    const place = blocks.map((b, i) => {
      const col = narrow ? Math.floor(i / 2) : i;
      const y = top + 4 + (narrow && i % 2 ? headH + 5 * rowH : 0);
      // A heading longer than its column (narrow screens) is drawn smaller, never cut off.
      this.fit(
        this.text(12 + col * colW + 4, y, b.head.toUpperCase(), big ? 15 : narrow ? 10 : 11, {
          color: '#8fb3c9',
          fontStyle: '700',
        }),
        colW - 12,
      );
      return { x: 12 + col * colW, y: y + headH };
    });
    blocks
      .slice(0, 3)
      .forEach((b, i) =>
        b.rows.forEach((t, r) => this.trackRow(g, t, place[i]!.x, place[i]!.y + r * rowH, colW - 16, rowH, f2, narrow)),
      );
    v.theaters.forEach((t, i) => {
      const x = place[3]!.x + 4;
      const y = place[3]!.y + i * rowH;
      const w = colW - 16;
      const nameW = w * (narrow ? 0.46 : 0.4);
      const cy = y + rowH / 2;
      if (t.help) this.zones.push({ x, y, w, h: rowH, help: t.help });
      this.name(x, cy, t, f2 - 1, nameW - 6);
      const numW = big ? 46 : 34;
      this.text(x + nameW + numW - 4, cy, `D${t.deterrence}`, f2, { fontStyle: '800', color: '#9fd3f0' }).setOrigin(
        1,
        0.5,
      );
      this.text(x + w, cy, `P${t.pressure}`, f2, { fontStyle: '800', color: '#ffb38a' }).setOrigin(1, 0.5);
      const barX = x + nameW + numW;
      const barW = (w - nameW - 2 * numW) / 2;
      const h = Math.max(8, rowH * 0.46);
      // Deterrence grows left from the centre line, pressure right: the longer side is winning the theater.
      const scale = barW / 10;
      g.fillStyle(0x1b3345, 1);
      g.fillRect(barX, cy - h / 2, barW * 2, h);
      const d = Math.min(10, Math.max(0, t.deterrence));
      const p = Math.min(10, Math.max(0, t.pressure));
      g.fillStyle(DETER, 1);
      g.fillRect(barX + barW - d * scale, cy - h / 2, d * scale, h);
      g.fillStyle(PRESS, 1);
      g.fillRect(barX + barW, cy - h / 2, p * scale, h);
      g.lineStyle(2, 0xffffff, 1);
      g.lineBetween(barX + barW, cy - h / 2 - 3, barX + barW, cy + h / 2 + 3);
    });
  }

  /** A track's or theater's name in `w` pixels: its short form where the full one would have to shrink (it stays legible). */
  private name(x: number, y: number, t: { name: string; short?: string }, size: number, w: number): void {
    const text = this.text(x, y, t.name, size, { color: '#e8f1f7' }).setOrigin(0, 0.5);
    if (t.short && text.width > w) text.setText(t.short);
    this.fit(text, w);
  }

  /** Shrinks a text to fit a width (long names on narrow screens). */
  private fit(t: Phaser.GameObjects.Text, w: number): Phaser.GameObjects.Text {
    if (t.width > w && w > 0) t.setScale(w / t.width);
    return t;
  }

  private trackRow(
    g: Phaser.GameObjects.Graphics,
    t: TrackView,
    x: number,
    y: number,
    w: number,
    rowH: number,
    f: number,
    narrow: boolean,
  ): void {
    // On a phone the names take more of the row (shorter bars), so they stay legible.
    const nameW = w * (narrow ? 0.6 : 0.5);
    const cy = y + rowH / 2;
    const row = t.help ? { x, y, w, h: rowH, help: t.help } : null;
    this.name(x + 4, cy, t, f - 1, nameW - (narrow ? 30 : 36));
    const danger = t.danger && (t.danger.high ? t.value >= t.danger.at : t.value <= t.danger.at);
    // Long words ("untested") go inside the bar; numbers stand large beside it.
    const long = t.text !== undefined && t.text.length > 4;
    this.text(x + nameW, cy, long ? '?' : (t.text ?? String(t.value)), f + 3, {
      fontStyle: '800',
      color: danger ? '#ff8a5c' : '#ffffff',
    }).setOrigin(1, 0.5);
    const barX = x + nameW + 8;
    const barW = w - nameW - 10;
    const h = Math.max(8, rowH * 0.42);
    const span = t.max - t.min;
    g.fillStyle(0x1b3345, 1);
    g.fillRect(barX, cy - h / 2, barW, h);
    // A number shown as text ("3+•") still fills its bar; only a word ("untested") leaves it empty.
    if (!long) {
      const frac = span > 0 ? (t.value - t.min) / span : 0;
      g.fillStyle(danger ? PRESS : 0xe6e0c8, 1);
      g.fillRect(barX, cy - h / 2, barW * Math.max(0, Math.min(1, frac)), h);
    }
    // Ticks, one per step (every 5 on long tracks), so values can be counted.
    g.lineStyle(1, PANEL, 1);
    const step = span > 12 ? 5 : 1;
    for (let v = t.min + step; v < t.max; v += step) {
      const tx = barX + (barW * (v - t.min)) / span;
      g.lineBetween(tx, cy - h / 2, tx, cy + h / 2);
    }
    if (long) this.text(barX + 6, cy, t.text!, f - 2, { fontStyle: 'italic 600', color: '#cfe0ea' }).setOrigin(0, 0.5);
    if (t.danger) {
      const tx = barX + (barW * (t.danger.at - t.min - (t.danger.high ? 0.5 : -0.5))) / span;
      g.lineStyle(2, PRESS, 1);
      g.lineBetween(tx, cy - h / 2 - 3, tx, cy + h / 2 + 3);
      if (t.dangerHelp) this.zones.push({ x: tx - 5, y: cy - h / 2 - 4, w: 10, h: h + 8, help: t.dangerHelp });
    }
    if (row) this.zones.push(row);
  }
}
