import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import type { Deck } from '../../src/shared/deck/model';
import type * as FakeElectron from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

// src/main/index.ts as Electron runs it: imported once per test, on a fresh module registry, with
// the command line `podium app DECK` gives it. The fake is the mocked `electron` itself, which
// vi.resetModules keeps, reset before each start.

let base: string;
let appData: string;
let savedArgv: string[];
let electron: typeof FakeElectron;

async function makeDeck(name: string, title: string): Promise<string> {
  const folder = join(base, name);
  await mkdir(folder);
  await writeFile(join(folder, '01-intro.md'), `# ${title}\n`);
  return folder;
}

/** Starts the app on `deck`; `before` runs on the fresh fake first, as the machine it starts on. */
async function startPodium(deck: string | null, before: (fake: typeof FakeElectron) => void = () => {}): Promise<void> {
  process.argv = [...savedArgv.slice(0, 1), 'out/main/index.js', ...(deck === null ? [] : [`--deck=${deck}`])];
  vi.resetModules();
  electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetFakeElectron();
  electron.app.paths.set('appData', appData);
  before(electron);
  await import('../../src/main/index');
}

async function openDeckTitle(): Promise<string> {
  const loadDeck = electron.ipcMain.handlers.get(IPC_CHANNELS.loadDeck);
  if (!loadDeck) throw new Error('the app registered no loadDeck handler');
  const deck = (await loadDeck(electron.invokeEventFromMainFrame({ url: 'podium://app/index.html' }))) as Deck;
  return deck.title;
}

async function deckWindowShown(): Promise<FakeElectron.BrowserWindow> {
  await vi.waitFor(() => expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1));
  return electron.BrowserWindow.getAllWindows()[0] as FakeElectron.BrowserWindow;
}

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-startup-'));
  appData = join(base, 'config');
  await mkdir(appData);
  savedArgv = process.argv;
});

afterEach(async () => {
  // Stops the deck watcher, as quitting does.
  electron.app.emit('will-quit');
  process.argv = savedArgv;
  // The recent decks may still be being written into appData: rm retries ENOTEMPTY.
  await rm(base, { recursive: true, force: true, maxRetries: 5 });
});

describe('starting the app', () => {
  it('names it Podium and gives it its own userData before the lock and before ready', async () => {
    await startPodium(await makeDeck('talk', 'Talk'));
    const userData = join(appData, 'Podium');
    expect(electron.app.calls).toEqual([
      'setName Podium',
      `setPath userData ${userData}`,
      `requestSingleInstanceLock in ${userData}`,
    ]);
    await electron.app.emitReady();
    expect(electron.app.getName()).toBe('Podium');
    expect(electron.app.getPath('userData')).toBe(userData);
  });

  it('sends the deck it was asked for with the single-instance lock', async () => {
    const talk = await makeDeck('talk', 'Talk');
    await startPodium(talk);
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledWith({ deck: talk });
  });

  describe('when a Podium is already running', () => {
    it('quits at once, before registering anything or opening a window', async () => {
      await startPodium(await makeDeck('talk', 'Talk'), (fake) => {
        fake.app.secondInstanceLockHeldElsewhere = true;
      });
      expect(electron.app.quit).toHaveBeenCalled();
      expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
      expect(electron.app.listenerCount('second-instance')).toBe(0);
      expect(electron.app.listenerCount('open-file')).toBe(0);
      await electron.app.emitReady();
      expect(electron.BrowserWindow.instances).toHaveLength(0);
      expect(electron.ipcMain.handlers.size).toBe(0);
    });
  });
});

describe('with no deck to open', () => {
  it('shows the welcome window when started with none, in a folder without slides/', async () => {
    vi.spyOn(process, 'cwd').mockReturnValue(base);
    await startPodium(null);
    await electron.app.emitReady();
    const window = await deckWindowShown();
    expect(window.loadURL).toHaveBeenCalledWith('podium://app/index.html?view=welcome');
    vi.mocked(process.cwd).mockRestore();
  });

  it('says why a named deck cannot be opened, then welcomes', async () => {
    const missing = join(base, 'missing');
    await startPodium(missing);
    await electron.app.emitReady();
    const window = await deckWindowShown();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Cannot open deck', expect.stringContaining(missing));
    expect(window.loadURL).toHaveBeenCalledWith('podium://app/index.html?view=welcome');
  });

  it('turns the welcome window into the deck window once a second instance names a deck', async () => {
    vi.spyOn(process, 'cwd').mockReturnValue(base);
    await startPodium(null);
    await electron.app.emitReady();
    const window = await deckWindowShown();
    const talk = await makeDeck('talk', 'Talk');
    window.webContents.url = 'podium://app/index.html?view=welcome';
    electron.app.emit('second-instance', { preventDefault: vi.fn() }, [], base, { deck: talk });
    await vi.waitFor(() => expect(window.loadURL).toHaveBeenLastCalledWith('podium://app/index.html'));
    expect(await openDeckTitle()).toBe('Talk');
    expect(electron.app.recentDocuments).toEqual([talk]);
    vi.mocked(process.cwd).mockRestore();
  });
});

