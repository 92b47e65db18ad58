import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type DeckApi, type DeckDropApi } from '../shared/api';
import { unwrapIpcAnswer } from '../shared/ipc-answer';
import type { Deck } from '../shared/deck/model';
import { EDIT_METHODS, type DeckEditApi } from '../shared/edit/edit-api';
import type { ExportApi, ExportResult } from '../shared/export/export-api';
import type { DrawingMessage, SavedDrawings } from '../shared/present/drawing';
import type { PresenterState } from '../shared/present/presenter-state';
import type { Rehearsal } from '../shared/present/rehearsal';
import type { RecentDeck, WelcomeApi } from '../shared/welcome-api';
import type { RemoteApi } from '../shared/remote-api';
import { parseDrawingMessage } from '../shared/present/drawing';
import { parseRemoteStep, type RemoteStatus } from '../shared/present/remote';

/** `ipcRenderer.invoke`, with the main process's answer unwrapped: its value, or its error rethrown. */
async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  return unwrapIpcAnswer<T>(await ipcRenderer.invoke(channel, ...args));
}

// One function per contract method, and nothing of Electron's in what the page receives: not
// ipcRenderer, not the IPC event (its `sender` is ipcRenderer itself).
const api: DeckApi = {
  loadDeck: () => invoke<Deck>(IPC_CHANNELS.loadDeck),
  onDeckChanged: (listener) => {
    const forward = (_event: IpcRendererEvent, deck: Deck): void => listener(deck);
    ipcRenderer.on(IPC_CHANNELS.deckChanged, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.deckChanged, forward);
    };
  },
  // Fire and forget: a move the main process refuses must not stop the presentation.
  sendPresenterState: (state) => void invoke(IPC_CHANNELS.sendPresenterState, state).catch(() => {}),
  onPresenterState: (listener) => {
    const forward = (_event: IpcRendererEvent, state: PresenterState): void => listener(state);
    ipcRenderer.on(IPC_CHANNELS.presenterState, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.presenterState, forward);
    };
  },
  openSpeakerView: () => void invoke(IPC_CHANNELS.openSpeakerView).catch(() => {}),
  loadRehearsal: () => invoke<Rehearsal | null>(IPC_CHANNELS.loadRehearsal),
  saveRehearsal: (rehearsal) => invoke<void>(IPC_CHANNELS.saveRehearsal, rehearsal),
  // Fire and forget, as a move is: a stroke the main process refuses must not stop the drawing.
  sendDrawing: (message) => void invoke(IPC_CHANNELS.sendDrawing, message).catch(() => {}),
  onDrawing: (listener) => {
    const forward = (_event: IpcRendererEvent, message: DrawingMessage): void => listener(message);
    ipcRenderer.on(IPC_CHANNELS.drawing, forward);
    // Every page drawn so far, as the main process holds it, before the messages that follow.
    void invoke<SavedDrawings>(IPC_CHANNELS.loadDrawings)
      .then((drawings) => listener({ kind: 'all', drawings }))
      .catch(() => {});
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.drawing, forward);
    };
  },
  saveDrawings: (drawings) => invoke<void>(IPC_CHANNELS.saveDrawings, drawings),
};

// The editing contract, one function per method, all over one validated channel.
const editApi = Object.fromEntries(
  EDIT_METHODS.map((method) => [method, (...args: unknown[]) => invoke(IPC_CHANNELS.edit, method, args)]),
) as unknown as DeckEditApi;

/** A listener for a main-process event, handed the payload alone; returns an unsubscribe. */
function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, value: T): void => listener(value);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const exportApi: ExportApi = {
  exportPdf: (choices) => invoke<ExportResult | null>(IPC_CHANNELS.exportPdf, choices),
  exportPptx: (request) => invoke<ExportResult | null>(IPC_CHANNELS.exportPptx, request),
  onExportProgress: (listener) => subscribe<number>(IPC_CHANNELS.exportProgress, listener),
  onExportRequested: (listener) => subscribe<void>(IPC_CHANNELS.exportRequested, () => listener()),
};

const welcomeApi: WelcomeApi = {
  recentDecks: () => invoke<RecentDeck[]>(IPC_CHANNELS.welcomeRecentDecks),
  openRecent: (path) => invoke<boolean>(IPC_CHANNELS.welcomeOpenRecent, path),
  openFolder: () => invoke<boolean>(IPC_CHANNELS.welcomeOpenFolder),
  newDeck: () => invoke<boolean>(IPC_CHANNELS.welcomeNewDeck),
  openSample: () => invoke<boolean>(IPC_CHANNELS.welcomeOpenSample),
};

// Electron 32 removed File.path: only webUtils, here in the preload, reads where a dropped File
// lives, and the page learns no path at all. The main process checks what it is given.
const dropApi: DeckDropApi = {
  openDroppedDeck: async (file) => invoke<void>(IPC_CHANNELS.openDroppedDeck, webUtils.getPathForFile(file as File)),
};

/** The phone's commands, as the main process passes them on: `{name, data}`. */
type RemoteCommandPayload = { name?: unknown; data?: unknown };

const remoteApi: RemoteApi = {
  remoteStatus: () => invoke<RemoteStatus>(IPC_CHANNELS.remoteStatus),
  setRemote: (on) => invoke<RemoteStatus>(IPC_CHANNELS.setRemote, on),
  onRemoteStep: (listener) =>
    subscribe<RemoteCommandPayload>(IPC_CHANNELS.remoteCommand, (command) => {
      const step = command.name === 'step' ? parseRemoteStep(command.data) : null;
      if (step) listener(step);
    }),
  onRemoteLaser: (listener) =>
    subscribe<RemoteCommandPayload>(IPC_CHANNELS.remoteCommand, (command) => {
      const message = command.name === 'laser' ? parseDrawingMessage(command.data) : null;
      if (message?.kind === 'laser') listener(message);
    }),
  // Fire and forget: the phone misses one reading, and the next comes within seconds.
  sendClock: (clock) => void invoke(IPC_CHANNELS.sendRemoteClock, clock).catch(() => {}),
};

contextBridge.exposeInMainWorld('podium', api);
contextBridge.exposeInMainWorld('podiumEdit', editApi);
contextBridge.exposeInMainWorld('podiumExport', exportApi);
contextBridge.exposeInMainWorld('podiumWelcome', welcomeApi);
contextBridge.exposeInMainWorld('podiumDrop', dropApi);
contextBridge.exposeInMainWorld('podiumRemote', remoteApi);
