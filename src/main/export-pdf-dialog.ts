import { basename, dirname, join } from 'node:path';
import { BrowserWindow, dialog, type BaseWindow, type WebContents } from 'electron';
import { hasErrors } from '../shared/deck/build-deck';
import type { Deck } from '../shared/deck/model';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../shared/export/export-options';
import { printViewport } from '../shared/export/print-query';
import { printLayoutFor } from '../shared/export/slide-range';
import { messageOf, PodiumError } from '../shared/errors';
import type { ExportResult } from '../shared/export/export-api';
import { fileNameFor } from '../shared/export/pdf-file-name';
import type { LoadedDeck } from '../node/deck/load-deck';
import { exportDeck, type ExportedDeck, type ExportFormat } from '../node/export/export-deck';
import { buildPptx } from '../node/export/write-pptx';
import { prepareExport } from '../node/export/prepare-export';
import { waitUntilPrintReady } from '../node/export/print-ready';
import { listProblems } from '../node/export/refused-deck';
import { writeFileAtomically } from '../node/fs/write-atomic';
import { APP_PAGE_URL } from './app-url';
import { whilePrintRendererLives } from './print-renderer-watch';
import { printWindowTarget } from './print-window-target';
import { lockDownWebContents, secureWebPreferences } from './window';

/** What the app's Export dialog can write, and how it makes the file once the deck passed its checks. */
interface InteractiveFormat {
  /** The save dialog's title and its file type. */
  title: string;
  extension: 'pdf' | 'pptx';
  filterName: string;
  make(deck: Deck, options: ExportOptions, progress: (fraction: number) => void): Promise<{ data: Uint8Array; warnings?: string[] }>;
}

const PDF_FILE: InteractiveFormat = {
  title: 'Export PDF',
  extension: 'pdf',
  filterName: 'PDF',
  make: async (deck, options, progress) => ({ data: await exportInPrintWindow(deck, options, progress) }),
};

/** PowerPoint, as `podium export --pptx` writes it: the hidden window's print page read as shapes (write-pptx.ts). */
const pptxFile = (imagesOnly: boolean): InteractiveFormat => ({
  title: 'Export PowerPoint',
  extension: 'pptx',
  filterName: 'PowerPoint',
  make: async (deck, options, progress) => {
    const capture = await exportFormatInPrintWindow(deck, options, { format: 'pptx', imagesOnly }, progress);
    const { data, warnings } = await buildPptx(deck, capture, printViewport(printLayoutFor(options, deck), deck.settings));
    return { data, warnings: warnings.map((warning) => `${warning.file}:${warning.line}: ${warning.message}`) };
  },
});

/**
 * The app's Export PDF… with the dialog's options: refuses a deck with errors or missing images
 * (naming file and line) and a range past the end before asking where to save, prints the app's print view in a hidden window, adds the
 * same metadata and bookmarks as `podium export` (src/node/export), and writes the PDF atomically.
 * Returns where it went, null when the save dialog was cancelled; throws a sentence otherwise.
 */
export function exportPdfInteractively(
  parent: BaseWindow | undefined,
  loaded: LoadedDeck | null,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<ExportResult | null> {
  return exportInteractively(parent, loaded, options, PDF_FILE, onProgress);
}

/** The same for PowerPoint: editable text, or (`imagesOnly`, `--pptx-images`) one picture per slide. */
export function exportPptxInteractively(
  parent: BaseWindow | undefined,
  loaded: LoadedDeck | null,
  options: ExportOptions,
  imagesOnly: boolean,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<ExportResult | null> {
  return exportInteractively(parent, loaded, options, pptxFile(imagesOnly), onProgress);
}

async function exportInteractively(
  parent: BaseWindow | undefined,
  loaded: LoadedDeck | null,
  options: ExportOptions,
  format: InteractiveFormat,
  onProgress: (fraction: number) => void,
): Promise<ExportResult | null> {
  if (loaded === null) throw new PodiumError('runtime', 'no deck is open');
  if (hasErrors(loaded.deck)) throw new PodiumError('deck', describeErrors(loaded));
  await prepareExport(loaded, options, format.extension === 'pptx' ? 'PPTX' : 'PDF');
  const dialogOptions = {
    title: format.title,
    defaultPath: join(dirname(loaded.root), `${fileNameFor(loaded.deck.title)}.${format.extension}`),
    filters: [{ name: format.filterName, extensions: [format.extension] }],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  if (choice.canceled || !choice.filePath) return null;

  // The window's progress bar (taskbar, dock) while the hidden window prints: the app's
  // counterpart of the CLI's progress line; the page's dialog shows the same fractions. The person
  // may close the window mid-export, and a destroyed window throws: progress must never lose the file.
  const progress = (fraction: number): void => {
    if (parent && !parent.isDestroyed()) parent.setProgressBar(fraction);
    if (fraction >= 0) onProgress(fraction);
  };
  try {
    const { data, warnings } = await format.make(loaded.deck, options, progress);
    await writeFileAtomically(choice.filePath, data);
    progress(1);
    return { path: choice.filePath, bytes: data.byteLength, ...(warnings?.length && { warnings }) };
  } catch (error) {
    const reason = messageOf(error);
    throw new PodiumError(error instanceof PodiumError ? error.kind : 'runtime', `${basename(choice.filePath)}: ${reason}`);
  } finally {
    // A negative value removes the bar.
    progress(-1);
  }
}

/**
 * The app's host of the one exporter (src/node/export/export-deck.ts), once `prepareExport`
 * passed: the print page in a hidden window (print-window-target.ts), printed and finished as
 * `podium export` does. Gives up when the window's renderer dies or hangs, or at the deadline.
 */
export function exportInPrintWindow(deck: Deck, options: ExportOptions, progress: (fraction: number) => void = () => undefined): Promise<Uint8Array> {
  return exportFormatInPrintWindow(deck, options, { format: 'pdf' }, progress);
}

async function exportFormatInPrintWindow<F extends ExportFormat>(
  deck: Deck,
  options: ExportOptions,
  format: F,
  progress: (fraction: number) => void,
): Promise<ExportedDeck<F>['product']> {
  const viewport = printViewport(printLayoutFor(options, deck), deck.settings);
  const window = new BrowserWindow({
    show: false,
    width: viewport.width,
    height: viewport.height,
    // A hidden window's timers and animation frames are throttled, and the page waits on both.
    webPreferences: { ...secureWebPreferences(), backgroundThrottling: false },
  });
  const { webContents } = window;
  try {
    lockDownWebContents(webContents);
    progress(0.15);
    return await whilePrintRendererLives(webContents, options.timeoutMs, async () => {
      const target = printWindowTarget(window, viewport, options.timeoutMs);
      const page = { deck, pageUrl: `${APP_PAGE_URL}?` };
      const exported = await exportDeck(target, page, options, format, (phase) => {
        if (phase === 'finishing') progress(0.9);
      });
      return exported.product;
    });
  } finally {
    window.destroy();
  }
}

/** Waits until the print view is laid out: the same in-page watch as `podium export` (print-ready.ts). */
export function waitForReadyAttribute(contents: WebContents, timeoutMs: number): Promise<void> {
  return waitUntilPrintReady((script) => contents.executeJavaScript(script), timeoutMs);
}

function describeErrors({ deck }: LoadedDeck): string {
  const errors = deck.problems.filter((problem) => problem.severity === 'error');
  return `Fix these errors in the deck, then export again:\n${listProblems(errors)}`;
}

export { fileNameFor };
