import { BrowserWindow, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/api';
import { parsePresenterState, type PresenterState } from '../shared/present/presenter-state';
import { isAppUrl } from './app-url';
import { handleIpc, handleIpcFromSender, noArguments, type IpcArgumentParser } from './ipc';

const presenterStateArgument: IpcArgumentParser<[PresenterState]> = (args) => {
  const state = args.length === 1 ? parsePresenterState(args[0]) : null;
  if (state === null) throw new Error('expected one presenter state {h, v, f}');
  return [state];
};

export interface PresenterIpc {
  /** Where the presenter last was, for a speaker view that opens mid-talk. */
  latest(): PresenterState | null;
}

/**
 * The main side of `DeckApi.sendPresenterState`, `onPresenterState` and `openSpeakerView`: a move
 * in one window (the deck or the speaker view) is passed on to every other window of the app, and
 * never back to the one that made it, so that a quick second move cannot be undone by the echo of
 * the first.
 */
export function registerPresenterIpc(openSpeakerView: () => void, onMove: () => void = () => undefined): PresenterIpc {
  let latest: PresenterState | null = null;
  handleIpcFromSender(IPC_CHANNELS.sendPresenterState, presenterStateArgument, (sender, state) => {
    latest = state;
    sendPresenterStateToOthers(sender, state);
    // The phone remote shows where the talk is.
    onMove();
  });
  handleIpc(IPC_CHANNELS.openSpeakerView, noArguments, () => openSpeakerView());
  return { latest: () => latest };
}

function sendPresenterStateToOthers(sender: WebContents, state: PresenterState): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (contents === sender || window.isDestroyed() || contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
    contents.send(IPC_CHANNELS.presenterState, state);
  }
}
