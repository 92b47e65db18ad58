import { BrowserWindow, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/api';
import { parseDrawingMessage, parseSavedDrawings, type DrawingMessage, type SavedDrawings } from '../shared/present/drawing';
import { DrawingBook } from '../shared/present/drawing-book';
import { readDrawings, writeDrawings } from '../node/present/drawings-file';
import { isAppUrl } from './app-url';
import { handleIpc, handleIpcFromSender, noArguments, type IpcArgumentParser } from './ipc';

const oneMessage: IpcArgumentParser<[DrawingMessage]> = (args) => {
  const message = args.length === 1 ? parseDrawingMessage(args[0]) : null;
  if (message === null) throw new Error('expected one drawing message');
  return [message];
};

const oneDrawings: IpcArgumentParser<[SavedDrawings]> = (args) => {
  const drawings = args.length === 1 ? parseSavedDrawings(args[0]) : null;
  if (drawings === null) throw new Error('not drawings: expected {"pages": {"h/v": [strokes]}}');
  return [drawings];
};

/**
 * The main side of `DeckApi.sendDrawing`, `onDrawing` and `saveDrawings`: a drawing message from
 * one window goes to every other window of the app (never back to its sender), and the main
 * process keeps the book of the open deck's drawings, first read from its saved ones, for a window
 * that opens mid-talk.
 */
export function registerDrawingIpc(getDeckRoot: () => string | null): void {
  let book: { root: string; drawings: Promise<DrawingBook> } | null = null;
  const bookOf = (root: string): Promise<DrawingBook> => {
    if (book?.root !== root) {
      const drawings = readDrawings(root)
        .catch(() => ({ pages: {} }))
        .then((saved) => {
          const opened = new DrawingBook();
          opened.apply({ kind: 'all', drawings: saved });
          return opened;
        });
      book = { root, drawings };
    }
    return book.drawings;
  };
  const rootOrThrow = (): string => {
    const root = getDeckRoot();
    if (root === null) throw new Error('no deck is open');
    return root;
  };
  handleIpcFromSender(IPC_CHANNELS.sendDrawing, oneMessage, async (sender, message) => {
    (await bookOf(rootOrThrow())).apply(message);
    sendToOthers(sender, message);
  });
  handleIpc(IPC_CHANNELS.loadDrawings, noArguments, async () => (await bookOf(rootOrThrow())).toSaved());
  handleIpc(IPC_CHANNELS.saveDrawings, oneDrawings, (drawings) => writeDrawings(rootOrThrow(), drawings));
}

function sendToOthers(sender: WebContents, message: DrawingMessage): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (contents === sender || window.isDestroyed() || contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
    contents.send(IPC_CHANNELS.drawing, message);
  }
}
