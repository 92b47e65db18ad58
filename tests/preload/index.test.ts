import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type DeckApi, type DeckDropApi } from '../../src/shared/api';
import type { Deck } from '../../src/shared/deck/model';
import { EDIT_METHODS } from '../../src/shared/edit/edit-api';
import type { ExportApi } from '../../src/shared/export/export-api';
import type { WelcomeApi } from '../../src/shared/welcome-api';
import type { RemoteApi } from '../../src/shared/remote-api';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    // Filled in below, once node:events can be used: vi.hoisted runs before imports.
    ipcRenderer: null as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn> },
  };
});

vi.mock('electron', () => {
  const ipcRenderer = Object.assign(new EventEmitter(), {
    // The main process answers every call as an IpcAnswer (src/main/ipc.ts).
    invoke: vi.fn(async (channel: string): Promise<unknown> => ({ ok: true, value: { title: `answer to ${channel}` } })),
  });
  electron.ipcRenderer = ipcRenderer;
  // docs/api/web-utils.md: the path of a File backed by a file on disk, '' for one made in JS, and
  // a throw for anything that is not a File.
  const webUtils = {
    getPathForFile: (file: unknown): string => {
      if (!(file instanceof File)) throw new TypeError('parameter 1 is not of type File');
      return (file as File & { diskPath?: string }).diskPath ?? '';
    },
  };
  return { contextBridge: electron.contextBridge, ipcRenderer, webUtils };
});

async function exposedApi(): Promise<DeckApi> {
  await import('../../src/preload/index');
  const api = electron.exposed.get('podium');
  if (!api) throw new Error('nothing exposed as window.podium');
  return api as DeckApi;
}

const deck = { title: 'Changed' } as Deck;

