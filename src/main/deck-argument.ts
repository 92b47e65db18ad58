import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DECK_SWITCH = '--deck';
/** Where the app looks when it is started without `--deck`, as `npm start` in the repository does. */
export const DEFAULT_DECK_FOLDER = 'slides';

/**
 * The deck the command line names, resolved; null when it names none. `--deck=<path>` or
 * `--deck <path>` (the CLI passes an absolute path; a Linux desktop entry, `--deck %U`, may pass a
 * `file://` URL), else a bare `.md` path, which is how Windows' "Open with" passes the file. Scans
 * the whole command line because where the app's own arguments start differs between
 * `electron out/main/index.js …` and a packaged app.
 */
export function deckArgument(argv: readonly string[], cwd: string): string | null {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument.startsWith(`${DECK_SWITCH}=`)) {
      const value = argument.slice(DECK_SWITCH.length + 1);
      if (value !== '') return deckPath(value, cwd);
    } else if (argument === DECK_SWITCH) {
      const value = argv[index + 1];
      if (value !== undefined && value !== '' && !value.startsWith('--')) return deckPath(value, cwd);
    }
  }
  const bare = argv.slice(1).findLast((argument) => !argument.startsWith('-') && /\.md$/i.test(argument));
  return bare === undefined ? null : deckPath(bare, cwd);
}

function deckPath(value: string, cwd: string): string {
  return value.startsWith('file://') ? fileURLToPath(value) : resolve(cwd, value);
}
