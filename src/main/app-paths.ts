import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DECK_FOLDER, deckArgument } from './deck-argument';

export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  /** The ceremony deck that comes with the app: the welcome window's Sample Deck. */
  bundledDeckDir: string;
  /** What the welcome window's New Deck copies. */
  templateDir: string;
}

export interface AppRoots {
  /** `app.getAppPath()`: the repository in a checkout, `…/resources/app.asar` in a packaged app. */
  appRoot: string;
  /** `process.resourcesPath`: where electron-builder's `extraResources` land beside app.asar. */
  resourcesPath: string;
  packaged: boolean;
}

/**
 * Every path the app loads, for a checkout or a packaged app. The deck is an `extraResources`
 * folder, not inside the asar, because the deck watcher and the asset protocol stream its files
 * with plain `fs` calls, which Electron's asar shim only partly supports.
 */
export function resolveAppPaths({ appRoot, resourcesPath, packaged }: AppRoots): AppPaths {
  return {
    rendererDir: join(appRoot, 'out', 'renderer'),
    preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
    bundledDeckDir: packaged ? join(resourcesPath, 'slides') : join(appRoot, 'slides'),
    templateDir: packaged ? join(resourcesPath, 'templates', 'basic') : join(appRoot, 'resources', 'templates', 'basic'),
  };
}

/**
 * The deck to open: the one the command line names, else `slides/` in the working folder; null
 * when there is neither, and the app opens its welcome window (a packaged app started from a menu).
 */
export function firstDeckPath(argv: readonly string[], cwd: string): string | null {
  const named = deckArgument(argv, cwd);
  if (named !== null) return named;
  const workingFolderDeck = join(cwd, DEFAULT_DECK_FOLDER);
  return existsSync(workingFolderDeck) ? workingFolderDeck : null;
}

// Every file of src/main is bundled into out/main/index.js, so the app root is two folders up
// from that file, in a checkout and inside app.asar alike.
const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The paths of the running app; `resourcesPath` and `packaged` come from Electron. */
export function appPathsHere(resourcesPath: string, packaged: boolean): AppPaths {
  return resolveAppPaths({ appRoot: APP_ROOT, resourcesPath, packaged });
}

const HERE = appPathsHere(APP_ROOT, false);
export const RENDERER_DIR = HERE.rendererDir;
export const PRELOAD_PATH = HERE.preloadPath;
