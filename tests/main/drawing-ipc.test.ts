import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import { registerDrawingIpc } from '../../src/main/drawing-ipc';
import { resetFakeElectron } from './fake-electron';
import { APP_PAGE, appWindow, invokeFrom } from './ipc-support';

vi.mock('electron', () => import('./fake-electron'));

const stroke = { id: 'p-1', tool: 'arrow', color: '#10a34a', f: 2, points: [[10, 20, 0.5], [300, 400, 0.5]] };

describe('the drawing IPC', () => {
  let root = '';
  beforeEach(async () => {
    resetFakeElectron();
    root = await mkdtemp(join(tmpdir(), 'podium-drawing-ipc-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('passes a drawing message on to every other window of the app, never back to its sender', async () => {
    registerDrawingIpc(() => root);
    const deck = appWindow();
    const speaker = appWindow(`${APP_PAGE}?view=speaker`);
    const elsewhere = appWindow('https://example.com/');
    const message = { kind: 'stroke', page: '1/0', stroke };
    await invokeFrom(speaker, IPC_CHANNELS.sendDrawing, message);
    expect(deck.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.drawing, message);
    expect(speaker.webContents.send).not.toHaveBeenCalled();
    expect(elsewhere.webContents.send).not.toHaveBeenCalled();
    // A window that opens later loads what was drawn.
    expect(await invokeFrom(appWindow(), IPC_CHANNELS.loadDrawings)).toEqual({ pages: { '1/0': [stroke] } });
  });

  it('starts from the deck’s saved drawings, and saves them back atomically', async () => {
    await mkdir(join(root, '.podium'));
    await writeFile(join(root, '.podium/drawings.json'), JSON.stringify({ pages: { '0/0': [stroke] } }));
    registerDrawingIpc(() => root);
    const window = appWindow();
    expect(await invokeFrom(window, IPC_CHANNELS.loadDrawings)).toEqual({ pages: { '0/0': [stroke] } });
    const drawings = { pages: { whiteboard: [{ ...stroke, id: 'w-1' }] } };
    await invokeFrom(window, IPC_CHANNELS.saveDrawings, drawings);
    expect(JSON.parse(await readFile(join(root, '.podium/drawings.json'), 'utf8'))).toEqual(drawings);
  });

  it('refuses a page that is not the app’s, and what is not a drawing message or drawings', async () => {
    registerDrawingIpc(() => root);
    const deck = appWindow();
    const foreign = appWindow('https://evil.example/');
    await expect(invokeFrom(foreign, IPC_CHANNELS.sendDrawing, { kind: 'clear', page: '0/0' })).rejects.toThrow(/not the app's page/);
    await expect(invokeFrom(foreign, IPC_CHANNELS.saveDrawings, { pages: {} })).rejects.toThrow(/not the app's page/);
    await expect(invokeFrom(deck, IPC_CHANNELS.sendDrawing, { kind: 'clear', page: '/etc/passwd' })).rejects.toThrow(/expected one drawing message/);
    await expect(invokeFrom(deck, IPC_CHANNELS.saveDrawings, { pages: { '0/0': 'x' } })).rejects.toThrow(/not drawings/);
    expect(deck.webContents.send).not.toHaveBeenCalled();
    await expect(readFile(join(root, '.podium/drawings.json'))).rejects.toThrow(/ENOENT/);
  });
});
