import { BrowserWindow, ipcMain } from './fake-electron';

/** The app's own page, as the IPC sender checks expect it. */
export const APP_PAGE = 'podium://app/index.html';

/** A window of the fake Electron showing `url`. */
export function appWindow(url = APP_PAGE): BrowserWindow {
  const window = new BrowserWindow({});
  window.webContents.url = url;
  return window;
}

/** Calls the handler registered for `channel` as `window`'s main frame would through ipcRenderer.invoke. */
export function invokeFrom(window: BrowserWindow, channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`nothing handles ${channel}`);
  return Promise.resolve(handler({ senderFrame: window.webContents.mainFrame, sender: window.webContents }, ...args));
}
