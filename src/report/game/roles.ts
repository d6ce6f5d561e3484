/** A role in words, for every export of the report. */
import type { Role } from '../../content/ids';
import { SEAT_NAMES } from '../../rules';

/** "China", "NATO", "White Cell" … for a role; "Game" for what no role did. */
export function roleName(role: Role | null): string {
  if (role === null) return 'Game';
  return role === 'white' ? 'White Cell' : SEAT_NAMES[role];
}
