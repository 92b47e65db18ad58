import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeckWindow, lockDownEveryWebContents } from '../../src/main/window';
import { app, BrowserWindow, dialog, FakeWebContents, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

function openWindow(): { window: BrowserWindow; contents: FakeWebContents } {
  createDeckWindow();
  const window = BrowserWindow.instances.at(-1);
  if (!window) throw new Error('createDeckWindow made no window');
  return { window, contents: window.webContents };
}

function navigate(contents: FakeWebContents, url: string): { prevented: boolean } {
  const event = { url, preventDefault: vi.fn() };
  contents.emit('will-navigate', event);
  return { prevented: event.preventDefault.mock.calls.length > 0 };
}

beforeEach(() => resetFakeElectron());

describe('createDeckWindow', () => {
  describe('its web preferences', () => {
    it('sandbox the page, isolate its context and give it no Node', () => {
      const { window } = openWindow();
      expect(window.options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
      });
    });

    it('load the preload as the one CommonJS bundle a sandbox accepts', () => {
      const { window } = openWindow();
      expect(String(window.options.webPreferences?.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    });
  });

  it("loads the app's page from the podium:// origin", () => {
    const { window } = openWindow();
    expect(window.loadURL).toHaveBeenCalledWith('podium://app/index.html');
  });

  describe('when the page opens a window', () => {
    it('denies it and sends an https link to the system browser', () => {
      const { contents } = openWindow();
      expect(contents.windowOpenHandler?.({ url: 'https://example.com/talk' })).toEqual({ action: 'deny' });
      expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/talk');
    });

    it('denies it and sends an http link to the system browser', () => {
      const { contents } = openWindow();
      expect(contents.windowOpenHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
      expect(shell.openExternal).toHaveBeenCalledWith('http://example.com/');
    });

    it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'podium://app/index.html'])(
      'denies %s without handing it to the system',
      (url) => {
        const { contents } = openWindow();
        expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
        expect(shell.openExternal).not.toHaveBeenCalled();
      },
    );
  });

  describe('when the page navigates', () => {
    it('prevents leaving for a web page and opens it in the system browser', () => {
      const { contents } = openWindow();
      expect(navigate(contents, 'https://evil.example/').prevented).toBe(true);
      expect(shell.openExternal).toHaveBeenCalledWith('https://evil.example/');
    });

    it.each(['file:///etc/passwd', 'podium://app/deck/notes.md', 'podium://other/index.html'])(
      'prevents %s and opens nothing',
      (url) => {
        const { contents } = openWindow();
        expect(navigate(contents, url).prevented).toBe(true);
        expect(shell.openExternal).not.toHaveBeenCalled();
      },
    );

    it("lets the app's own page load again, print view included", () => {
      const { contents } = openWindow();
      expect(navigate(contents, 'podium://app/index.html').prevented).toBe(false);
      expect(navigate(contents, 'podium://app/index.html?view=print#/2').prevented).toBe(false);
    });
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = openWindow();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  describe('when a frame or a redirect leads elsewhere', () => {
    const frameNavigation = (contents: FakeWebContents, url: string, isMainFrame: boolean): boolean => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    const redirect = (contents: FakeWebContents, url: string): boolean => {
      const event = { url, isMainFrame: true, preventDefault: vi.fn() };
      contents.emit('will-redirect', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };

    it('keeps a frame inside the page on the app’s origin', () => {
      const { contents } = openWindow();
      expect(frameNavigation(contents, 'https://evil.example/', false)).toBe(true);
      expect(frameNavigation(contents, 'file:///etc/passwd', false)).toBe(true);
      expect(frameNavigation(contents, 'podium://app/deck/art/map.svg', false)).toBe(false);
      // The top frame is will-navigate's to decide.
      expect(frameNavigation(contents, 'podium://app/index.html?view=edit', true)).toBe(false);
    });

    it('refuses a redirect off the app’s origin', () => {
      const { contents } = openWindow();
      expect(redirect(contents, 'https://evil.example/')).toBe(true);
      expect(redirect(contents, 'podium://app/index.html')).toBe(false);
    });
  });

  describe('devices', () => {
    it('grants no HID, serial or USB device, and every chooser picks none', () => {
      const { contents } = openWindow();
      expect(contents.session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'podium://app' })).toBe(false);
      const picks: unknown[] = [];
      for (const [name, args] of [
        ['select-hid-device', [{ deviceList: [{ deviceId: 'hid-1' }] }]],
        ['select-serial-port', [[{ portId: 'port-1' }], contents]],
        ['select-usb-device', [{ deviceList: [{ deviceId: 'usb-1' }] }]],
      ] as const) {
        const event = { preventDefault: vi.fn() };
        contents.session.emit(name, event, ...args, (picked?: string) => picks.push(picked));
        expect(event.preventDefault).toHaveBeenCalled();
      }
      const bluetooth = { preventDefault: vi.fn() };
      contents.emit('select-bluetooth-device', bluetooth, [{ deviceId: 'bt-1' }], (picked: string) => picks.push(picked));
      expect(bluetooth.preventDefault).toHaveBeenCalled();
      expect(picks).toEqual([undefined, '', undefined, '']);
    });
  });

  describe('permission requests', () => {
    it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])('denies %s', (permission) => {
      const { contents } = openWindow();
      const callback = vi.fn();
      contents.session.permissionRequestHandler?.(contents, permission, callback, {
        requestingUrl: 'podium://app/index.html',
        isMainFrame: true,
      });
      expect(callback).toHaveBeenCalledWith(false);
      expect(contents.session.permissionCheckHandler?.(contents, permission, 'podium://app')).toBe(false);
    });

    it("grants fullscreen to the app's page only, so that reveal.js can present", () => {
      const { contents } = openWindow();
      const answers: boolean[] = [];
      for (const requestingUrl of ['podium://app/index.html', 'https://evil.example/']) {
        contents.session.permissionRequestHandler?.(contents, 'fullscreen', (granted) => answers.push(granted), {
          requestingUrl,
          isMainFrame: true,
        });
      }
      expect(answers).toEqual([true, false]);
    });
  });
});

describe('lockDownEveryWebContents', () => {
  it('locks down a webContents the app did not make itself, once', () => {
    lockDownEveryWebContents();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();

    // A window of the app's own, locked down when made, is not locked down twice.
    const { contents: own } = openWindow();
    app.emit('web-contents-created', {}, own);
    expect(own.listenerCount('will-prevent-unload')).toBe(1);
  });
});

describe('closing a window with unsaved edits', () => {
  function tryToUnload(contents: FakeWebContents): { unloaded: boolean } {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', event);
    // Electron's rule: preventDefault() on will-prevent-unload lets the page unload after all.
    return { unloaded: event.preventDefault.mock.calls.length > 0 };
  }

  it('asks, and keeps the window open when the person keeps editing', () => {
    const { contents } = openWindow();
    dialog.showMessageBoxSync.mockReturnValueOnce(1);
    expect(tryToUnload(contents).unloaded).toBe(false);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(
      expect.objectContaining({ buttons: ['Discard Edits and Close', 'Keep Editing'], cancelId: 1 }),
    );
  });

  it('closes when the person chooses to discard the edits', () => {
    const { contents } = openWindow();
    dialog.showMessageBoxSync.mockReturnValueOnce(0);
    expect(tryToUnload(contents).unloaded).toBe(true);
  });
});
