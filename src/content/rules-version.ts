/**
 * The rules' version. v2 binds the two fronts (docs/RULES.md §11); v3 is v2 after its third balance pass
 * (docs/BALANCE.md §10); v4 merges South Korea's direct and indirect transfers into one move, Shells for
 * Ukraine, whose route is its argument (docs/BALANCE.md §12); v5 calls UN Command only while the North threatens
 * and makes China's quarantine of Taiwan a declared blockade, a defied one a climb-down (docs/BALANCE.md §13); v6
 * (docs/BALANCE.md §15) makes South Korea's export made while the North threatens, before this turn's nonproliferation
 * conference, take the army's own guns, and a Japanese FONOP in the South China Sea cost Japan margin while North
 * Korea's missiles overfly it; v7 (docs/BALANCE.md §16) counts that FONOP's cost as a firing of its special in the
 * state. A game saved under other rules does not replay to the same state, so a save file records this number and a
 * different one is refused.
 */
export const RULES_VERSION = 7;
