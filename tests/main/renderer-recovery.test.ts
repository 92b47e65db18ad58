import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeckWindow } from '../../src/main/window';
import { createSpeakerWindow } from '../../src/main/speaker-window';
import { CRASH_LOOP_BUTTONS, UNRESPONSIVE_BUTTONS, recoverFromRendererCrashes } from '../../src/main/renderer-recovery';
import { BrowserWindow, dialog, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

const deckWindow = (): BrowserWindow => createDeckWindow() as unknown as BrowserWindow;

const crash = (window: BrowserWindow, reason = 'crashed'): boolean =>
  window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });

describe('recoverFromRendererCrashes', () => {
  it('reloads a deck window whose renderer crashed, keeping its URL and so its slide', () => {
    const window = deckWindow();
    crash(window);
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('reloads the speaker view too', () => {
    const window = createSpeakerWindow(null) as unknown as BrowserWindow;
    crash(window, 'oom');
    expect(window.webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('leaves a renderer that exited cleanly alone', () => {
    const window = deckWindow();
    crash(window, 'clean-exit');
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });

  it('asks instead of reloading once the page crashes again and again, and closes the window when told', async () => {
    let clock = 0;
    const window = new BrowserWindow({});
    recoverFromRendererCrashes(window as never, () => clock);
    dialog.showMessageBox.mockResolvedValueOnce({ response: CRASH_LOOP_BUTTONS.indexOf('Close Window'), checkboxChecked: false });
    for (let crashes = 0; crashes < 4; crashes++) {
      clock += 1000;
      crash(window);
    }
    expect(window.webContents.reload).toHaveBeenCalledTimes(3);
    await vi.waitFor(() => expect(window.close).toHaveBeenCalled());
    expect(dialog.showMessageBox.mock.calls[0]?.[0]).toMatchObject({ message: 'This window keeps crashing.' });
  });

  it('counts only the crashes of the last minute', () => {
    let clock = 0;
    const window = new BrowserWindow({});
    recoverFromRendererCrashes(window as never, () => clock);
    for (let crashes = 0; crashes < 6; crashes++) {
      clock += 30_000;
      crash(window);
    }
    expect(window.webContents.reload).toHaveBeenCalledTimes(6);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('offers to wait for or reload a window that stops responding, asking once', async () => {
    const window = deckWindow();
    dialog.showMessageBox.mockResolvedValueOnce({ response: UNRESPONSIVE_BUTTONS.indexOf('Reload'), checkboxChecked: false });
    window.emit('unresponsive');
    window.emit('unresponsive');
    await vi.waitFor(() => expect(window.webContents.reload).toHaveBeenCalledTimes(1));
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('takes the question away when the window responds again, and does not reload', async () => {
    const window = deckWindow();
    let signal: AbortSignal | undefined;
    dialog.showMessageBox.mockImplementationOnce(async (...args: unknown[]) => {
      signal = (args[0] as { signal: AbortSignal }).signal;
      await new Promise((resolve) => signal?.addEventListener('abort', resolve));
      return { response: UNRESPONSIVE_BUTTONS.indexOf('Reload'), checkboxChecked: false };
    });
    window.emit('unresponsive');
    await vi.waitFor(() => expect(signal).toBeDefined());
    window.emit('responsive');
    expect(signal?.aborted).toBe(true);
    // The first question is over once a new hang asks again.
    await vi.waitFor(() => {
      window.emit('unresponsive');
      expect(dialog.showMessageBox.mock.calls.length).toBeGreaterThanOrEqual(2);
    });
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });
});
