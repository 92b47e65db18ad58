import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { errorReportOf } from '../shared/error-report';
import type { IpcAnswer } from '../shared/ipc-answer';
import { isAppPageUrl } from './app-url';

/** Turns what the renderer sent into the handler's arguments, or throws when it has the wrong shape. */
export type IpcArgumentParser<Args extends unknown[]> = (args: readonly unknown[]) => Args;

export const noArguments: IpcArgumentParser<[]> = (args) => {
  if (args.length > 0) throw new Error(`expected no arguments, got ${args.length}`);
  return [];
};

/**
 * The only way to answer an `ipcRenderer.invoke`: the request must come from the live main frame of
 * a window showing the app's own page (not a page it was navigated to, not an embedded frame, even
 * one at the app's URL), and its arguments must parse. Otherwise the renderer's promise rejects and the handler never runs.
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
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcAnswer<Result>> => {
    try {
      if (!isTrustedSender(event)) {
        throw new Error(`refused ${channel}: the sender is not the app's page`);
      }
      return { ok: true, value: await handler(event.sender, ...parseArguments(args)) };
    } catch (error) {
      // Answered, not thrown: see shared/ipc-answer.ts for what Electron does to a thrown error.
      return { ok: false, error: errorReportOf(error) };
    }
  });
}

function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  try {
    const frame = event.senderFrame;
    // An <iframe> inside the app's page may itself be at the app's URL (a deck's file framed by a
    // slide, or the page framing itself): only the page's own top frame speaks for the app.
    return (
      frame !== null && frame !== undefined && frame === event.sender.mainFrame && isAppPageUrl(frame.url)
    );
  } catch {
    // Electron throws on reading a frame that has been disposed since it sent the message.
    return false;
  }
}
