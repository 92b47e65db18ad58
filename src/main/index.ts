import { app, BrowserWindow, dialog, screen, session, type BaseWindow } from 'electron';
import { installAppProtocol, registerAppSchemeAsPrivileged } from './app-protocol';
import { RENDERER_DIR, appPathsHere, firstDeckPath } from './app-paths';
import { registerDeckIpc, sendDeckChanged } from './deck-ipc';
import { registerEditIpc } from './edit-ipc';
import { registerRehearsalIpc } from './rehearsal-ipc';
import { DeckSession } from './deck-session';
import { registerExportIpc, requestExportDialog } from './export-ipc';
import { installApplicationMenu } from './menu';
import { chooseDeckPath, type DeckPicker } from './open-deck-dialog';
import { PresentWindows } from './present-windows';
import { registerPresenterIpc } from './presenter-ipc';
import { createSpeakerWindow } from './speaker-window';
import { createDeckWindow, denyPermissions } from './window';
import { explainWaylandPlacement, windowPlacementForbidden } from './wayland';
import { APP_PAGE_URL } from './app-url';
import { RecentDecks } from './recent-decks';
import { registerWelcomeIpc } from './welcome-ipc';
import { EDIT_VIEW_QUERY, WELCOME_VIEW_QUERY } from '../shared/api';

const WELCOME_PAGE_URL = `${APP_PAGE_URL}?${WELCOME_VIEW_QUERY}`;
// electron-vite sets this only under `electron-vite dev`; the app the CLI starts is never in it.
const isDevelopment = process.env.NODE_ENV_ELECTRON_VITE === 'development';

registerAppSchemeAsPrivileged();

const deckSession = new DeckSession(sendDeckChanged, (error) =>
  console.error(`podium: cannot reload the deck: ${messageOf(error)}`),
);

app.whenReady().then(start).catch(failStartup);

let recentDecks: RecentDecks | null = null;

async function start(): Promise<void> {
  const paths = appPathsHere(process.resourcesPath, app.isPackaged);
  recentDecks = new RecentDecks(app.getPath('userData'));
  installAppProtocol({ rendererDir: RENDERER_DIR, getDeckRoot: () => deckSession.current?.root ?? null });
  denyPermissions(session.defaultSession);
  registerDeckIpc(() => deckSession.current?.deck ?? null);
  registerEditIpc(() => deckSession.current?.root ?? null);
  registerRehearsalIpc(() => deckSession.current?.root ?? null);
  registerExportIpc(() => deckSession.current);
  registerWelcomeIpc({
    recent: recentDecks,
    templateDir: paths.templateDir,
    sampleDeckDir: paths.bundledDeckDir,
    documentsDir: app.getPath('documents'),
    platform: process.platform,
    openDeck,
  });
  const presenter = registerPresenterIpc(() => void presentWindows.openSpeakerView());
  const presentWindows = new PresentWindows({
    screen,
    createSpeakerWindow: () => createSpeakerWindow(presenter.latest()),
    placementForbidden: windowPlacementForbidden({ platform: process.platform, env: process.env, argv: process.argv }),
    explainPlacementForbidden: explainWaylandPlacement,
  });
  installApplicationMenu(
    {
      openDeck: (window, picker) => reportFailure('Cannot open deck', openAnotherDeck(window, picker)),
      exportPdf: (window) => requestExportDialog(window),
      present: (window) => void presentWindows.toggle(window instanceof BrowserWindow ? window : undefined),
      presentOnThisDisplay: (window) => void presentWindows.presentOnThisDisplay(window instanceof BrowserWindow ? window : undefined),
      speakerView: () => void presentWindows.openSpeakerView(),
      swapDisplays: () => void presentWindows.swapDisplays(),
      editSlides: (window) => toggleEditView(window),
    },
    { platform: process.platform, isDevelopment },
  );

  await openFirstDeck(firstDeckPath(process.argv, process.cwd()));

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createDeckWindow(deckSession.current ? APP_PAGE_URL : WELCOME_PAGE_URL);
  });
}

/**
 * Opens the deck from the command line in a window; with none, or one that cannot be opened
 * (said in a message), the welcome window: open a folder, a recent deck, or a new one.
 */
async function openFirstDeck(path: string | null): Promise<void> {
  if (path !== null) {
    try {
      await openDeck(path);
      createDeckWindow();
      return;
    } catch (error) {
      dialog.showErrorBox('Cannot open deck', messageOf(error));
    }
  }
  createDeckWindow(WELCOME_PAGE_URL);
}

/** Every way of opening a deck ends here: it becomes the app's deck, and the first recent one. */
async function openDeck(path: string): Promise<void> {
  const loaded = await deckSession.open(path);
  app.addRecentDocument(path);
  recentDecks?.add({ path, title: loaded.deck.title }).catch((error: unknown) => {
    console.error(`podium: cannot remember the recent deck: ${messageOf(error)}`);
  });
}

async function openAnotherDeck(window: BaseWindow | undefined, picker: DeckPicker): Promise<void> {
  const path = await chooseDeckPath(window, picker);
  if (path === null) return;
  try {
    await openDeck(path);
  } catch (error) {
    dialog.showErrorBox('Cannot open deck', messageOf(error));
    return;
  }
  const windows = BrowserWindow.getAllWindows();
  if (windows.length === 0) createDeckWindow();
  // A welcome window that was open becomes the deck's window.
  for (const shown of windows) if (shown.webContents.getURL() === WELCOME_PAGE_URL) void shown.loadURL(APP_PAGE_URL);
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

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void deckSession.close();
});

/** View > Edit Slides: the window switches between the presentation and the edit view. */
function toggleEditView(window: BaseWindow | undefined): void {
  if (!(window instanceof BrowserWindow)) return;
  const editing = window.webContents.getURL().includes(EDIT_VIEW_QUERY);
  void window.loadURL(editing ? APP_PAGE_URL : `${APP_PAGE_URL}?${EDIT_VIEW_QUERY}`);
}
