import { createRequire } from 'node:module';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import { READY_ATTRIBUTE } from '../../src/shared/api';
import { REPO_ROOT } from '../support/podium-cli';

/**
 * The `_electron` suite's way into the real app: it launches the built main process
 * (out/main/index.js) in the Electron binary, drives the menus and native dialogs from the main
 * process (the one place Playwright reaches them), and skips loudly where there is no binary.
 */

/** The `electron` package exports its binary's path, and throws when the binary was never installed. */
function electronBinaryMissing(): string | null {
  try {
    createRequire(import.meta.url)('electron');
    return null;
  } catch (error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  }
}

/** Skips the calling test, in one line of the run's output as well as in the report. */
export function skipWithoutElectron(file: string): void {
  const missing = electronBinaryMissing();
  if (missing === null) return;
  const reason = `Electron binary not installed (${missing}); install it with npm ci on a machine that can download it`;
  // The binary cannot be downloaded on every machine (see README, Without the Electron binary);
  // there the suite cannot run at all, and the run's output says so per file.
  console.log(`SKIPPED ${file}: ${reason}`);
  // Skipped, not failed: no Electron binary on this machine (reason above); desktop.yml runs it.
  test.skip(true, reason);
}

export interface RunningApp {
  app: ElectronApplication;
  /** The deck window, once reveal.js has laid the deck out. */
  window: Page;
  close(): Promise<void>;
}

/** Starts Podium on `deck` with a profile of its own, as `podium app DECK` does. */
export async function launchPodium(deck: string): Promise<RunningApp> {
  const podium = await launchPodiumIn(REPO_ROOT, [`--deck=${deck}`]);
  await waitUntilPresented(podium.window);
  return podium;
}

/**
 * Starts Podium with no deck in `cwd` (a folder without `slides/`), as a packaged app started
 * from a menu: it shows its welcome window.
 */
export function launchPodiumWithoutDeck(cwd: string): Promise<RunningApp> {
  return launchPodiumIn(cwd, []);
}

async function launchPodiumIn(cwd: string, deckArgs: string[]): Promise<RunningApp> {
  const profile = await mkdtemp(join(tmpdir(), 'podium-electron-profile-'));
  // Chromium refuses to start as root with its sandbox on (CI runs as root).
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    args: [...rootOnly, join(REPO_ROOT, 'out', 'main', 'index.js'), ...deckArgs],
    cwd,
    // The app's userData lives under these: a test never reads or writes the person's recent decks.
    env: { ...process.env, XDG_CONFIG_HOME: profile, HOME: profile, APPDATA: profile },
  });
  const window = await app.firstWindow();
  return {
    app,
    window,
    close: async () => {
      await app.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Starts Podium on a copy of `source` in a folder of its own, removed on close: tests may write to it. */
export async function launchPodiumOnCopy(source: string): Promise<RunningApp & { deck: string }> {
  const base = await mkdtemp(join(tmpdir(), 'podium-electron-deck-'));
  const deck = join(base, 'deck');
  await cp(source, deck, { recursive: true, verbatimSymlinks: true });
  const podium = await launchPodium(deck);
  return {
    ...podium,
    deck,
    close: async () => {
      await podium.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}

export async function waitUntilPresented(window: Page): Promise<void> {
  await window.waitForSelector(`html[${READY_ATTRIBUTE}]`, { state: 'attached', timeout: 30_000 });
}

/** Clicks a menu item by its labels (`['File', 'Open Deck…']`) as the person would, for `window`. */
export async function clickMenu(app: ElectronApplication, labels: string[], window: Page): Promise<void> {
  const windowUrl = window.url();
  await app.evaluate(
    ({ BrowserWindow, Menu }, { labels, windowUrl }) => {
      let items = Menu.getApplicationMenu()?.items ?? [];
      let item;
      for (const label of labels) {
        item = items.find((candidate) => candidate.label === label);
        if (!item) throw new Error(`no menu item ${labels.join(' ▸ ')}: ${label} is not among ${items.map((i) => i.label).join(', ')}`);
        items = item.submenu?.items ?? [];
      }
      const target = BrowserWindow.getAllWindows().find((candidate) => candidate.webContents.getURL() === windowUrl);
      item?.click(undefined, target, target?.webContents);
    },
    { labels, windowUrl },
  );
}

/** The next native dialog of that kind answers `answer` instead of waiting for a person. */
export async function answerNextDialog(
  app: ElectronApplication,
  kind: 'showOpenDialog' | 'showSaveDialog',
  answer: { canceled: boolean; filePaths?: string[]; filePath?: string },
): Promise<void> {
  await app.evaluate(
    ({ dialog }, { kind, answer }) => {
      const original = dialog[kind];
      (dialog as unknown as Record<string, unknown>)[kind] = async () => {
        (dialog as unknown as Record<string, unknown>)[kind] = original;
        return answer;
      };
    },
    { kind, answer },
  );
}

/** reveal.js's slide count in a presented window. */
export function totalSlides(window: Page): Promise<number> {
  // A string, not a function: this file is type-checked without the DOM library.
  return window.evaluate('window.Reveal.getTotalSlides()') as Promise<number>;
}
