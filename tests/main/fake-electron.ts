import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';
import { unwrapIpcAnswer } from '../../src/shared/ipc-answer';

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

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
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
  readonly send = vi.fn();
  /** What `document.documentElement.hasAttribute(…)` answers, call after call. */
  readyAnswers: boolean[] = [true];
  readonly executeJavaScript = vi.fn(async (_script: string) => this.readyAnswers.shift() ?? true);
  readonly printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return false;
  }
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
  fullScreen = false;
  constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.instances.push(this);
  }
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url;
  });
  readonly show = vi.fn();
  // docs/api/browser-window.md: restore() "Restores the window from minimized state to its previous
  // state"; what a second instance needs, with focus(), to bring the deck window forward.
  minimized = false;
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized(): boolean {
    return this.minimized;
  }
  // A destroyed window's methods throw "TypeError: Object has been destroyed" in Electron (seen on
  // BrowserWindow and WebContents alike: electron/electron#4279, tutao/tutanota#4467); only
  // isDestroyed() answers.
  readonly setProgressBar = vi.fn((_progress: number) => {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  });
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
}

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
    this.secondInstanceLockHeldElsewhere = false;
    this.calls.length = 0;
    this.ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
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
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
};
export const Menu = { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() };
export const session = { defaultSession: new FakeSession() };

export const screen = Object.assign(new EventEmitter(), {
  getAllDisplays: vi.fn(() => []),
  getPrimaryDisplay: vi.fn(() => ({ id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } })),
});

export function resetFakeElectron(): void {
  BrowserWindow.instances = [];
  app.reset();
  ipcMain.handlers.clear();
  vi.clearAllMocks();
}
