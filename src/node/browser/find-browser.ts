import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PodiumError } from '../../shared/errors';

/** Where Chromium-family browsers are usually installed, by platform. */
const INSTALL_PATHS: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

export const NO_BROWSER_MESSAGE =
  'no Chromium-family browser found: install Chromium or Google Chrome (e.g. `apt-get install chromium`), ' +
  'or pass --browser PATH (or set CHROME_PATH)';

export interface FindBrowserOptions {
  /** `--browser PATH`: used as given, and an error if it does not exist. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** Finds a Chromium-family browser: `--browser`, else `CHROME_PATH`, else the usual install paths. */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  for (const [given, source] of [
    [options.explicit, '--browser'],
    [env.CHROME_PATH, 'CHROME_PATH'],
  ] as const) {
    if (!given) continue;
    if (isExecutable(given)) return given;
    throw new PodiumError('environment', `${source} ${given} is not an executable browser`);
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => PATH_NAMES.map((name) => join(dir, name)));
  const found = [...(INSTALL_PATHS[platform] ?? []), ...onPath].find(isExecutable);
  if (!found) throw new PodiumError('environment', NO_BROWSER_MESSAGE);
  return found;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
