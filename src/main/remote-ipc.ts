import { BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../shared/api';
import type { Deck } from '../shared/deck/model';
import type { PresenterState } from '../shared/present/presenter-state';
import { parseRemoteClock, type RemoteClock } from '../shared/present/remote';
import { createAppRemote, type AppRemote } from '../node/serve/remote-server';
import { isAppPageUrl } from './app-url';
import { parseView } from '../shared/view-route';
import { handleIpc, noArguments, type IpcArgumentParser } from './ipc';

const oneSwitch: IpcArgumentParser<[boolean]> = (args) => {
  if (args.length !== 1 || typeof args[0] !== 'boolean') throw new Error('expected true (on) or false (off)');
  return [args[0]];
};

const oneClock: IpcArgumentParser<[RemoteClock]> = (args) => {
  const clock = args.length === 1 ? parseRemoteClock(args[0]) : null;
  if (clock === null) throw new Error('expected one clock {elapsedMs, running, lengthMs}');
  return [clock];
};

export interface RemoteIpcOptions {
  rendererDir: string;
  deck(): Deck | null;
  presenterState(): PresenterState | null;
  /** Tests listen on loopback; the app on every interface, for a phone on the same network. */
  host?: string;
}

/**
 * The main side of RemoteApi in the app: the phone remote runs a server only once the person turns
 * it on in the speaker view, and closes it (revoking its token) when they turn it off or quit. The
 * phone's steps and laser go to the app's presentations and speaker views, which take the steps.
 */
export function registerRemoteIpc(options: RemoteIpcOptions): AppRemote {
  const remote = createAppRemote({
    rendererDir: options.rendererDir,
    deck: options.deck,
    presenterState: options.presenterState,
    presenterOpen: () => presenterWindows().length > 0,
    sendCommand: (command) => {
      for (const contents of presenterWindows()) contents.send(IPC_CHANNELS.remoteCommand, command);
    },
    host: options.host,
  });
  handleIpc(IPC_CHANNELS.remoteStatus, noArguments, () => remote.status());
  handleIpc(IPC_CHANNELS.setRemote, oneSwitch, (on) => remote.setOn(on));
  handleIpc(IPC_CHANNELS.sendRemoteClock, oneClock, (clock) => remote.setClock(clock));
  return remote;
}

/** The app's presentations and speaker views: an editor or the welcome window has nothing to move. */
function presenterWindows(): Electron.WebContents[] {
  return BrowserWindow.getAllWindows()
    .filter((window) => !window.isDestroyed() && !window.webContents.isDestroyed() && isPresenterUrl(window.webContents.getURL()))
    .map((window) => window.webContents);
}

function isPresenterUrl(url: string): boolean {
  if (!isAppPageUrl(url)) return false;
  const kind = parseView(new URL(url).search).kind;
  return kind === 'presentation' || kind === 'speaker';
}
