import { blankPdf } from '../node/export/read-pdf';
import { BrowserWindow } from './fake-electron';

/**
 * Makes the next hidden print window answer as the real print page would: ready at once, its
 * page map (one slide per page, `file:line`) when asked, and a real PDF when printed.
 */
export function printPageWillShow(slideKeys: string[]): void {
  const push = BrowserWindow.instances.push.bind(BrowserWindow.instances);
  BrowserWindow.instances.push = (...windows: BrowserWindow[]): number => {
    for (const window of windows) {
      window.webContents.executeJavaScript.mockImplementation((async (script: string) =>
        script.includes('pdf-page') ? JSON.stringify(slideKeys.map((key) => [key])) : true) as never);
      window.webContents.printToPDF.mockImplementation(async () => Buffer.from(await blankPdf(slideKeys.length)));
    }
    return push(...windows);
  };
}

/**
 * Makes the next hidden print window's renderer crash while the page is asked whether it is ready:
 * that question, like every later one, never gets an answer.
 */
export function printRendererWillCrash(reason = 'crashed'): void {
  const push = BrowserWindow.instances.push.bind(BrowserWindow.instances);
  BrowserWindow.instances.push = (...windows: BrowserWindow[]): number => {
    for (const window of windows) {
      window.webContents.executeJavaScript.mockImplementationOnce(() => {
        window.webContents.crashRenderer(reason);
        return new Promise<never>(() => undefined);
      });
    }
    BrowserWindow.instances.push = push;
    return push(...windows);
  };
}
