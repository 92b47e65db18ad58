import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSpeakerWindow } from '../../src/main/speaker-window';
import { resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

describe('createSpeakerWindow', () => {
  it("is as locked down as the deck's window", () => {
    const window = createSpeakerWindow(null) as unknown as { options: { webPreferences: Record<string, unknown> } };
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it("loads the app's page in its speaker layout, on the presenter's slide and fragment", () => {
    const window = createSpeakerWindow({ h: 3, v: 1, f: 0 });
    expect(window.loadURL).toHaveBeenCalledWith('podium://app/index.html?view=speaker#/3/1/0');
  });

  it('starts on the first slide when nobody has presented yet', () => {
    const window = createSpeakerWindow(null);
    expect(window.loadURL).toHaveBeenCalledWith('podium://app/index.html?view=speaker');
  });

  it('denies new windows and navigation away from the app', () => {
    const window = createSpeakerWindow(null) as unknown as { webContents: { windowOpenHandler: unknown } };
    expect(window.webContents.windowOpenHandler).toBeTypeOf('function');
  });
});
