/** How the online pages name seats, bots and clocks (the game's words, GLOSSARY.md). */
import { botWords, parseBotSpec } from '../../content/bot-spec';
import type { Role, Seat, Variant } from '../../content/ids';
import { PLAYERS_BY_VARIANT, SEAT_STYLE } from '../../content/seats';
import type { SetupData } from '../../rules';
import { h, seatChip } from '../dom';
import type { ClockOptions, MatchInfo, SeatInfo } from './api';

/** The roles a playerID holds in a match of this setup (the White Cell is the last player). */
export function seatRoles(setup: SetupData, playerID: string | number): Role[] {
  const i = Number(playerID);
  const groups = PLAYERS_BY_VARIANT[setup.variant as Variant];
  if (i < groups.length) return groups[i]!;
  return setup.whiteCell && i === groups.length ? ['white'] : [];
}

export function roleName(r: Role): string {
  return r === 'white' ? 'White Cell' : SEAT_STYLE[r].name;
}

export function seatLabel(setup: SetupData, playerID: string | number): string {
  return seatRoles(setup, playerID).map(roleName).join(' + ') || `Player ${playerID}`;
}

export function seatChips(setup: SetupData, playerID: string | number): HTMLElement[] {
  return seatRoles(setup, playerID).map((r) =>
    r === 'white'
      ? seatChip('#f5f5f5', 'W', 'White Cell')
      : seatChip(SEAT_STYLE[r as Seat].css, SEAT_STYLE[r as Seat].glyph, SEAT_STYLE[r as Seat].name),
  );
}

export function levelWords(level: string): string {
  return botWords(parseBotSpec(level, 'bot level'));
}

export function clockWords(c: ClockOptions | undefined): string {
  if (!c) return 'no clock';
  const t = durationWords(c.seconds);
  return `${c.mode === 'turn' ? `${t} per turn` : `${t} per player`}, then ${c.onTimeout === 'pass' ? 'pass' : 'a bot plays'}`;
}

export function durationWords(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

/** mm:ss (or h:mm:ss) of a time left in ms. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

export type SeatKind = 'bot' | 'stand-in' | 'player' | 'open';

export function seatKind(m: MatchInfo, s: SeatInfo): SeatKind {
  if (m.options.bots[String(s.id)]) return 'bot';
  if (!s.name) return 'open';
  return m.options.standIns?.[String(s.id)] ? 'stand-in' : 'player';
}

/** Who holds a seat, in words. */
export function holderWords(m: MatchInfo, s: SeatInfo): string {
  const id = String(s.id);
  switch (seatKind(m, s)) {
    case 'bot':
      return `Bot (${levelWords(m.options.bots[id]!.level)})`;
    case 'open':
      return 'Open seat';
    case 'stand-in':
      return `${s.name} — a bot (${levelWords(m.options.standIns![id]!.level)}) stands in`;
    case 'player':
      return s.name!;
  }
}

/** A dot that says whether a seat's player is connected (shape and words, not colour alone). */
export function presenceDot(connected: boolean | undefined): HTMLElement {
  return h('span', {
    class: `presence ${connected ? 'on' : 'off'}`,
    text: connected ? '● online' : '○ away',
    attrs: { title: connected ? 'connected now' : 'not connected' },
  });
}

export function ago(ms: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}
