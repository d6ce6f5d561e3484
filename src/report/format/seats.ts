/** Seat colours and line patterns for every report chart: the board's own palette, never retyped. */
import type { Seat } from '../../content/ids';
import { SEAT_STYLE } from '../../content/seats';

/** A seat's CSS colour (the Okabe–Ito palette of content/seats.ts); grey for anything that is not a seat. */
export function seatColour(seat: string): string {
  return seat in SEAT_STYLE ? SEAT_STYLE[seat as Seat].css : '#555';
}

/** A dash pattern per seat, so colour is never the only cue on a line chart (China's line is solid). */
export const SEAT_DASH: Record<Seat, string | undefined> = {
  china: undefined,
  nato: '6 3',
  japan: '2 2',
  korea: '8 3 2 3',
};
