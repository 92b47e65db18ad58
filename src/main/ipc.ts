import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isAppPageUrl } from './app-url';

/** Turns what the renderer sent into the handler's arguments, or throws when it has the wrong shape. */
export type IpcArgumentParser<Args extends unknown[]> = (args: readonly unknown[]) => Args;

export const noArguments: IpcArgumentParser<[]> = (args) => {
  if (args.length > 0) throw new Error(`expected no arguments, got ${args.length}`);
  return [];
};

/**
 * The only way to answer an `ipcRenderer.invoke`: the request must come from a live frame of the
 * app's own origin (not a page it was navigated to, not an embedded foreign frame), and its
 * arguments must parse. Otherwise the renderer's promise rejects and the handler never runs.
 */
export function handleIpc<Args extends unknown[], Result>(
  channel: string,
  parseArguments: IpcArgumentParser<Args>,
  handler: (...args: Args) => Result | Promise<Result>,
): void {
  handleIpcFromSender(channel, parseArguments, (_sender, ...args) => handler(...args));
}

/**
 * As `handleIpc`, for a handler that must know which page asked: to pass a message on to every
 * window but the one it came from.
 */
export function handleIpcFromSender<Args extends unknown[], Result>(
  channel: string,
  parseArguments: IpcArgumentParser<Args>,
  handler: (sender: WebContents, ...args: Args) => Result | Promise<Result>,
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) {
      throw new Error(`refused ${channel}: the sender is not the app's page`);
    }
    return handler(event.sender, ...parseArguments(args));
  });
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame !== undefined && isAppPageUrl(frame.url);
  } catch {
    // Electron throws on reading a frame that has been disposed since it sent the message.
    return false;
  }
}
