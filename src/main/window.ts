import { app, BrowserWindow, dialog, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_PAGE_URL, isAppPageUrl, isAppUrl, isWebUrl } from './app-url';
import { PRELOAD_PATH } from './app-paths';
import { recoverFromRendererCrashes } from './renderer-recovery';

/** The one set of web preferences for every window that shows the app's page, visible or not. */
export function secureWebPreferences(): WebPreferences {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    preload: PRELOAD_PATH,
  };
}

/** A window on the app's page: the deck, or (given its URL) the welcome window. */
export function createDeckWindow(url: string = APP_PAGE_URL): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Podium',
    // Shown once painted, so that the window never flashes white before the theme loads.
    show: false,
    webPreferences: secureWebPreferences(),
  });
  lockDownWebContents(window.webContents);
  recoverFromRendererCrashes(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}

const lockedDown = new WeakSet<WebContents>();
const permissionsDenied = new WeakSet<Session>();

/**
 * Keeps a window on the app's page: no new windows, no navigation away, no <webview>, no
 * permissions. Links to the web open in the system browser instead.
 */
export function lockDownWebContents(contents: WebContents): void {
  // Called for the app's own windows and again from 'web-contents-created': once is enough.
  if (lockedDown.has(contents)) return;
  lockedDown.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppPageUrl(event.url)) return;
    event.preventDefault();
    openInSystemBrowser(event.url);
  });
  // Frames inside the page (a deck's own file framed by a slide) stay on the app's origin, and so
  // does every redirect: a podium:// answer can never send the page or a frame to the web.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Web Bluetooth's chooser: no device is ever picked.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  // The edit view blocks unloading while it has unsaved edits; Electron would then silently keep
  // the window open, so ask, as a browser does.
  contents.on('will-prevent-unload', (event) => {
    if (confirmDiscardUnsavedEdits()) event.preventDefault();
  });
  denyPermissions(contents.session);
}

const UNSAVED_EDITS_BUTTONS = ['Discard Edits and Close', 'Keep Editing'] as const;

/** True when the person chooses to close with unsaved edits. */
function confirmDiscardUnsavedEdits(): boolean {
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    buttons: [...UNSAVED_EDITS_BUTTONS],
    defaultId: 1,
    cancelId: 1,
    message: 'This deck has unsaved edits.',
    detail: 'They are kept in the recovery journal, and offered back when you next edit this deck.',
  });
  return choice === 0;
}

/**
 * Refuses every permission (camera, notifications, geolocation…) except fullscreen for the app's
 * own page: presenting is the app's job, and reveal.js's `F` key asks for it.
 */
export function denyPermissions(session: Session): void {
  if (permissionsDenied.has(session)) return;
  permissionsDenied.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'fullscreen' && isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'fullscreen' && isAppUrl(`${requestingOrigin}/`);
  });
  // WebHID, Web Serial and WebUSB: no device is granted, and a page's chooser picks none.
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

/**
 * Every webContents the app ever makes, not only the windows this file creates, gets the same
 * lock-down as soon as it exists: a window or frame opened some other way cannot escape it.
 */
export function lockDownEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
}

function openInSystemBrowser(url: string): void {
  if (isWebUrl(url)) void shell.openExternal(url);
}
