/**
 * `npm run validate -- FILE... [--json]`: check scenario files. Prints `OK file` for each good file and
 * every problem of a bad one as `file: $.path: message` (`--json`: one array of `{ file, ok, problems }`
 * on stdout). Exit 0 all good, 1 any problem, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { loadScenarioFile } from '../content/scenario';
import { parseCommandLine, UsageError, withUsage } from './args';
import { runAsScript } from './run-as-script';

const USAGE = `usage: npm run validate -- FILE.json [FILE.json ...] [--json]
  checks scenario files against the scenario format and the game content; exits 1 if any file has a problem
  --json: [{ "file", "ok", "unreadable"?, "problems": [{ "path", "message" }] }] on stdout instead of lines`;

export interface FileVerdict {
  file: string;
  ok: boolean;
  /** Why the file could not be read (then there are no problems to point at). */
  unreadable?: string;
  problems: { path: string; message: string }[];
}

/** Every file's verdict. */
export function validateFiles(files: readonly string[]): FileVerdict[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? e);
      return { file, ok: false, unreadable: `cannot read the file (${why})`, problems: [] };
    }
    const result = loadScenarioFile(text, file);
    return { file, ok: result.ok, problems: result.ok ? [] : result.problems };
  });
}

export function main(argv: string[]): Promise<number> {
  return withUsage('validate', USAGE, argv, (a) => {
    const { values, positionals } = parseCommandLine(a, { json: { type: 'boolean' } }, true);
    if (positionals.length === 0) throw new UsageError('FILE.json is required');
    const verdicts = validateFiles(positionals);
    const failed = verdicts.filter((v) => !v.ok).length;
    if (values.json) process.stdout.write(`${JSON.stringify(verdicts)}\n`);
    else {
      for (const v of verdicts) {
        if (v.ok) console.log(`OK ${v.file}`);
        if (v.unreadable) console.error(`${v.file}: ${v.unreadable}`);
        for (const p of v.problems) console.error(`${v.file}: ${p.path}: ${p.message}`);
      }
      if (verdicts.length > 1)
        (failed ? console.error : console.log)(`${verdicts.length - failed} of ${verdicts.length} files OK`);
    }
    return failed ? 1 : 0;
  });
}

runAsScript(import.meta.url, 'validate', main);
