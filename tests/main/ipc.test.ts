import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import type { Deck } from '../../src/shared/deck/model';
import { loadDeck } from '../../src/node/deck/load-deck';
import { registerDeckIpc, sendDeckChanged } from '../../src/main/deck-ipc';
import { handleIpc, noArguments } from '../../src/main/ipc';
import { PodiumError } from '../../src/shared/errors';
import { BrowserWindow, ipcMain, resetFakeElectron, invokeEventFromMainFrame } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let base: string;
let deck: Deck;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-ipc-'));
  await mkdir(join(base, 'talk'));
  await writeFile(join(base, 'talk', '01-intro.md'), '# Hello\n\n---\n\n## Second\n');
  deck = (await loadDeck(join(base, 'talk'))).deck;
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

beforeEach(() => resetFakeElectron());

function invoke(channel: string, senderFrame: { url: string } | null, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`nothing handles ${channel}`);
  return Promise.resolve(handler(invokeEventFromMainFrame(senderFrame), ...args));
}

describe('handleIpc', () => {
  it('runs the handler for a frame of the app', async () => {
    handleIpc('test:echo', noArguments, () => 'answer');
    await expect(invoke('test:echo', { url: 'podium://app/index.html' })).resolves.toBe('answer');
  });

  it('runs the handler for the print view too', async () => {
    handleIpc('test:echo', noArguments, () => 'answer');
    await expect(invoke('test:echo', { url: 'podium://app/index.html?view=print' })).resolves.toBe('answer');
  });

  describe('refuses, without running the handler,', () => {
    it.each([
      ['a web page', 'https://evil.example/'],
      ['a page that only looks like the app', 'https://evil.example/podium://app/'],
      ['another podium host', 'podium://evil/index.html'],
      ['a host that starts like the app', 'podium://app.evil/index.html'],
      ['a local file', 'file:///home/me/index.html'],
      ['a frame with no URL', ''],
    ])('a sender showing %s', async (_name, url) => {
      const handler = vi.fn(() => 'answer');
      handleIpc('test:echo', noArguments, handler);
      await expect(invoke('test:echo', { url })).rejects.toThrow(/not the app's page/);
      expect(handler).not.toHaveBeenCalled();
    });

    it("a subframe of the app's page, even one at the app's URL", async () => {
      const handler = vi.fn(() => 'answer');
      handleIpc('test:echo', noArguments, handler);
      const window = new BrowserWindow({});
      window.webContents.url = 'podium://app/index.html';
      const subframe = { url: 'podium://app/index.html', parent: window.webContents.mainFrame };
      const invokeHandler = ipcMain.handlers.get('test:echo');
      await expect(
        Promise.resolve().then(() => invokeHandler?.({ senderFrame: subframe, sender: window.webContents })),
      ).rejects.toThrow(/not the app's page/);
      expect(handler).not.toHaveBeenCalled();
    });

    it('a sender whose frame is gone (null senderFrame)', async () => {
      const handler = vi.fn(() => 'answer');
      handleIpc('test:echo', noArguments, handler);
      await expect(invoke('test:echo', null)).rejects.toThrow(/not the app's page/);
      expect(handler).not.toHaveBeenCalled();
    });

    it('a sender whose frame was disposed (reading it throws)', async () => {
      handleIpc('test:echo', noArguments, () => 'answer');
      const disposed = {
        get url(): string {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      };
      await expect(invoke('test:echo', disposed)).rejects.toThrow(/not the app's page/);
    });

    it('arguments of the wrong shape', async () => {
      const handler = vi.fn(() => 'answer');
      handleIpc('test:echo', noArguments, handler);
      await expect(invoke('test:echo', { url: 'podium://app/index.html' }, { path: '/etc/passwd' })).rejects.toThrow(
        /expected no arguments/,
      );
      expect(handler).not.toHaveBeenCalled();
    });
  });
});

describe('an error thrown by a handler', () => {
  it('reaches the page with its own message, kind and problems, without Electron\'s prefix', async () => {
    const problems = [{ file: 'deck.yaml', line: 3, message: 'unknown theme' }];
    handleIpc('test:fail', noArguments, () => {
      throw Object.assign(new PodiumError('deck', 'deck.yaml:3: unknown theme'), { problems });
    });
    const failure = await invoke('test:fail', { url: 'podium://app/index.html' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ message: 'deck.yaml:3: unknown theme', kind: 'deck', problems });
  });
});

describe('registerDeckIpc', () => {
  it('answers loadDeck from the app with the open deck', async () => {
    registerDeckIpc(() => deck);
    const answer = (await invoke(IPC_CHANNELS.loadDeck, { url: 'podium://app/index.html#/1' })) as Deck;
    expect(answer.slides.map((slide) => slide.title)).toEqual(['Hello', 'Second']);
  });

  it('refuses loadDeck from https://evil.example/', async () => {
    registerDeckIpc(() => deck);
    await expect(invoke(IPC_CHANNELS.loadDeck, { url: 'https://evil.example/' })).rejects.toThrow();
  });

  it('refuses loadDeck with a null senderFrame', async () => {
    registerDeckIpc(() => deck);
    await expect(invoke(IPC_CHANNELS.loadDeck, null)).rejects.toThrow();
  });

  it('rejects loadDeck while no deck is open', async () => {
    registerDeckIpc(() => null);
    await expect(invoke(IPC_CHANNELS.loadDeck, { url: 'podium://app/index.html' })).rejects.toThrow(/no deck/);
  });
});

describe('sendDeckChanged', () => {
  it("sends the new deck to every window showing the app's page, and to no other", () => {
    const presenting = new BrowserWindow({});
    presenting.webContents.url = 'podium://app/index.html#/3';
    const elsewhere = new BrowserWindow({});
    elsewhere.webContents.url = 'https://evil.example/';
    const closed = new BrowserWindow({});
    closed.webContents.url = 'podium://app/index.html';
    closed.destroy();

    sendDeckChanged(deck);

    expect(presenting.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.deckChanged, deck);
    expect(elsewhere.webContents.send).not.toHaveBeenCalled();
    expect(closed.webContents.send).not.toHaveBeenCalled();
  });
});
