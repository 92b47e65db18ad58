import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeckWindow } from '../../src/main/window';
import { BrowserWindow, dialog, resetFakeElectron, shell, type FakeWebContents } from './fake-electron';

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
