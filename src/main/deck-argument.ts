import { resolve } from 'node:path';

export const DECK_SWITCH = '--deck';
/** Where the app looks when it is started without `--deck`, as `npm start` in the repository does. */
export const DEFAULT_DECK_FOLDER = 'slides';

/**
 * The deck to open, from `--deck=<path>` or `--deck <path>` (the CLI passes an absolute path),
 * else `slides` in the working folder.
 */
export function deckPathFromArgv(argv: readonly string[], cwd: string): string {
  return deckArgument(argv, cwd) ?? resolve(cwd, DEFAULT_DECK_FOLDER);
}

/**
 * The deck `--deck=<path>` or `--deck <path>` names, resolved; null when there is none. Scans the
 * whole command line because where the app's own arguments start differs between
 * `electron out/main/index.js …` and a packaged app.
 */
export function deckArgument(argv: readonly string[], cwd: string): string | null {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument.startsWith(`${DECK_SWITCH}=`)) {
      const value = argument.slice(DECK_SWITCH.length + 1);
      if (value !== '') return resolve(cwd, value);
    } else if (argument === DECK_SWITCH) {
      const value = argv[index + 1];
      if (value !== undefined && value !== '' && !value.startsWith('--')) return resolve(cwd, value);
    }
  }
  return null;
}
