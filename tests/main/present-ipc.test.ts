import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import { registerPresenterIpc } from '../../src/main/presenter-ipc';
import { resetFakeElectron } from './fake-electron';
import { APP_PAGE, appWindow, invokeFrom } from './ipc-support';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

describe('the presenter IPC', () => {
  it('passes a move on to every other window of the app, never back to the one that made it', async () => {
    registerPresenterIpc(() => {});
    const deck = appWindow();
    const speaker = appWindow(`${APP_PAGE}?view=speaker`);
    const elsewhere = appWindow('https://example.com/');
    await invokeFrom(deck, IPC_CHANNELS.sendPresenterState, { h: 2, v: 0, f: 1 });
    expect(speaker.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.presenterState, { h: 2, v: 0, f: 1 });
    expect(deck.webContents.send).not.toHaveBeenCalled();
    expect(elsewhere.webContents.send).not.toHaveBeenCalled();
  });

  it('remembers the latest move for a speaker view that opens later', async () => {
    const presenter = registerPresenterIpc(() => {});
    expect(presenter.latest()).toBeNull();
    await invokeFrom(appWindow(), IPC_CHANNELS.sendPresenterState, { h: 4, v: 1, f: -1 });
    expect(presenter.latest()).toEqual({ h: 4, v: 1, f: -1 });
  });

  it('refuses a move that is not a presenter state, and passes nothing on', async () => {
    registerPresenterIpc(() => {});
    const deck = appWindow();
    const speaker = appWindow();
    await expect(invokeFrom(deck, IPC_CHANNELS.sendPresenterState, { h: 'x' })).rejects.toThrow(/presenter state/);
    await expect(invokeFrom(deck, IPC_CHANNELS.sendPresenterState)).rejects.toThrow(/presenter state/);
    expect(speaker.webContents.send).not.toHaveBeenCalled();
  });

  it('refuses a move from a page that is not the app', async () => {
    registerPresenterIpc(() => {});
    const foreign = appWindow('https://example.com/');
    await expect(invokeFrom(foreign, IPC_CHANNELS.sendPresenterState, { h: 1, v: 0, f: -1 })).rejects.toThrow(/refused/);
  });

  it('opens the speaker view when the page asks, with no arguments taken from it', async () => {
    const open = vi.fn();
    registerPresenterIpc(open);
    await invokeFrom(appWindow(), IPC_CHANNELS.openSpeakerView);
    expect(open).toHaveBeenCalledTimes(1);
    await expect(invokeFrom(appWindow(), IPC_CHANNELS.openSpeakerView, 'podium://app/evil')).rejects.toThrow();
  });
});