describe('a second `podium app DECK`', () => {
  function secondInstance(argv: string[], workingDirectory: string, additionalData: unknown): void {
    electron.app.emit('second-instance', { preventDefault: vi.fn() }, argv, workingDirectory, additionalData);
  }

  it('opens its deck in the running app and brings the window forward', async () => {
    await startPodium(await makeDeck('talk', 'Talk'));
    await electron.app.emitReady();
    const window = await deckWindowShown();
    const other = await makeDeck('other', 'Other deck');

    secondInstance(['electron', 'out/main/index.js', `--deck=${other}`], base, { deck: other });

    await vi.waitFor(async () => expect(await openDeckTitle()).toBe('Other deck'));
    await vi.waitFor(() => expect(window.focus).toHaveBeenCalled());
    expect(electron.BrowserWindow.getAllWindows()).toEqual([window]);
  });

  it("reads --deck against the second instance's working folder when it sends no additionalData", async () => {
    await startPodium(await makeDeck('talk', 'Talk'));
    await electron.app.emitReady();
    await deckWindowShown();
    await makeDeck('other', 'Other deck');

    secondInstance(['electron', 'out/main/index.js', '--deck', 'other'], base, null);

    await vi.waitFor(async () => expect(await openDeckTitle()).toBe('Other deck'));
  });

  it('restores and focuses the minimised window when its deck is the one already open', async () => {
    const talk = await makeDeck('talk', 'Talk');
    await startPodium(talk);
    await electron.app.emitReady();
    const window = await deckWindowShown();
    window.minimized = true;
    window.webContents.send.mockClear();

    secondInstance(['electron', 'out/main/index.js', `--deck=${talk}`], base, { deck: talk });

    await vi.waitFor(() => expect(window.focus).toHaveBeenCalled());
    expect(window.restore).toHaveBeenCalled();
    expect(window.isMinimized()).toBe(false);
    // Focused, not read again: a deck read anew is sent to the window before it is focused.
    expect(window.webContents.send).not.toHaveBeenCalledWith(IPC_CHANNELS.deckChanged, expect.anything());
    expect(await openDeckTitle()).toBe('Talk');
  });

  it('names a deck that does not exist in an error box and keeps the open deck', async () => {
    await startPodium(await makeDeck('talk', 'Talk'));
    await electron.app.emitReady();
    await deckWindowShown();
    const missing = join(base, 'missing');

    secondInstance(['electron', 'out/main/index.js', `--deck=${missing}`], base, { deck: missing });

    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Cannot open deck', expect.stringContaining(missing)));
    expect(await openDeckTitle()).toBe('Talk');
  });
});

describe("macOS's open-file", () => {
  function openFile(path: string): { prevented: boolean } {
    const event = { preventDefault: vi.fn() };
    electron.app.emit('open-file', event, path);
    return { prevented: event.preventDefault.mock.calls.length > 0 };
  }

  it('before ready, waits, and the file it names is the first deck opened', async () => {
    await startPodium(await makeDeck('talk', 'Talk'));
    const finder = await makeDeck('finder', 'From the Finder');

    expect(openFile(finder).prevented).toBe(true);
    await electron.app.emitReady();

    await deckWindowShown();
    expect(await openDeckTitle()).toBe('From the Finder');
  });

  it('after ready, opens a .md file as the deck, as File > Open Deck… does', async () => {
    await startPodium(await makeDeck('talk', 'Talk'));
    await electron.app.emitReady();
    await deckWindowShown();
    await mkdir(join(base, 'notes'));
    const file = join(base, 'notes', 'keynote.md');
    await writeFile(file, '# A single file\n');

    expect(openFile(file).prevented).toBe(true);

    await vi.waitFor(async () => expect(await openDeckTitle()).toBe('A single file'));
  });
});
