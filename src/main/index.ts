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
import { registerDrawingIpc } from './drawing-ipc';
import { DeckSession } from './deck-session';
import { registerExportIpc, requestExportDialog } from './export-ipc';
import { installApplicationMenu } from './menu';
import { chooseDeckPath, type DeckPicker } from './open-deck-dialog';
import { PresentWindows } from './present-windows';
import { registerPresenterIpc } from './presenter-ipc';
import { registerRemoteIpc } from './remote-ipc';
import type { AppRemote } from '../node/serve/remote-server';
import { createSpeakerWindow } from './speaker-window';
import { createDeckWindow, denyPermissions, lockDownEveryWebContents } from './window';
import { APP_PAGE_URL } from './app-url';
import { RecentDecks } from './recent-decks';
import { registerWelcomeIpc } from './welcome-ipc';
import { windowPlacementForbidden, explainWaylandPlacement } from './wayland';
import { EDIT_VIEW_QUERY } from '../shared/api';
import { messageOf } from '../shared/errors';
// electron-vite sets this only under `electron-vite dev`; the app the CLI starts is never in it.
const isDevelopment = process.env.NODE_ENV_ELECTRON_VITE === 'development';

/** The phone remote: no server until the person turns it on in the speaker view. */
let appRemote: AppRemote | null = null;
const deckSession = new DeckSession((deck) => {
  sendDeckChanged(deck);
  appRemote?.changed();
}, (error) =>
  console.error(`podium: cannot reload the deck: ${messageOf(error)}`),
);
let recentDecks: RecentDecks | null = null;
const deckOpener = new DeckOpener({
  session: deckSession,
  createDeckWindow,
  onOpened: (path, title) => {
    app.addRecentDocument(path);
    recentDecks?.add({ path, title }).catch((error: unknown) => {
      console.error(`podium: cannot remember the recent deck: ${messageOf(error)}`);
    });
  },
});

nameTheApp();
if (claimSingleInstance(deckArgument(process.argv, process.cwd()))) {
  startFirstInstance();
} else {
  // The running Podium got this deck through 'second-instance' and opens it.
  app.quit();
}

function startFirstInstance(): void {
  registerAppSchemeAsPrivileged();
  lockDownEveryWebContents();
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
    void appRemote?.close();
    void deckSession.close();
  });
}

async function start(openFiles: OpenFileQueue): Promise<void> {
  const paths = appPathsHere(process.resourcesPath, app.isPackaged);
  recentDecks = new RecentDecks(app.getPath('userData'));
  installAppProtocol({ rendererDir: RENDERER_DIR, getDeckRoot: () => deckSession.current?.root ?? null });
  denyPermissions(session.defaultSession);
  registerDeckIpc(() => deckSession.shownDeck);
  registerEditIpc(() => deckSession.current?.root ?? null);
  registerRehearsalIpc(() => deckSession.current?.root ?? null);
  registerDrawingIpc(() => deckSession.current?.root ?? null);
  registerExportIpc(() => deckSession.current);
  registerDropIpc((path) => deckOpener.openFromOutside(path));
  registerWelcomeIpc({
    recent: recentDecks,
    templateDir: paths.templateDir,
    sampleDeckDir: paths.bundledDeckDir,
    documentsDir: app.getPath('documents'),
    platform: process.platform,
    openDeck: (path) => deckOpener.load(path),
  });
  const presenter = registerPresenterIpc(() => void presentWindows.openSpeakerView(), () => appRemote?.changed());
  appRemote = registerRemoteIpc({ rendererDir: RENDERER_DIR, deck: () => deckSession.shownDeck, presenterState: () => presenter.latest() });
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

  // A deck opened from the Finder before 'ready' is the one the person asked for.
  const openedFromFinder = openFiles.startOpening((path) => void deckOpener.openFromOutside(path));
  const firstDeck = openedFromFinder ?? firstDeckPath(process.argv, process.cwd());
  // No deck, or one that cannot be opened (said in an error box): the welcome window instead.
  if (firstDeck === null || !(await deckOpener.open(firstDeck))) deckOpener.showWelcomeWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length > 0) return;
    if (deckSession.current) deckOpener.showDeckWindow();
    else deckOpener.showWelcomeWindow();
  });
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


/** View > Edit Slides: the window switches between the presentation and the edit view. */
function toggleEditView(window: BaseWindow | undefined): void {
  if (!(window instanceof BrowserWindow)) return;
  const editing = window.webContents.getURL().includes(EDIT_VIEW_QUERY);
  void window.loadURL(editing ? APP_PAGE_URL : `${APP_PAGE_URL}?${EDIT_VIEW_QUERY}`);
}
