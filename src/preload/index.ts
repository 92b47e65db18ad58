import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, type DeckApi } from '../shared/api';
import type { Deck } from '../shared/deck/model';

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
};

contextBridge.exposeInMainWorld('podium', api);
