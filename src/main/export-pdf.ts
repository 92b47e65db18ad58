import { basename, dirname, join } from 'node:path';
import { BrowserWindow, dialog, type BaseWindow, type WebContents } from 'electron';
import { READY_ATTRIBUTE } from '../shared/api';
import { formatProblem, hasErrors } from '../shared/deck/build-deck';
import { PodiumError } from '../shared/errors';
import type { LoadedDeck } from '../node/deck/load-deck';
import { writeFileAtomically } from '../node/fs/write-atomic';
import { PRINT_PAGE_URL } from './app-url';
import { lockDownWebContents, secureWebPreferences } from './window';

/** Images and fonts of a long deck take a while; a page that is not ready by then never will be. */
export const PRINT_READY_TIMEOUT_MS = 60_000;
const PRINT_READY_POLL_MS = 100;
/** A refusal lists this many problems at most: the deck's error slides show the rest. */
const MAX_PROBLEMS_LISTED = 10;

/**
 * File > Export PDF…: refuses a deck with errors (naming file and line), asks where to save,
 * prints the app's print view in a hidden window, and writes the PDF atomically.
 */
export async function exportPdfInteractively(parent: BaseWindow | undefined, loaded: LoadedDeck | null): Promise<void> {
  if (loaded === null) return;
  if (hasErrors(loaded.deck)) {
    dialog.showErrorBox('Cannot export PDF', describeErrors(loaded));
    return;
  }
  const options = {
    title: 'Export PDF',
    defaultPath: join(dirname(loaded.root), `${fileNameFor(loaded.deck.title)}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return;

  try {
    const pdf = await printAppPageToPdf(loaded.deck.settings);
    await writeFileAtomically(choice.filePath, pdf);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Cannot export PDF', `${basename(choice.filePath)}: ${reason}`);
  }
}

/** Loads the print view in a hidden window and prints it with the page size its CSS asks for. */
export async function printAppPageToPdf(size: { width: number; height: number }): Promise<Uint8Array> {
  const window = new BrowserWindow({
    show: false,
    width: size.width,
    height: size.height,
    // A hidden window's timers and animation frames are throttled, and the page waits on both.
    webPreferences: { ...secureWebPreferences(), backgroundThrottling: false },
  });
  try {
    lockDownWebContents(window.webContents);
    await window.loadURL(PRINT_PAGE_URL);
    await waitForReadyAttribute(window.webContents, PRINT_READY_TIMEOUT_MS);
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    window.destroy();
  }
}

/** Polls the page until <html> carries READY_ATTRIBUTE: slides laid out, images and fonts loaded. */
export async function waitForReadyAttribute(contents: WebContents, timeoutMs: number): Promise<void> {
  const script = `document.documentElement.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})`;
  const deadline = Date.now() + timeoutMs;
  while (!(await contents.executeJavaScript(script))) {
    if (Date.now() >= deadline) {
      throw new PodiumError('runtime', `the print view was not ready after ${Math.round(timeoutMs / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, PRINT_READY_POLL_MS));
  }
}

function describeErrors({ deck }: LoadedDeck): string {
  const errors = deck.problems.filter((problem) => problem.severity === 'error');
  const listed = errors.slice(0, MAX_PROBLEMS_LISTED).map(formatProblem);
  if (errors.length > listed.length) listed.push(`…and ${errors.length - listed.length} more`);
  return `Fix these errors in the deck, then export again:\n\n${listed.join('\n')}`;
}

/** The deck title as a file name every OS accepts. */
export function fileNameFor(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[\s.-]+|[\s.]+$/g, '');
  return safe === '' ? 'deck' : safe.slice(0, 120);
}
