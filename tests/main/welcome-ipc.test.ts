import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import { RecentDecks } from '../../src/main/recent-decks';
import { registerWelcomeIpc } from '../../src/main/welcome-ipc';
import { loadDeck } from '../../src/node/deck/load-deck';
import { BrowserWindow, dialog, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const REPOSITORY = join(__dirname, '..', '..');
const WELCOME_PAGE = 'podium://app/index.html?view=welcome';

let base: string;
let recent: RecentDecks;
let opened: string[];
let welcomeWindow: BrowserWindow;

beforeEach(async () => {
  resetFakeElectron();
  base = await mkdtemp(join(tmpdir(), 'podium-welcome-'));
  recent = new RecentDecks(join(base, 'userData'));
  opened = [];
  welcomeWindow = new BrowserWindow({});
  welcomeWindow.webContents.url = WELCOME_PAGE;
  registerWelcomeIpc({
    recent,
    templateDir: join(REPOSITORY, 'resources', 'templates', 'basic'),
    sampleDeckDir: join(REPOSITORY, 'slides'),
    documentsDir: join(base, 'Documents'),
    platform: 'linux',
    openDeck: async (path) => {
      await loadDeck(path);
      opened.push(path);
    },
  });
});
afterEach(() => rm(base, { recursive: true, force: true }));

/** A WelcomeApi call as the preload sends it, from the welcome window's page (or the URL given). */
function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`nothing handles ${channel}`);
  return Promise.resolve(handler({ senderFrame: welcomeWindow.webContents.mainFrame, sender: welcomeWindow.webContents }, ...args));
}

describe('registerWelcomeIpc', () => {
  it('lists the recent decks', async () => {
    const talk = join(base, 'talk');
    await mkdir(talk);
    await recent.add({ path: talk, title: 'Talk' });
    expect(await call(IPC_CHANNELS.welcomeRecentDecks)).toEqual([{ path: talk, title: 'Talk' }]);
  });

  it('opens a recent deck, and refuses a path the list does not hold', async () => {
    await recent.add({ path: join(REPOSITORY, 'slides'), title: 'Ceremony' });
    expect(await call(IPC_CHANNELS.welcomeOpenRecent, join(REPOSITORY, 'slides'))).toBe(true);
    await expect(call(IPC_CHANNELS.welcomeOpenRecent, '/etc')).rejects.toThrow('/etc is not one of the recent decks');
    await expect(call(IPC_CHANNELS.welcomeOpenRecent, 42)).rejects.toThrow(/expected one argument/);
    expect(opened).toEqual([join(REPOSITORY, 'slides')]);
  });

  it('opens the folder picked in the Open dialog, as a sheet of the welcome window', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(REPOSITORY, 'slides')] });
    expect(await call(IPC_CHANNELS.welcomeOpenFolder)).toBe(true);
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toBe(welcomeWindow);
    expect(opened).toEqual([join(REPOSITORY, 'slides')]);
  });

  it('answers false and opens nothing when a dialog is cancelled', async () => {
    expect(await call(IPC_CHANNELS.welcomeOpenFolder)).toBe(false);
    expect(await call(IPC_CHANNELS.welcomeNewDeck)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('creates a new deck from the template where the person chose, and opens it', async () => {
    const target = join(base, 'Documents', 'Launch talk');
    await mkdir(join(base, 'Documents'));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call(IPC_CHANNELS.welcomeNewDeck)).toBe(true);
    expect(dialog.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultPath: join(base, 'Documents', 'My talk') });
    expect(opened).toEqual([target]);
    expect(await readdir(target)).toContain('deck.yaml');
  });

  it('opens the sample deck', async () => {
    expect(await call(IPC_CHANNELS.welcomeOpenSample)).toBe(true);
    expect(opened).toEqual([join(REPOSITORY, 'slides')]);
  });

  it('refuses a page that is not the app’s', async () => {
    welcomeWindow.webContents.url = 'https://evil.example/';
    await expect(call(IPC_CHANNELS.welcomeOpenSample)).rejects.toThrow(/not the app's page/);
    expect(opened).toEqual([]);
  });
});
