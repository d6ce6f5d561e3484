/**
 * The board as plain data: everything the Phaser scene draws, already worded and coloured.
 * `presentBoard` (client) builds it from the game state; the scene knows no rules.
 */

/** A point as [longitude, latitude]; the scene projects it. */
export type LonLat = readonly [number, number];

/** A stack of one seat's units of one kind in a space. */
export interface UnitStackView {
  key: string;
  seat: string;
  /** Short unit name, e.g. "US carrier group". */
  name: string;
  /** Seat colour as 0xRRGGBB. */
  colour: number;
  /** Seat letter drawn on the token (colour is never the only cue). */
  glyph: string;
  shape: TokenShape;
  count: number;
  presence: number;
}

export type TokenShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon';

/** A marker pile in a space (gray-zone, fait accompli, port influence…). */
export interface MarkerView {
  key: string;
  name: string;
  colour: number;
  glyph: string;
  shape: TokenShape;
  count: number;
}

export interface SpaceView {
  id: string;
  name: string;
  kind: 'sea' | 'land';
  theater: string | null;
  theaterName: string | null;
  polygon: readonly LonLat[];
  /** Further outlines of the same space (Great Britain, Hokkaido, New Zealand…). */
  islands: readonly (readonly LonLat[])[];
  label: LonLat;
  /** Fill colour (by kind and theater). */
  fill: number;
  units: UnitStackView[];
  markers: MarkerView[];
  /** A legal target of the move being chosen. */
  highlighted: boolean;
  selected: boolean;
  /** Everything on the space in plain words, one line each, for the tooltip. */
  details: string[];
}

/** A link drawn on the board where the map alone would not show it (long routes, home-port links). */
export interface LinkView {
  a: string;
  b: string;
  label: string;
  /** Waypoints between the two spaces' label points, so a long route follows the sea. */
  via: readonly LonLat[];
}

/** An explanation shown on hover, and the rules reference section a click opens. */
export interface HelpView {
  text: string;
  section: string;
}

export interface TrackView {
  id: string;
  name: string;
  /** A shorter name where the band is narrow (a phone), when the name is long. */
  short?: string;
  value: number;
  min: number;
  max: number;
  /** Values at or beyond this are dangerous (drawn red), e.g. tension 8+. */
  danger?: { at: number; high: boolean };
  /** Shown instead of the number, e.g. "untested". */
  text?: string;
  /** What the track measures (its row and bar). */
  help?: HelpView;
  /** What its danger tick means. */
  dangerHelp?: HelpView;
}

export interface TheaterView {
  id: string;
  name: string;
  /** A shorter name where the band is narrow (a phone), when the name is long. */
  short?: string;
  deterrence: number;
  pressure: number;
  help?: HelpView;
}

export interface SeatBadge {
  seat: string;
  name: string;
  colour: number;
  glyph: string;
  shape: TokenShape;
  ap: number;
  passed: boolean;
}

export interface BoardView {
  scenarioName: string;
  turn: number;
  lastTurn: number;
  round: number;
  phase: string;
  /** The seat to act (or to answer a pending decision); null when the game is over. */
  active: SeatBadge | null;
  seats: SeatBadge[];
  spaces: SpaceView[];
  links: LinkView[];
  tracks: TrackView[];
  partnerships: TrackView[];
  theaters: TheaterView[];
  /** One-line status, e.g. "China may Lambaste NATO's Summit". */
  status: string;
  selected: string | null;
  /** Large type, no secrets (the scene draws bigger labels). */
  projector: boolean;
}

/** What the board tells the client; the only way out of the scene. */
export interface Intents {
  spaceClicked(id: string): void;
  spaceHovered(id: string | null): void;
  /** A track, bar or tick under the map was clicked: open the rules at its section. */
  helpClicked?(section: string): void;
}

/** What a mounted board answers to (mount-board.ts gives it, the client keeps it). */
export interface BoardHandle {
  update(view: BoardView): void;
  /** Move keyboard focus to a space (shows its tooltip); null hides it. */
  focusSpace(id: string | null): void;
  /** Canvas-pixel position of a space's label point (tests, tutorials). */
  screenPoint(id: string): [number, number] | null;
  /** Every space's label anchor in canvas pixels, whether its label hangs on a leader line, whether the map shows it now. */
  labelAnchors(): { id: string; x: number; y: number; leader: boolean; visible: boolean }[];
  /** The band's hover areas in canvas pixels (a track's row, a danger tick, a theater bar) and their text. */
  helpZones(): { x: number; y: number; w: number; h: number; text: string; section: string }[];
  /** The status card (turn, who acts, AP) in canvas pixels: the page keeps its own panels off it. */
  statusCard(): { x: number; y: number; w: number; h: number };
  /** Fit the whole map again (after the page changed the board's size, e.g. the White Cell's console opened). */
  resetView(): void;
  /** The space whose outline lies under a canvas point (the map itself, not the label boxes). */
  outlineAt(x: number, y: number): string | null;
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number): void;
  destroy(): void;
}

export interface MountOptions {
  intents: Intents;
  /** Called once the first view is on screen. */
  onDrawn?: () => void;
}
