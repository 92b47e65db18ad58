import { EventEmitter } from 'node:events';
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
  readonly reload = vi.fn();
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return false;
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
  // A destroyed window's methods throw "TypeError: Object has been destroyed" in Electron (seen on
  // BrowserWindow and WebContents alike: electron/electron#4279, tutao/tutanota#4467); only
  // isDestroyed() answers.
  readonly setProgressBar = vi.fn((_progress: number) => {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  });
  destroy(): void {
    this.destroyed = true;
  }
  readonly close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
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
  ipcMain.handlers.clear();
  vi.clearAllMocks();
}
