import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { WELCOME_VIEW_QUERY } from '../shared/api';
import { APP_PAGE_URL } from './app-url';
import type { DeckSession } from './deck-session';
import { messageOf } from '../shared/errors';

const WELCOME_PAGE_URL = `${APP_PAGE_URL}?${WELCOME_VIEW_QUERY}`;

export interface DeckOpenerOptions {
  session: DeckSession;
  /** A window on the app's page: the deck's, or the welcome window given its URL. */
  createDeckWindow(url?: string): BrowserWindow;
  /** Told of every deck opened, however: the recent decks. */
  onOpened?(path: string, title: string): void;
}

/**
 * Opens decks in the deck window, the same way for File > Open Deck…, a second `podium app DECK`,
 * macOS's open-file and a folder dropped on the window. The app shows one deck at a time (every
 * window, the IPC handlers and the podium:// protocol read the one DeckSession), so opening another
 * deck replaces it, as the menu always has; the deck window comes to the front either way.
 */
export class DeckOpener {
  private deckWindow: BrowserWindow | null = null;

  constructor(private readonly options: DeckOpenerOptions) {}

  /**
   * Opens the deck at `path`, read anew even if it is the one open (File > Open Deck… is how a
   * person reloads a deck whose folder came back), and brings its window forward. A path that is
   * not a deck says why in an error box and keeps the deck that was open. Resolves to whether the
   * deck is now open.
   */
  async open(path: string): Promise<boolean> {
    try {
      await this.load(path);
    } catch (error) {
      dialog.showErrorBox('Cannot open deck', messageOf(error));
      return false;
    }
    this.showDeckWindow();
    return true;
  }

  /**
   * Makes the deck at `path` the app's deck, or throws a sentence, touching no window: for the
   * welcome window, which shows the sentence itself and then the deck.
   */
  async load(path: string): Promise<void> {
    const absolute = resolve(path);
    const loaded = await this.options.session.open(absolute);
    this.options.onOpened?.(absolute, loaded.deck.title);
  }

  /** As `open`, but a deck already open is only brought forward: a second `podium app` on it. */
  async openOrFocus(path: string): Promise<boolean> {
    if (this.options.session.openPath === resolve(path)) {
      this.showDeckWindow();
      return true;
    }
    return this.open(path);
  }

  /**
   * As `openOrFocus`, for a path handed to the app from outside its own Open dialog (a drop, the
   * Finder): it must be a folder or a `.md` file that exists, else an error box names it.
   */
  async openFromOutside(path: string): Promise<boolean> {
    const problem = await deckPathProblem(path);
    if (problem !== null) {
      dialog.showErrorBox('Cannot open deck', problem);
      return false;
    }
    return this.openOrFocus(path);
  }

  /** The deck window to the front: made if there is none, restored if minimised, the deck in place of the welcome. */
  showDeckWindow(): BrowserWindow {
    const existing = this.deckWindow;
    if (existing === null || existing.isDestroyed()) {
      // A new window shows itself once painted (window.ts), so it is not shown here.
      const created = this.options.createDeckWindow();
      this.deckWindow = created;
      return created;
    }
    if (existing.webContents.getURL() === WELCOME_PAGE_URL) void existing.loadURL(APP_PAGE_URL);
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
    return existing;
  }

  /** Started with no deck, or none that opens: the welcome window, which becomes the deck's window. */
  showWelcomeWindow(): BrowserWindow {
    const existing = this.deckWindow;
    if (existing !== null && !existing.isDestroyed()) {
      existing.focus();
      return existing;
    }
    this.deckWindow = this.options.createDeckWindow(WELCOME_PAGE_URL);
    return this.deckWindow;
  }
}

/** Why `path` cannot be a deck, naming it; null for an existing folder or `.md` file. */
async function deckPathProblem(path: string): Promise<string | null> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    return `${path} does not exist.`;
  }
  if (isFolder || extname(path).toLowerCase() === '.md') return null;
  return `${path} is neither a deck folder nor a Markdown (.md) file.`;
}

