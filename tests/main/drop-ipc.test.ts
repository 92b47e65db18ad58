import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import { DeckOpener } from '../../src/main/deck-opener';
import { DeckSession } from '../../src/main/deck-session';
import { registerDropIpc } from '../../src/main/drop-ipc';
import { BrowserWindow, dialog, invokeEventFromMainFrame, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let base: string;
let session: DeckSession;
let opener: DeckOpener;

beforeEach(async () => {
  resetFakeElectron();
  base = await mkdtemp(join(tmpdir(), 'podium-drop-'));
  await mkdir(join(base, 'talk'));
  await writeFile(join(base, 'talk', '01-intro.md'), '# Talk\n');
  await mkdir(join(base, 'dropped'));
  await writeFile(join(base, 'dropped', '01-intro.md'), '# Dropped deck\n');
  await writeFile(join(base, 'keynote.md'), '# One file\n');
  await writeFile(join(base, 'photo.png'), 'not a deck');
  session = new DeckSession(() => {});
  opener = new DeckOpener({ session, createDeckWindow: () => new BrowserWindow({}) as never });
  await opener.open(join(base, 'talk'));
  registerDropIpc((path) => opener.openFromOutside(path));
});

afterEach(async () => {
  await session.close();
  await rm(base, { recursive: true, force: true });
});

function drop(path: unknown, senderUrl = 'podium://app/index.html'): Promise<unknown> {
  const handler = ipcMain.handlers.get(IPC_CHANNELS.openDroppedDeck);
  if (!handler) throw new Error('nothing handles the drop channel');
  return Promise.resolve(handler(invokeEventFromMainFrame({ url: senderUrl }), path));
}

describe('a folder or .md file dropped on the window', () => {
  it('opens a dropped deck folder in place of the open deck', async () => {
    await drop(join(base, 'dropped'));
    expect(session.current?.deck.title).toBe('Dropped deck');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('opens a dropped .md file as a deck of its own', async () => {
    await drop(join(base, 'keynote.md'));
    expect(session.current?.deck.title).toBe('One file');
  });

  it.each([
    ['a file that is not Markdown', 'photo.png', /photo\.png is neither a deck folder nor a Markdown/],
    ['a path that does not exist', 'gone', /gone does not exist/],
  ])('names %s in an error box and keeps the open deck', async (_case, name, message) => {
    await drop(join(base, name));
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Cannot open deck', expect.stringMatching(message));
    expect(session.current?.deck.title).toBe('Talk');
  });

  describe('refuses, opening nothing,', () => {
    it.each([
      ['a relative path', 'dropped'],
      ['no string', { path: '/etc' }],
      ['a path with a NUL byte', '/tmp/a\0b'],
    ])('%s', async (_case, path) => {
      await expect(drop(path)).rejects.toThrow(/expected/);
      expect(session.current?.deck.title).toBe('Talk');
    });

    it("a sender that is not the app's page", async () => {
      await expect(drop(join(base, 'dropped'), 'https://evil.example/')).rejects.toThrow(/not the app's page/);
      expect(session.current?.deck.title).toBe('Talk');
    });
  });
});
