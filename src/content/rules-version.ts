/**
 * The rules' version. v2 binds the two fronts (docs/RULES.md §11); v3 is v2 after its third balance pass
 * (docs/BALANCE.md §10). A game saved under other rules does not replay to the same state, so a save file
 * records this number and a different one is refused.
 */
export const RULES_VERSION = 3;