describe('the preload', () => {
  it('exposes exactly the methods of DeckApi as window.podium, and nothing else', async () => {
    const api = await exposedApi();
    expect([...electron.exposed.keys()]).toEqual(['podium', 'podiumEdit', 'podiumExport', 'podiumWelcome', 'podiumDrop', 'podiumRemote']);
    expect(Object.keys(api).sort()).toEqual([
      'loadDeck',
      'loadRehearsal',
      'onDeckChanged',
      'onDrawing',
      'onPresenterState',
      'openSpeakerView',
      'saveDrawings',
      'saveRehearsal',
      'sendDrawing',
      'sendPresenterState',
    ]);
  });

  it('exposes exactly the methods of DeckEditApi as window.podiumEdit, each over the edit channel', async () => {
    await exposedApi();
    const edit = electron.exposed.get('podiumEdit') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(edit).sort()).toEqual([...EDIT_METHODS].sort());
    await edit.saveSegment?.('01-intro.md', 'text', 'v1', false);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.edit, 'saveSegment', ['01-intro.md', 'text', 'v1', false]);
  });

  it('exposes exactly the methods of ExportApi as window.podiumExport: one call and two events', async () => {
    await exposedApi();
    const exportApi = electron.exposed.get('podiumExport') as ExportApi;
    expect(Object.keys(exportApi).sort()).toEqual(['exportPdf', 'exportPptx', 'onExportProgress', 'onExportRequested']);
    const choices = { range: '1-2', fragments: false, notes: 'pages', perPage: 3, paper: 'a4', outline: true, tags: true, maxImageDpi: null } as const;
    await exportApi.exportPdf(choices);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.exportPdf, choices);
    await exportApi.exportPptx({ choices, pictures: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.exportPptx, { choices, pictures: true });

    const progress = vi.fn();
    const requested = vi.fn();
    const stopProgress = exportApi.onExportProgress(progress);
    exportApi.onExportRequested(requested);
    electron.ipcRenderer.emit(IPC_CHANNELS.exportProgress, { sender: electron.ipcRenderer }, 0.5);
    electron.ipcRenderer.emit(IPC_CHANNELS.exportRequested, { sender: electron.ipcRenderer });
    expect(progress.mock.calls).toEqual([[0.5]]);
    expect(requested.mock.calls).toEqual([[]]);
    stopProgress();
    electron.ipcRenderer.emit(IPC_CHANNELS.exportProgress, {}, 0.9);
    expect(progress).toHaveBeenCalledTimes(1);
  });

  it('exposes exactly the methods of WelcomeApi as window.podiumWelcome, each over its own channel', async () => {
    await exposedApi();
    const welcome = electron.exposed.get('podiumWelcome') as WelcomeApi;
    expect(Object.keys(welcome).sort()).toEqual(['newDeck', 'openFolder', 'openRecent', 'openSample', 'recentDecks']);
    await welcome.openRecent('/decks/talk');
    await welcome.newDeck();
    expect(electron.ipcRenderer.invoke.mock.calls.slice(-2)).toEqual([
      [IPC_CHANNELS.welcomeOpenRecent, '/decks/talk'],
      [IPC_CHANNELS.welcomeNewDeck],
    ]);
  });

  it("exposes DeckDropApi as window.podiumDrop: a dropped File's path, read with webUtils, goes to the main process", async () => {
    await exposedApi();
    const dropApi = electron.exposed.get('podiumDrop') as DeckDropApi;
    expect(Object.keys(dropApi)).toEqual(['openDroppedDeck']);
    const folder = Object.assign(new File([], 'talk'), { diskPath: '/home/me/talks/talk' });
    await dropApi.openDroppedDeck(folder);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.openDroppedDeck, '/home/me/talks/talk');
    await expect(dropApi.openDroppedDeck({ name: 'not a file' })).rejects.toThrow(/not of type File/);
  });

  it("exposes RemoteApi as window.podiumRemote: the switch and the clock go to the main process, and the phone's steps and laser come back checked", async () => {
    await exposedApi();
    const remote = electron.exposed.get('podiumRemote') as RemoteApi;
    expect(Object.keys(remote).sort()).toEqual(['onRemoteLaser', 'onRemoteStep', 'remoteStatus', 'sendClock', 'setRemote']);
    await remote.setRemote(true);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.setRemote, true);
    remote.sendClock({ elapsedMs: 1000, running: true, lengthMs: null });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.sendRemoteClock, { elapsedMs: 1000, running: true, lengthMs: null });
    const steps: unknown[] = [];
    const lasers: unknown[] = [];
    const unsubscribe = remote.onRemoteStep((step) => steps.push(step));
    remote.onRemoteLaser((message) => lasers.push(message));
    const step = { direction: 'next', from: { h: 1, v: 0, f: -1 } };
    const laser = { kind: 'laser', page: '1/0', point: { x: 3, y: 4 } };
    electron.ipcRenderer.emit(IPC_CHANNELS.remoteCommand, {}, { name: 'step', data: step });
    electron.ipcRenderer.emit(IPC_CHANNELS.remoteCommand, {}, { name: 'laser', data: laser });
    // A stroke is not the remote's to send, nor a step without where it steps from.
    electron.ipcRenderer.emit(IPC_CHANNELS.remoteCommand, {}, { name: 'laser', data: { kind: 'clear', page: '1/0' } });
    electron.ipcRenderer.emit(IPC_CHANNELS.remoteCommand, {}, { name: 'step', data: { direction: 'next' } });
    expect(steps).toEqual([step]);
    expect(lasers).toEqual([laser]);
    unsubscribe();
    electron.ipcRenderer.emit(IPC_CHANNELS.remoteCommand, {}, { name: 'step', data: step });
    expect(steps).toHaveLength(1);
  });

  it('loads the deck over the loadDeck channel, passing on no arguments from the page', async () => {
    const api = await exposedApi();
    const loadDeck = api.loadDeck as (...args: unknown[]) => Promise<Deck>;
    await expect(loadDeck('/etc/passwd')).resolves.toEqual({ title: `answer to ${IPC_CHANNELS.loadDeck}` });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.loadDeck);
  });

  it("rethrows the main process's failure with its message, kind and problems", async () => {
    const api = await exposedApi();
    const problems = [{ file: 'deck.yaml', line: 3, message: 'unknown theme' }];
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { message: 'no deck is open', kind: 'usage', problems } });
    await expect(api.loadDeck()).rejects.toMatchObject({ message: 'no deck is open', kind: 'usage', problems });
  });

  it('refuses an answer of a shape the main process never sends', async () => {
    const api = await exposedApi();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ title: 'raw' });
    await expect(api.loadDeck()).rejects.toThrow(/shape it never sends/);
  });

  it('loads and saves the rehearsal over their own channels', async () => {
    const api = await exposedApi();
    const rehearsal = { recordedAt: 1, slides: [{ h: 0, v: 0, ms: 500 }] };
    await api.saveRehearsal(rehearsal);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.saveRehearsal, rehearsal);
    await api.loadRehearsal();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.loadRehearsal);
  });

  it('sends and saves drawings over their own channels, and hands a listener what was drawn first, then each message alone', async () => {
    const api = await exposedApi();
    const drawings = { pages: {} };
    api.sendDrawing({ kind: 'undo', page: '0/0' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.sendDrawing, { kind: 'undo', page: '0/0' });
    await api.saveDrawings(drawings);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.saveDrawings, drawings);
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: drawings });
    const listener = vi.fn();
    api.onDrawing(listener);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith({ kind: 'all', drawings }));
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.loadDrawings);
    electron.ipcRenderer.emit(IPC_CHANNELS.drawing, { sender: electron.ipcRenderer }, { kind: 'clear', page: '1/0' });
    expect(listener).toHaveBeenLastCalledWith({ kind: 'clear', page: '1/0' });
    expect(listener.mock.calls[1]).toHaveLength(1);
  });

  it('hands a listener the deck alone, never the IPC event', async () => {
    const api = await exposedApi();
    const listener = vi.fn();
    api.onDeckChanged(listener);
    electron.ipcRenderer.emit(IPC_CHANNELS.deckChanged, { sender: electron.ipcRenderer }, deck);
    expect(listener).toHaveBeenCalledWith(deck);
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('stops calling a listener once it unsubscribes', async () => {
    const api = await exposedApi();
    const listenersBefore = electron.ipcRenderer.listenerCount(IPC_CHANNELS.deckChanged);
    const listener = vi.fn();
    const unsubscribe = api.onDeckChanged(listener);
    unsubscribe();
    electron.ipcRenderer.emit(IPC_CHANNELS.deckChanged, {}, deck);
    expect(listener).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.listenerCount(IPC_CHANNELS.deckChanged)).toBe(listenersBefore);
  });
});
