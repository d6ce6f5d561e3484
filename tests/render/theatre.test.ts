/** The theatre map's layout: computed once, every label anchored inside its space, no two labels meeting. */
import { describe, expect, it } from 'vitest';
import { MAP } from '../../src/content/map';
import { layoutTheatre, overlaps, spaceUnder } from '../../src/render/theatre';

const shapes = MAP.spaces.map((s) => ({ ...s, islands: s.islands ?? [] }));
const layout = layoutTheatre(shapes);
const placed = [...layout.spaces.values()];

describe('the theatre layout', () => {
  it('places every space of the map', () => {
    expect(placed.map((s) => s.id).sort()).toEqual(MAP.spaces.map((s) => s.id).sort());
  });

  it.each(placed.map((s) => [s.id, s] as const))('anchors %s inside its own space', (id, s) => {
    expect(spaceUnder(layout, s.anchor[0], s.anchor[1])).toBe(id);
  });

  it.each(placed.filter((s) => !s.leader).map((s) => [s.id, s] as const))(
    'keeps the label box of %s inside the space (its four corners are the space)',
    (id, s) => {
      const { x, y, w, h } = s.box;
      for (const [cx, cy] of [
        [x + 1, y + 1],
        [x + w - 1, y + 1],
        [x + 1, y + h - 1],
        [x + w - 1, y + h - 1],
      ] as const)
        expect(spaceUnder(layout, cx, cy)).toBe(id);
    },
  );

  it('never lets two label boxes meet, nor a box cover another space’s anchor', () => {
    for (const a of placed)
      for (const b of placed) {
        if (a === b) continue;
        expect(overlaps(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
        const [x, y] = b.anchor;
        const inBox = x > a.box.x && x < a.box.x + a.box.w && y > a.box.y && y < a.box.y + a.box.h;
        expect(inBox, `${a.id} covers ${b.id}'s anchor`).toBe(false);
      }
  });

  it('keeps leaders short and every box on its own panel', () => {
    for (const s of placed) {
      const f = layout.panels.find((p) => p.id === s.panel)!.frame;
      expect(
        s.box.x >= f.x && s.box.y >= f.y && s.box.x + s.box.w <= f.x + f.w && s.box.y + s.box.h <= f.y + f.h,
        s.id,
      ).toBe(true);
      const cx = Math.max(s.box.x, Math.min(s.anchor[0], s.box.x + s.box.w));
      const cy = Math.max(s.box.y, Math.min(s.anchor[1], s.box.y + s.box.h));
      expect(Math.hypot(cx - s.anchor[0], cy - s.anchor[1]), s.id).toBeLessThan(260);
    }
  });

  it('is the same layout every time (nothing depends on the order of redraws)', () => {
    const again = layoutTheatre(shapes);
    for (const s of placed) expect(again.spaces.get(s.id)!.box).toEqual(s.box);
  });

  it('gives the Indo-Pacific panel most of the board', () => {
    const [main, ...insets] = layout.panels;
    const area = (f: { w: number; h: number }) => f.w * f.h;
    const covered = insets.reduce((n, p) => n + area(p.frame), 0);
    expect((area(main!.frame) - covered) / area(layout.bounds)).toBeGreaterThan(0.7);
  });
});
