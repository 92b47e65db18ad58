import { BrowserWindow, type BaseWindow, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/api';
import { exportOptionsFromChoices, parseExportChoices, parsePptxExportChoices, type ExportChoices, type PptxExportChoices } from '../shared/export/export-api';
import { PodiumError } from '../shared/errors';
import type { LoadedDeck } from '../node/deck/load-deck';
import { isAppPageUrl } from './app-url';
import { exportPdfInteractively, exportPptxInteractively } from './export-pdf-dialog';
import { handleIpcFromSender, type IpcArgumentParser } from './ipc';

const oneChoiceSet: IpcArgumentParser<[ExportChoices]> = (args) => {
  const choices = args.length === 1 ? parseExportChoices(args[0]) : 'expected one argument: the export options';
  if (typeof choices === 'string') throw new Error(`not valid export options: ${choices}`);
  return [choices];
};

const onePptxRequest: IpcArgumentParser<[PptxExportChoices]> = (args) => {
  const request = args.length === 1 ? parsePptxExportChoices(args[0]) : 'expected one argument: {choices, pictures}';
  if (typeof request === 'string') throw new Error(`not valid export options: ${request}`);
  return [request];
};

/**
 * The main side of `ExportApi.exportPdf` and `exportPptx`: the save dialog and the hidden print window of
 * `exportPdfInteractively`, with the page's choices, its progress sent back to the page that asked.
 * One export at a time: a second one would print the same deck twice over the first.
 */
export function registerExportIpc(getLoadedDeck: () => LoadedDeck | null): void {
  let running = false;
  const oneAtATime = async <T>(sender: WebContents, work: (parent: BrowserWindow | undefined, progress: (fraction: number) => void) => Promise<T>): Promise<T> => {
    if (running) throw new PodiumError('runtime', 'an export is already running; wait for it to finish');
    running = true;
    try {
      return await work(BrowserWindow.fromWebContents(sender) ?? undefined, (fraction) => {
        if (!sender.isDestroyed()) sender.send(IPC_CHANNELS.exportProgress, fraction);
      });
    } finally {
      running = false;
    }
  };
  handleIpcFromSender(IPC_CHANNELS.exportPdf, oneChoiceSet, (sender, choices) =>
    oneAtATime(sender, (parent, progress) => exportPdfInteractively(parent, getLoadedDeck(), exportOptionsFromChoices(choices), progress)),
  );
  handleIpcFromSender(IPC_CHANNELS.exportPptx, onePptxRequest, (sender, { choices, pictures }) =>
    oneAtATime(sender, (parent, progress) => exportPptxInteractively(parent, getLoadedDeck(), exportOptionsFromChoices(choices), pictures, progress)),
  );
}

/**
 * File > Export PDF…: asks the focused window's page to open its Export dialog, where the
 * options are chosen; the page then calls `exportPdf`.
 */
export function requestExportDialog(window: BaseWindow | undefined): void {
  if (!(window instanceof BrowserWindow)) return;
  const contents: WebContents = window.webContents;
  if (contents.isDestroyed() || !isAppPageUrl(contents.getURL())) return;
  contents.send(IPC_CHANNELS.exportRequested);
}
