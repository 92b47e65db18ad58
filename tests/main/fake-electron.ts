import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';
import { unwrapIpcAnswer } from '../../src/shared/ipc-answer';
import type { DisplayInfo } from '../../src/main/present-placement';
import { laptop } from './displays';

// The Electron API surface src/main uses, recorded rather than performed: the only test double in
// these tests, since `electron` cannot run under Node. Tests load it with
// `vi.mock('electron', () => import('./fake-electron'))`.

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
    this.devicePermissionHandler = handler;
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
}

/**
 * Electron's WebFrameMain as IPC sees it: `webContents.mainFrame` is one object for the page's top
 * frame, and an invoke from an `<iframe>` carries a different `senderFrame` with a `parent`.
 */
export interface FakeWebFrame {
  readonly url: string;
  readonly parent: FakeWebFrame | null;
}

export class FakeWebContents extends EventEmitter {
  url = '';
  readonly mainFrame: FakeWebFrame = frameShowing(this);
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly session = new FakeSession();
  /** Set when its window is destroyed: a destroyed webContents throws as its window does. */
  destroyed = false;
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => this.throwIfDestroyed());
  /** What `document.documentElement.hasAttribute(…)` answers, call after call. */
  readyAnswers: boolean[] = [true];
  readonly executeJavaScript = vi.fn(async (_script: string) => {
    this.throwIfDestroyed();
    return this.readyAnswers.shift() ?? true;
  });
  readonly printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
  readonly reload = vi.fn(() => this.throwIfDestroyed());
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    this.throwIfDestroyed();
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  // As BrowserWindow's below: "TypeError: Object has been destroyed" (electron/electron#4279).
  private throwIfDestroyed(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
  /**
   * The page's renderer dies. Electron emits 'render-process-gone' with `{ reason, exitCode }`
   * (docs/api/web-contents.md) and documents nothing that settles a script or print already asked
   * of it: here, as issue 15 found in Electron 40, those and every later one never settle.
   */
  crashRenderer(reason = 'crashed'): void {
    const never = (): Promise<never> => new Promise<never>(() => undefined);
    this.executeJavaScript.mockImplementation(never);
    this.printToPDF.mockImplementation(never);
    this.emit('render-process-gone', {}, { reason, exitCode: 139 });
  }
}

type Rect = { x: number; y: number; width: number; height: number };

/**
 * Whether the fake runs as a native Wayland client, the way Electron 38+ does in a Wayland session
 * (it follows XDG_SESSION_TYPE: electron/electron#48301). Tests switch it with
 * `vi.stubEnv('XDG_SESSION_TYPE', 'wayland')`, the same variable the app's detection reads.
 */
