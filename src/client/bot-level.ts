/** Our difficulty numbers (1–6, 7 = expert) as the AI's bot levels. */
import type { BotLevel } from '../ai/difficulty';

export function botLevel(level: number): BotLevel {
  return level >= 7 ? 'expert' : (Math.max(1, Math.min(6, Math.round(level))) as BotLevel);
}
