import { BrowserWindow, type BaseWindow, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/api';
import { exportOptionsFromChoices, parseExportChoices, type ExportChoices } from '../shared/export/export-api';
import { PodiumError } from '../shared/errors';
import type { LoadedDeck } from '../node/deck/load-deck';
import { isAppPageUrl } from './app-url';
import { exportPdfInteractively } from './export-pdf-dialog';
import { handleIpcFromSender, type IpcArgumentParser } from './ipc';

const oneChoiceSet: IpcArgumentParser<[ExportChoices]> = (args) => {
  const choices = args.length === 1 ? parseExportChoices(args[0]) : 'expected one argument: the export options';
  if (typeof choices === 'string') throw new Error(`not valid export options: ${choices}`);
  return [choices];
};

/**
 * The main side of `ExportApi.exportPdf`: the save dialog and the hidden print window of
 * `exportPdfInteractively`, with the page's choices, its progress sent back to the page that asked.
 * One export at a time: a second one would print the same deck twice over the first.
 */
export function registerExportIpc(getLoadedDeck: () => LoadedDeck | null): void {
  let running = false;
  handleIpcFromSender(IPC_CHANNELS.exportPdf, oneChoiceSet, async (sender, choices) => {
    if (running) throw new PodiumError('runtime', 'an export is already running; wait for it to finish');
    running = true;
    try {
      const parent = BrowserWindow.fromWebContents(sender) ?? undefined;
      return await exportPdfInteractively(parent, getLoadedDeck(), exportOptionsFromChoices(choices), (fraction) => {
        if (!sender.isDestroyed()) sender.send(IPC_CHANNELS.exportProgress, fraction);
      });
    } finally {
      running = false;
    }
  });
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
