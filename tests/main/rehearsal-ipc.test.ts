import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import { registerRehearsalIpc } from '../../src/main/rehearsal-ipc';
import { ipcMain, resetFakeElectron, invokeEventFromMainFrame } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const SPEAKER_FRAME = { url: 'podium://app/index.html?view=speaker' };
const rehearsal = { recordedAt: 1_700_000_000_000, slides: [{ h: 0, v: 0, ms: 9_000 }, { h: 1, v: 0, ms: 4_000 }] };

function invoke(channel: string, senderFrame: { url: string } | null, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`nothing handles ${channel}`);
  return Promise.resolve().then(() => handler(invokeEventFromMainFrame(senderFrame), ...args));
}

describe('registerRehearsalIpc', () => {
  let root: string | null = '';
  beforeEach(async () => {
    resetFakeElectron();
    root = await mkdtemp(join(tmpdir(), 'podium-rehearsal-ipc-'));
    registerRehearsalIpc(() => root);
  });
  afterEach(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

  it('saves a rehearsal beside the open deck and loads it back', async () => {
    expect(await invoke(IPC_CHANNELS.loadRehearsal, SPEAKER_FRAME)).toBeNull();
    await invoke(IPC_CHANNELS.saveRehearsal, SPEAKER_FRAME, rehearsal);
    expect(JSON.parse(await readFile(join(root ?? '', '.podium/rehearsal.json'), 'utf8'))).toEqual(rehearsal);
    expect(await invoke(IPC_CHANNELS.loadRehearsal, SPEAKER_FRAME)).toEqual(rehearsal);
  });

  it('refuses a sender that is not the app page', async () => {
    await expect(invoke(IPC_CHANNELS.saveRehearsal, { url: 'https://evil.example/' }, rehearsal)).rejects.toThrow(
      /not the app's page/,
    );
    expect(await invoke(IPC_CHANNELS.loadRehearsal, SPEAKER_FRAME)).toBeNull();
  });

  it('refuses something that is not a rehearsal, and extra arguments', async () => {
    await expect(invoke(IPC_CHANNELS.saveRehearsal, SPEAKER_FRAME, { recordedAt: 1, slides: 'all' })).rejects.toThrow(/not a rehearsal/);
    await expect(invoke(IPC_CHANNELS.saveRehearsal, SPEAKER_FRAME, rehearsal, 'extra')).rejects.toThrow(/not a rehearsal/);
    await expect(invoke(IPC_CHANNELS.loadRehearsal, SPEAKER_FRAME, '/etc')).rejects.toThrow(/expected no arguments/);
    expect(await invoke(IPC_CHANNELS.loadRehearsal, SPEAKER_FRAME)).toBeNull();
  });

  it('refuses to save while no deck is open', async () => {
    const deckRoot = root;
    root = null;
    await expect(invoke(IPC_CHANNELS.saveRehearsal, SPEAKER_FRAME, rehearsal)).rejects.toThrow(/no deck is open/);
    root = deckRoot;
  });
});
