import { beforeEach, describe, expect, it, vi } from 'vitest';
import { explainWaylandPlacement, windowPlacementForbidden } from '../../src/main/wayland';
import { dialog, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

describe('windowPlacementForbidden', () => {
  const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };

  it('is true in a Wayland session on Linux, where Electron 38+ runs as a Wayland client', () => {
    expect(windowPlacementForbidden({ platform: 'linux', env: wayland, argv: [] })).toBe(true);
    expect(windowPlacementForbidden({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, argv: [] })).toBe(true);
  });

  it('is false under X11, and under XWayland when the app was started with --ozone-platform=x11', () => {
    expect(windowPlacementForbidden({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, argv: [] })).toBe(false);
    expect(windowPlacementForbidden({ platform: 'linux', env: wayland, argv: ['electron', '--ozone-platform=x11'] })).toBe(false);
    expect(windowPlacementForbidden({ platform: 'linux', env: wayland, argv: ['electron', '--ozone-platform-hint=x11'] })).toBe(false);
  });

  it('is true when Wayland is asked for on the command line', () => {
    expect(windowPlacementForbidden({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11' }, argv: ['--ozone-platform=wayland'] })).toBe(true);
  });

  it('is false on macOS and Windows whatever the environment says', () => {
    expect(windowPlacementForbidden({ platform: 'darwin', env: wayland, argv: [] })).toBe(false);
    expect(windowPlacementForbidden({ platform: 'win32', env: wayland, argv: [] })).toBe(false);
  });
});

describe('explainWaylandPlacement', () => {
  it('tells the person, without blocking, to drag the deck window and use Present on This Display', () => {
    explainWaylandPlacement();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBoxSync).not.toHaveBeenCalled();
    const [options] = dialog.showMessageBox.mock.calls[0] as [{ type: string; message: string; detail: string }];
    expect(options.type).toBe('info');
    expect(`${options.message} ${options.detail}`).toMatch(/drag the deck window/i);
    expect(options.detail).toContain('View ▸ Present on This Display');
  });
});
