/**
 * The saved game as the report reads it: the one `eat-save/1` shape of src/content/save-file.ts,
 * with the White Cell's actions as seat `white`.
 */
import type { SaveAction, SaveFile } from '../content/save-file';

export type SavedAction = SaveAction;
export type SavedGame = SaveFile;
