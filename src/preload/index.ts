import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type DeckApi } from '../shared/api';
import type { Deck } from '../shared/deck/model';
import { EDIT_METHODS, type DeckEditApi } from '../shared/edit/edit-api';
import type { ExportApi, ExportResult } from '../shared/export/export-api';
import type { PresenterState } from '../shared/present/presenter-state';
import type { Rehearsal } from '../shared/present/rehearsal';

// One function per contract method, and nothing of Electron's in what the page receives: not
// ipcRenderer, not the IPC event (its `sender` is ipcRenderer itself).
const api: DeckApi = {
  loadDeck: () => ipcRenderer.invoke(IPC_CHANNELS.loadDeck) as Promise<Deck>,
  onDeckChanged: (listener) => {
    const forward = (_event: IpcRendererEvent, deck: Deck): void => listener(deck);
    ipcRenderer.on(IPC_CHANNELS.deckChanged, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.deckChanged, forward);
    };
  },
  // Fire and forget: a move the main process refuses must not stop the presentation.
  sendPresenterState: (state) => void ipcRenderer.invoke(IPC_CHANNELS.sendPresenterState, state).catch(() => {}),
  onPresenterState: (listener) => {
    const forward = (_event: IpcRendererEvent, state: PresenterState): void => listener(state);
    ipcRenderer.on(IPC_CHANNELS.presenterState, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.presenterState, forward);
    };
  },
  openSpeakerView: () => void ipcRenderer.invoke(IPC_CHANNELS.openSpeakerView).catch(() => {}),
  loadRehearsal: () => ipcRenderer.invoke(IPC_CHANNELS.loadRehearsal) as Promise<Rehearsal | null>,
  saveRehearsal: (rehearsal) => ipcRenderer.invoke(IPC_CHANNELS.saveRehearsal, rehearsal) as Promise<void>,
};

// The editing contract, one function per method, all over one validated channel.
const editApi = Object.fromEntries(
  EDIT_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(IPC_CHANNELS.edit, method, args)]),
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
  exportPdf: (choices) => ipcRenderer.invoke(IPC_CHANNELS.exportPdf, choices) as Promise<ExportResult | null>,
  onExportProgress: (listener) => subscribe<number>(IPC_CHANNELS.exportProgress, listener),
  onExportRequested: (listener) => subscribe<void>(IPC_CHANNELS.exportRequested, () => listener()),
};

contextBridge.exposeInMainWorld('podium', api);
contextBridge.exposeInMainWorld('podiumEdit', editApi);
contextBridge.exposeInMainWorld('podiumExport', exportApi);
