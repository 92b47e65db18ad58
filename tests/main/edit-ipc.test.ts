import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import { registerEditIpc } from '../../src/main/edit-ipc';
import { ipcMain, resetFakeElectron, invokeEventFromMainFrame } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const APP_FRAME = { url: 'podium://app/index.html?view=edit' };

function invoke(senderFrame: { url: string } | null, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(IPC_CHANNELS.edit);
  if (!handler) throw new Error('nothing handles the edit channel');
  return Promise.resolve().then(() => handler(invokeEventFromMainFrame(senderFrame), ...args));
}

describe('registerEditIpc', () => {
  let root = '';
  beforeEach(async () => {
    resetFakeElectron();
    root = await mkdtemp(join(tmpdir(), 'podium-edit-ipc-'));
    await writeFile(join(root, '01-intro.md'), '# Intro\n');
    registerEditIpc(() => root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('saves a segment for the app page, through the same host code as serve mode', async () => {
    const read = (await invoke(APP_FRAME, 'readSegment', ['01-intro.md'])) as { version: string };
    await invoke(APP_FRAME, 'saveSegment', ['01-intro.md', '# Edited in the app\n', read.version, false]);
    expect(await readFile(join(root, '01-intro.md'), 'utf8')).toBe('# Edited in the app\n');
  });

  it('refuses a sender that is not the app page', async () => {
    await expect(invoke({ url: 'https://evil.example/' }, 'saveSegment', ['01-intro.md', 'x', 'v', true])).rejects.toThrow(
      /not the app's page/,
    );
    expect(await readFile(join(root, '01-intro.md'), 'utf8')).toBe('# Intro\n');
  });

  it('refuses unknown methods, wrong shapes and paths out of the deck', async () => {
    await expect(invoke(APP_FRAME, 'unlink', ['01-intro.md'])).rejects.toThrow(/not a valid edit call/);
    await expect(invoke(APP_FRAME, 'saveSegment', ['01-intro.md', 1, 'v', true])).rejects.toThrow(/not a valid edit call/);
    await expect(invoke(APP_FRAME, 'saveSegment', ['../x.md', 'x', 'v', true])).rejects.toThrow(/not a path inside the deck/);
  });
});