function onWayland(): boolean {
  return process.env.XDG_SESSION_TYPE === 'wayland';
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  /** Where the window really is on the desktop (getBounds may not say, on Wayland). */
  bounds: Rect;
  private fullScreen = false;
  /** The state the last setFullScreen asked for, reached once the queued transitions have run. */
  private fullScreenWanted = false;
  private boundsBeforeFullScreen: Rect | null = null;
  private transitions: Promise<void> = Promise.resolve();
  constructor(readonly options: { show?: boolean; x?: number; y?: number; width?: number; height?: number; webPreferences?: Record<string, unknown> }) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    BrowserWindow.instances.push(this);
  }
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url;
  });
  readonly show = vi.fn();
  // docs/api/browser-window.md: restore() "Restores the window from minimized state to its previous
  // state"; what a second instance needs, with focus(), to bring the deck window forward.
  minimized = false;
  readonly focus = vi.fn(() => this.throwIfDestroyed());
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized(): boolean {
    return this.minimized;
  }
  // A destroyed window's methods throw "TypeError: Object has been destroyed" in Electron (seen on
  // BrowserWindow and WebContents alike: electron/electron#4279, tutao/tutanota#4467); only
  // isDestroyed() answers.
  readonly setProgressBar = vi.fn((_progress: number) => this.throwIfDestroyed());
  /**
   * Electron's BrowserWindow docs: destroy() "guarantees the closed event will be emitted"; close()
   * does the same once the page lets it go, which the fake's pages always do.
   */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  readonly close = vi.fn(() => this.destroy());
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /**
   * Electron's BrowserWindow docs, setFullScreen: "On macOS, fullscreen transitions take place
   * asynchronously. If further actions depend on the fullscreen state, use the 'enter-full-screen'
   * or 'leave-full-screen' events." Transitions asked in a row run one after the other, each with
   * its event (electron/electron#25470 queues them the same way). The fake is asynchronous on every
   * platform, so that code passing here works on the slowest one. Entering fills the display the
   * window is on; leaving puts back the frame it had before, as macOS and Windows do.
   */
  setFullScreen(flag: boolean): void {
    this.throwIfDestroyed();
    if (flag === this.fullScreenWanted) return;
    this.fullScreenWanted = flag;
    this.transitions = this.transitions
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        if (this.destroyed || this.fullScreen === flag) return;
        if (flag) {
          this.boundsBeforeFullScreen = { ...this.bounds };
          this.bounds = { ...screen.getDisplayMatching(this.bounds).bounds };
        } else {
          this.bounds = this.boundsBeforeFullScreen ?? this.bounds;
        }
        this.fullScreen = flag;
        this.emit(flag ? 'enter-full-screen' : 'leave-full-screen');
      });
  }
  /** The state reached so far: until the transition runs, the old one (as on macOS). */
  isFullScreen(): boolean {
    this.throwIfDestroyed();
    return this.fullScreen;
  }
  /**
   * Ignored on Wayland, where "programmatically changing the global window coordinates is
   * prohibited" (Electron's BrowserWindow docs, getBounds), and while the window is fullscreen or
   * on its way in or out: the frame it gets is the one the transition puts back, which is how
   * `setFullScreen(false); setBounds(); setFullScreen(true)` lands on the old display on macOS.
   */
  setBounds(bounds: Partial<Rect>): void {
    this.throwIfDestroyed();
    if (onWayland() || this.fullScreen || this.fullScreenWanted) return;
    this.bounds = { ...this.bounds, ...bounds };
  }
  /** Electron's BrowserWindow docs: "On Wayland, this method will return `{ x: 0, y: 0, ... }`". */
  getBounds(): Rect {
    this.throwIfDestroyed();
    return onWayland() ? { ...this.bounds, x: 0, y: 0 } : { ...this.bounds };
  }
  /** What the system does to a window whose display is unplugged: moves it, state and all, to another. */
  moveToDisplay(from: DisplayInfo, to: DisplayInfo): void {
    const shift = (rect: Rect): Rect => ({ ...rect, x: rect.x - from.bounds.x + to.bounds.x, y: rect.y - from.bounds.y + to.bounds.y });
    this.bounds = this.fullScreen ? { ...to.bounds } : shift(this.bounds);
    if (this.boundsBeforeFullScreen) this.boundsBeforeFullScreen = shift(this.boundsBeforeFullScreen);
  }
  private throwIfDestroyed(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}

/** Electron's `screen`: the displays a test plugs in, and the events Electron sends when they change. */
export class FakeScreen extends EventEmitter {
  displays: DisplayInfo[] = [laptop];
  primaryDisplayId = laptop.id;
  getAllDisplays(): DisplayInfo[] {
    return this.displays;
  }
  getPrimaryDisplay(): DisplayInfo {
    return this.displays.find((display) => display.id === this.primaryDisplayId) ?? (this.displays[0] as DisplayInfo);
  }
  /** Electron's Screen docs: "The display that most closely intersects the provided bounds." */
  getDisplayMatching(rect: Rect): DisplayInfo {
    const overlap = (display: DisplayInfo): number => {
      const width = Math.min(rect.x + rect.width, display.bounds.x + display.bounds.width) - Math.max(rect.x, display.bounds.x);
      const height = Math.min(rect.y + rect.height, display.bounds.y + display.bounds.height) - Math.max(rect.y, display.bounds.y);
      return Math.max(0, width) * Math.max(0, height);
    };
    const best = [...this.displays].sort((a, b) => overlap(b) - overlap(a))[0];
    return best && overlap(best) > 0 ? best : this.getPrimaryDisplay();
  }
  plug(display: DisplayInfo): void {
    this.displays = [...this.displays, display];
    this.emit('display-added', {}, display);
  }
  /** The system first moves the windows that were on it to a display that remains, then Electron tells. */
  unplug(display: DisplayInfo): void {
    const stranded = BrowserWindow.getAllWindows().filter((window) => this.getDisplayMatching(window.bounds).id === display.id);
    this.displays = this.displays.filter((candidate) => candidate.id !== display.id);
    for (const window of stranded) window.moveToDisplay(display, this.getPrimaryDisplay());
    this.emit('display-removed', {}, display);
  }
}

export const screen = new FakeScreen();

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

function frameShowing(contents: { readonly url: string }): FakeWebFrame {
  return {
    get url(): string {
      return contents.url;
    },
    parent: null,
  };
}

/**
 * An invoke event from the top frame of a page showing `senderFrame.url` (the frame is the
 * sender's `mainFrame`, as Electron gives it), or from a frame that is gone (`null`).
 */
