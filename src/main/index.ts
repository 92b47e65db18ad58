import { app, BrowserWindow, dialog, screen, session, type BaseWindow } from 'electron';
import { installAppProtocol, registerAppSchemeAsPrivileged } from './app-protocol';
import { RENDERER_DIR, appPathsHere, firstDeckPath } from './app-paths';
import { nameTheApp } from './app-identity';
import { deckArgument } from './deck-argument';
import { DeckOpener } from './deck-opener';
import { registerDropIpc } from './drop-ipc';
import { OpenFileQueue } from './open-file-queue';
import { claimSingleInstance, onSecondInstance } from './single-instance';
import { registerDeckIpc, sendDeckChanged } from './deck-ipc';
import { registerEditIpc } from './edit-ipc';
import { registerRehearsalIpc } from './rehearsal-ipc';
import { DeckSession } from './deck-session';
import { registerExportIpc, requestExportDialog } from './export-ipc';
import { installApplicationMenu } from './menu';
import { chooseDeckPath, defaultDeckPicker, type DeckPicker } from './open-deck-dialog';
import { PresentWindows } from './present-windows';
import { registerPresenterIpc } from './presenter-ipc';
import { createSpeakerWindow } from './speaker-window';
import { createDeckWindow, denyPermissions } from './window';
import { APP_PAGE_URL } from './app-url';
import { EDIT_VIEW_QUERY } from '../shared/api';

/** Exit code when no deck could be opened, as the CLI uses for a deck path that is wrong. */
const EXIT_NO_DECK = 2;
// electron-vite sets this only under `electron-vite dev`; the app the CLI starts is never in it.
const isDevelopment = process.env.NODE_ENV_ELECTRON_VITE === 'development';

const deckSession = new DeckSession(sendDeckChanged, (error) =>
  console.error(`podium: cannot reload the deck: ${messageOf(error)}`),
);
const deckOpener = new DeckOpener({ session: deckSession, createDeckWindow });

nameTheApp();
if (claimSingleInstance(deckArgument(process.argv, process.cwd()))) {
  startFirstInstance();
} else {
  // The running Podium got this deck through 'second-instance' and opens it.
  app.quit();
}

function startFirstInstance(): void {
  registerAppSchemeAsPrivileged();
  const openFiles = new OpenFileQueue();
  // Electron emits 'second-instance' only after 'ready'.
  onSecondInstance((deck) => {
    if (deck === null) deckOpener.showDeckWindow();
    else void deckOpener.openFromOutside(deck);
  });
  app.whenReady().then(() => start(openFiles)).catch(failStartup);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    void deckSession.close();
  });
}

async function start(openFiles: OpenFileQueue): Promise<void> {
  installAppProtocol({ rendererDir: RENDERER_DIR, getDeckRoot: () => deckSession.current?.root ?? null });
  denyPermissions(session.defaultSession);
  registerDeckIpc(() => deckSession.current?.deck ?? null);
  registerEditIpc(() => deckSession.current?.root ?? null);
  registerRehearsalIpc(() => deckSession.current?.root ?? null);
  registerExportIpc(() => deckSession.current);
  registerDropIpc((path) => deckOpener.openFromOutside(path));
  const presenter = registerPresenterIpc(() => presentWindows.openSpeakerView());
  const presentWindows = new PresentWindows({ screen, createSpeakerWindow: () => createSpeakerWindow(presenter.latest()) });
  installApplicationMenu(
    {
      openDeck: (window, picker) => reportFailure('Cannot open deck', openAnotherDeck(window, picker)),
      exportPdf: (window) => requestExportDialog(window),
      present: (window) => presentWindows.toggle(window instanceof BrowserWindow ? window : undefined),
      speakerView: () => presentWindows.openSpeakerView(),
      swapDisplays: () => presentWindows.swapDisplays(),
      editSlides: (window) => toggleEditView(window),
    },
    { platform: process.platform, isDevelopment },
  );

  // A deck opened from the Finder before 'ready' is the one the person asked for.
  const openedFromFinder = openFiles.startOpening((path) => void deckOpener.openFromOutside(path));
  const firstDeck =
    openedFromFinder ?? firstDeckPath(process.argv, process.cwd(), appPathsHere(process.resourcesPath, app.isPackaged));
  if (!(await openFirstDeck(firstDeck))) {
    app.exit(EXIT_NO_DECK);
    return;
  }
  deckOpener.showDeckWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) deckOpener.showDeckWindow();
  });
}

/** Opens the deck from the command line; if that fails, says why and offers the Open dialog. */
async function openFirstDeck(path: string): Promise<boolean> {
  let candidate: string | null = path;
  while (candidate !== null) {
    try {
      await deckSession.open(candidate);
      return true;
    } catch (error) {
      dialog.showErrorBox('Cannot open deck', messageOf(error));
      candidate = await chooseDeckPath(undefined, defaultDeckPicker(process.platform));
    }
  }
  return false;
}

async function openAnotherDeck(window: BaseWindow | undefined, picker: DeckPicker): Promise<void> {
  const path = await chooseDeckPath(window, picker);
  if (path !== null) await deckOpener.open(path);
}

/** Menu actions run detached from the click; a failure still has to reach the person. */
function reportFailure(title: string, action: Promise<void>): void {
  action.catch((error: unknown) => dialog.showErrorBox(title, messageOf(error)));
}

function failStartup(error: unknown): void {
  dialog.showErrorBox('Podium could not start', messageOf(error));
  app.exit(1);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** View > Edit Slides: the window switches between the presentation and the edit view. */
function toggleEditView(window: BaseWindow | undefined): void {
  if (!(window instanceof BrowserWindow)) return;
  const editing = window.webContents.getURL().includes(EDIT_VIEW_QUERY);
  void window.loadURL(editing ? APP_PAGE_URL : `${APP_PAGE_URL}?${EDIT_VIEW_QUERY}`);
}
