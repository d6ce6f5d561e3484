/** The one source of chance in the rules: boardgame.io's `random.Number()` or, headless, an alea stream with the same seed. */
export interface Dice {
  /** A float in [0, 1), as boardgame.io's `random.Number()`. */
  number(): number;
}

/** A d6 the way boardgame.io rolls one (`Math.floor(r * 6) + 1`), so headless and engine play agree. */
export function d6(dice: Dice): number {
  return Math.floor(dice.number() * 6) + 1;
}

/** Fisher–Yates as boardgame.io's Shuffle does it, on a copy. */
export function shuffle<T>(dice: Dice, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(dice.number() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Pick one element; `items` must be non-empty. */
export function pick<T>(dice: Dice, items: readonly T[]): T {
  return items[Math.floor(dice.number() * items.length)] as T;
}