export function invokeEventFromMainFrame(senderFrame: { url: string } | null): unknown {
  return { senderFrame, sender: { mainFrame: senderFrame } };
}

export const ipcMain = {
  /** Each channel's handler as the page sees it through the preload (`unwrapIpcAnswer`). */
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    ipcMain.handlers.set(channel, async (event, ...args) => {
      let answer: unknown;
      try {
        answer = await handler(event, ...args);
      } catch (error) {
        // Electron's ipc-renderer-internal: "Errors thrown through handle in the main process are
        // not transparent as they are serialized and only the message property from the original
        // error is provided to the renderer process", prefixed as below.
        throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
      }
      return unwrapIpcAnswer(answer);
    });
  }),
};

type ReadyState = 'starting' | 'ready';

/**
 * Electron's `app`, for the calls that must happen before 'ready'. Tests drive it: `emitReady()`
 * is the moment Electron emits 'ready', `secondInstanceLockHeldElsewhere` a Podium already running.
 */
class FakeApp extends EventEmitter {
  // Unpackaged Electron run on a file names itself "Electron" (docs/api/app.md, app.getName: "the
  // name field of the app's package.json"; there is none beside out/main/index.js).
  name = 'Electron';
  readyState: ReadyState = 'starting';
  /** What `app.getPath(name)` answers; `appData` is a real folder, since setPath needs one. */
  readonly paths = new Map<string, string>();
  secondInstanceLockHeldElsewhere = false;
  /** Every call this fake records, in order, with 'ready' among them: the order is what matters. */
  readonly calls: string[] = [];
  readonly isPackaged = false;
  private resolveReady: () => void = () => {};
  private ready = Promise.resolve();

  constructor() {
    super();
    this.reset();
  }

  /** A new app, before 'ready'. */
  reset(): void {
    this.removeAllListeners();
    this.name = 'Electron';
    this.readyState = 'starting';
    this.paths.clear();
    this.paths.set('appData', tmpdir());
    this.paths.set('documents', tmpdir());
    this.recentDocuments.length = 0;
    this.secondInstanceLockHeldElsewhere = false;
    this.calls.length = 0;
    this.ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  }

  /** What `app.addRecentDocument` was given: the OS's recent list (macOS dock, Windows jump list). */
  readonly recentDocuments: string[] = [];
  addRecentDocument(path: string): void {
    this.recentDocuments.push(path);
  }
  setName(name: string): void {
    this.calls.push(`setName ${name}`);
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  // docs/api/app.md, app.getPath: "On failure, an Error is thrown."
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  // docs/api/app.md, app.setPath: "If the path specifies a directory that does not exist, an Error
  // is thrown. In that case, the directory should be created with fs.mkdirSync or similar."
  setPath(name: string, path: string): void {
    this.calls.push(`setPath ${name} ${path}`);
    if (!existsSync(path)) throw new Error(`Failed to set path ${name}: ${path} does not exist`);
    this.paths.set(name, path);
  }
  // docs/api/app.md, app.requestSingleInstanceLock([additionalData]): false when another instance
  // holds the lock, which then gets 'second-instance' with argv, workingDirectory and additionalData.
  // The lock lives in userData (electron_api_app.cc resolves DIR_USER_DATA for ProcessSingleton),
  // so the call is recorded with the userData it saw.
  readonly requestSingleInstanceLock = vi.fn((_additionalData?: Record<string, unknown>) => {
    this.calls.push(`requestSingleInstanceLock in ${this.paths.get('userData') ?? 'the default userData'}`);
    return !this.secondInstanceLockHeldElsewhere;
  });
  whenReady(): Promise<void> {
    return this.ready;
  }
  isReady(): boolean {
    return this.readyState === 'ready';
  }
  /** Electron emits 'ready' and resolves whenReady(); resolves once the handlers have run. */
  async emitReady(): Promise<void> {
    this.calls.push('ready');
    this.readyState = 'ready';
    this.emit('ready');
    this.resolveReady();
    await this.ready;
  }
  readonly quit = vi.fn(() => this.calls.push('quit'));
  readonly exit = vi.fn((code?: number) => this.calls.push(`exit ${code ?? 0}`));
}

export const app = new FakeApp();

export const shell = { openExternal: vi.fn(async (_url: string) => {}) };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBoxSync: vi.fn((..._args: unknown[]) => 1),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
};
export const Menu = { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() };
export const session = { defaultSession: new FakeSession() };

export function resetFakeElectron(): void {
  BrowserWindow.instances = [];
  screen.displays = [laptop];
  screen.primaryDisplayId = laptop.id;
  screen.removeAllListeners();
  app.reset();
  ipcMain.handlers.clear();
  vi.clearAllMocks();
}
