/**
 * The Phaser half of mountBoard (loaded on demand, see mount-board.ts): the Phaser game (WebGL) with the
 * map and HUD scenes, a DOM tooltip, and keyboard control (arrows pan, +/− zoom, 0 resets, , and . step
 * through spaces, Enter picks).
 */
import Phaser from 'phaser';
import type { Topology } from 'topojson-specification';
import type { BoardHandle, BoardView, HelpView, Intents, MountOptions, SpaceView } from './board-view';
import { BoardScene } from './board-scene';
import { HudScene, hudHeight } from './hud-scene';

/** The coastlines, shipped in assets/map/ and fetched relative to the page (the client may be served under any path). */
async function loadAtlas(): Promise<Topology> {
  const url = new URL('map/countries-110m.json', document.baseURI);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`coastlines: ${url.pathname} answered ${res.status}`);
  return (await res.json()) as Topology;
}

/** Mounts the board in `parent` (which should have a size). Resolves once Phaser has booted. */
export async function mountPhaserBoard(
  parent: HTMLElement,
  first: BoardView,
  opts: MountOptions,
): Promise<BoardHandle> {
  const atlas = await loadAtlas();
  let view = first;
  parent.classList.add('board-host');
  parent.tabIndex = 0;
  parent.setAttribute('role', 'application');
  parent.setAttribute(
    'aria-label',
    'Map. Arrow keys pan, plus and minus zoom, 0 resets the view, comma and period step through the spaces, Enter picks the focused space.',
  );
  const tooltip = document.createElement('div');
  tooltip.className = 'board-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.id = 'board-tooltip';
  tooltip.hidden = true;
  parent.appendChild(tooltip);
  const live = document.createElement('div');
  live.className = 'sr-only';
  live.setAttribute('aria-live', 'polite');
  parent.appendChild(live);

  let lastPointer: [number, number] | null = null;
  /** The tooltip at a point: a bold head (a space's name) and lines, or hidden. */
  const tip = (head: string | null, lines: readonly string[], at: [number, number] | null): void => {
    if (!at) {
      tooltip.hidden = true;
      return;
    }
    tooltip.replaceChildren();
    if (head) {
      const h = document.createElement('strong');
      h.textContent = head;
      tooltip.appendChild(h);
    }
    for (const line of lines) {
      const p = document.createElement('div');
      p.textContent = line;
      tooltip.appendChild(p);
    }
    tooltip.hidden = false;
    const pw = parent.clientWidth;
    const tw = tooltip.offsetWidth;
    const x = Math.min(Math.max(4, at[0] + 16), pw - tw - 4);
    tooltip.style.left = `${x}px`;
    // Under the map's band the tooltip opens upwards, so it stays on the canvas.
    const th = tooltip.offsetHeight;
    const y = at[1] + 16 + th > parent.clientHeight ? at[1] - th - 12 : at[1] + 16;
    tooltip.style.top = `${Math.max(4, y)}px`;
  };
  const showTip = (space: SpaceView | undefined, at: [number, number] | null): void =>
    tip(space?.name ?? null, space?.details ?? [], space ? at : null);
  /** The band's explanation under the pointer (a track, bar or tick), shown instead of a space's. */
  let helpShown: HelpView | null = null;
  const showHelp = (help: HelpView | null, at: [number, number] | null): void => {
    if (help === helpShown && (!help || !tooltip.hidden)) return;
    helpShown = help;
    tooltip.classList.toggle('help', help !== null);
    tip(null, help ? [help.text, 'Click to read more in the rules reference.'] : [], help ? at : null);
  };

  const intents: Intents = {
    spaceClicked: (id) => opts.intents.spaceClicked(id),
    spaceHovered: (id) => {
      // Over the band the track's explanation stays.
      if (!helpShown) showTip(id ? board.spaceView(id) : undefined, lastPointer);
      opts.intents.spaceHovered(id);
    },
  };
  const board = new BoardScene({
    intents,
    atlas,
    onDrawn: opts.onDrawn,
    hudHeight: () => hudHeight(view.projector, parent.clientWidth, parent.clientHeight),
  });
  const hud = new HudScene();
  board.setView(view);
  hud.setView(view);

  parent.addEventListener('pointermove', (e) => {
    const r = parent.getBoundingClientRect();
    lastPointer = [e.clientX - r.left, e.clientY - r.top];
    const help = hud.helpAt(lastPointer[0], lastPointer[1]);
    if (help || helpShown) showHelp(help, lastPointer);
  });
  parent.addEventListener('pointerleave', () => {
    lastPointer = null;
    helpShown = null;
    tooltip.hidden = true;
  });
  parent.addEventListener('click', (e) => {
    const r = parent.getBoundingClientRect();
    const help = hud.helpAt(e.clientX - r.left, e.clientY - r.top);
    if (help) opts.intents.helpClicked?.(help.section);
  });

  const game = await new Promise<Phaser.Game>((resolve) => {
    const g = new Phaser.Game({
      type: Phaser.WEBGL,
      parent,
      backgroundColor: '#0b2236',
      // Smooth filtering: labels and the baked map are drawn smaller than their textures when zoomed out.
      antialias: true,
      scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 600 },
      scene: [board, hud],
      banner: false,
      audio: { noAudio: true },
      callbacks: { postBoot: () => resolve(g) },
    });
  });

  // A board game is still most of the time: the render loop sleeps when nothing happens, and any
  // input or new state wakes it (saves CPU and battery; the canvas keeps its last frame).
  let idle: ReturnType<typeof setTimeout> | undefined;
  let asleep = false;
  const wake = (): void => {
    if (asleep) {
      game.loop.wake();
      asleep = false;
    }
    clearTimeout(idle);
    idle = setTimeout(() => {
      game.loop.sleep();
      asleep = true;
    }, 1500);
  };
  for (const type of ['pointerdown', 'pointermove', 'wheel', 'keydown', 'touchstart'] as const)
    parent.addEventListener(type, wake, { capture: true, passive: true });
  wake();

  const order = (): string[] =>
    [...view.spaces].sort((a, b) => a.label[0] - b.label[0] || b.label[1] - a.label[1]).map((s) => s.id);
  const focusSpace = (id: string | null): void => {
    board.focusSpace(id);
    const s = id ? board.spaceView(id) : undefined;
    showTip(s, id ? board.screenPoint(id) : null);
    if (s) live.textContent = `${s.name}${s.highlighted ? ', a legal target' : ''}. ${s.details.join('. ')}`;
  };
  const onKey = (e: KeyboardEvent): void => {
    const step = 80;
    switch (e.key) {
      case 'ArrowLeft':
        board.panBy(-step, 0);
        break;
      case 'ArrowRight':
        board.panBy(step, 0);
        break;
      case 'ArrowUp':
        board.panBy(0, -step);
        break;
      case 'ArrowDown':
        board.panBy(0, step);
        break;
      case '+':
      case '=':
        board.zoomBy(1.25);
        break;
      case '-':
      case '_':
        board.zoomBy(1 / 1.25);
        break;
      case '0':
        board.resetView();
        break;
      case '.':
      case ',': {
        const ids = order();
        const cur = board.focusedSpace();
        const i = cur ? ids.indexOf(cur) : -1;
        const next = e.key === '.' ? ids[(i + 1) % ids.length] : ids[(i - 1 + ids.length) % ids.length];
        focusSpace(next ?? null);
        break;
      }
      case 'Enter':
      case ' ': {
        const cur = board.focusedSpace();
        if (!cur) return;
        opts.intents.spaceClicked(cur);
        break;
      }
      case 'Escape':
        focusSpace(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  parent.addEventListener('keydown', onKey);
  parent.addEventListener('blur', () => {
    if (board.focusedSpace()) showTip(undefined, null);
  });
  // Phaser's RESIZE mode follows the parent; a ResizeObserver catches layout changes that are not window resizes.
  /** The page asked for the whole map after changing the board's size (BoardHandle.resetView). */
  let refit = false;
  const ro = new ResizeObserver(() => {
    wake();
    // RESIZE mode follows the window; a grid column change needs an explicit refresh.
    game.scale.refresh();
    game.scale.resize(parent.clientWidth, parent.clientHeight);
    if (refit) board.resetView();
    refit = false;
  });
  ro.observe(parent);

  const handle: BoardHandle = {
    update(next) {
      wake();
      const projectorChanged = next.projector !== view.projector;
      view = next;
      board.setView(next);
      hud.setView(next);
      if (projectorChanged) board.resetView();
      const f = board.focusedSpace();
      if (f && !tooltip.hidden) showTip(board.spaceView(f), board.screenPoint(f));
    },
    focusSpace: (id) => {
      wake();
      focusSpace(id);
    },
    screenPoint: (id) => board.screenPoint(id),
    labelAnchors: () => board.labelAnchors(),
    helpZones: () => hud.helpZones().map((z) => ({ ...z, text: z.help.text, section: z.help.section })),
    statusCard: () => hud.statusCard(),
    resetView: () => {
      wake();
      board.resetView();
      // The page's layout change reaches the canvas with the next resize: fit the map again then.
      refit = true;
    },
    outlineAt: (x, y) => board.outlineAt(x, y),
    panBy: (dx, dy) => {
      wake();
      board.panBy(dx, dy);
    },
    zoomBy: (f) => {
      wake();
      board.zoomBy(f);
    },
    destroy() {
      clearTimeout(idle);
      ro.disconnect();
      parent.removeEventListener('keydown', onKey);
      game.destroy(true);
      tooltip.remove();
      live.remove();
    },
  };
  // Read-only hook on the host element for end-to-end tests (label anchors, outlines), never for play.
  Object.defineProperty(parent, 'eatBoard', { value: handle, configurable: true });
  return handle;
}
