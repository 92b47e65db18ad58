import { BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../shared/api';
import type { Deck } from '../shared/deck/model';
import { isAppUrl } from './app-url';
import { handleIpc, noArguments } from './ipc';

/** The main side of `DeckApi.loadDeck`. */
export function registerDeckIpc(getDeck: () => Deck | null): void {
  handleIpc(IPC_CHANNELS.loadDeck, noArguments, () => {
    const deck = getDeck();
    if (deck === null) throw new Error('no deck is open');
    return deck;
  });
}

/** The main side of `DeckApi.onDeckChanged`: every window still showing the app gets the new deck. */
export function sendDeckChanged(deck: Deck): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (window.isDestroyed() || contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
    contents.send(IPC_CHANNELS.deckChanged, deck);
  }
}
