/** The saved-game file (issue 2 item 7): one schema for every reader, in src/content/save-file.ts. */
export {
  SAVE_FORMAT,
  SaveFileError,
  parseSaveFile,
  saveActionSchema,
  saveFileSchema,
  type SaveAction,
  type SaveFile,
} from '../content/save-file';
