import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import { buildDeck } from '../../src/shared/deck/build-deck';
import type { RemoteStatus } from '../../src/shared/present/remote';
import { registerRemoteIpc } from '../../src/main/remote-ipc';
import type { AppRemote } from '../../src/node/serve/remote-server';
import { resetFakeElectron } from './fake-electron';
import { APP_PAGE, appWindow, invokeFrom } from './ipc-support';

vi.mock('electron', () => import('./fake-electron'));

const deck = buildDeck({
  fallbackTitle: 'Talk',
  segments: [{ file: '1.md', source: '# Welcome\n\nNote: Say hello.\n\n---\n\n# Thanks\n' }],
});

/** The first server-sent event of a stream, as text. */
async function firstEvent(url: string): Promise<string> {
  const response = await fetch(url);
  const reader = response.body!.getReader();
  let text = '';
  while (!/event: remote\ndata: .*\n\n/.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += Buffer.from(value).toString();
  }
  await reader.cancel();
  return text;
}

describe("the app's phone remote", () => {
  let rendererDir = '';
  let remote: AppRemote | null = null;
  beforeEach(async () => {
    resetFakeElectron();
    rendererDir = await mkdtemp(join(tmpdir(), 'podium-remote-ipc-'));
    await writeFile(join(rendererDir, 'remote.html'), '<!doctype html><title>Podium remote</title>');
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>the deck page</title>');
    await mkdir(join(rendererDir, 'assets'));
    await writeFile(join(rendererDir, 'assets/remote.js'), 'export {};');
  });
  afterEach(async () => {
    await remote?.close();
    remote = null;
    await rm(rendererDir, { recursive: true, force: true });
  });

  it('listens only once turned on, lets its token move the talk and point the laser, and nothing else', async () => {
    const presentation = appWindow();
    remote = registerRemoteIpc({ rendererDir, deck: () => deck, presenterState: () => ({ h: 0, v: 0, f: -1 }), host: '127.0.0.1' });
    const off = (await invokeFrom(presentation, IPC_CHANNELS.remoteStatus)) as RemoteStatus;
    expect(off).toMatchObject({ on: false, url: null });

    const on = (await invokeFrom(presentation, IPC_CHANNELS.setRemote, true)) as RemoteStatus;
    expect(on.on).toBe(true);
    const url = new URL(on.url!);
    const [, token] = url.pathname.split('/');
    const origin = url.origin;
    expect(await (await fetch(url)).text()).toContain('Podium remote');
    expect((await fetch(`${origin}/${token}/assets/remote.js`)).status).toBe(200);
    // The phone is shown the slide's title and notes, and the next slide's title.
    const shown = await firstEvent(`${origin}/${token}/api/remote/events`);
    expect(shown).toContain('"title":"Welcome"');
    expect(shown).toContain('"nextTitle":"Thanks"');

    const post = (path: string, body: unknown, from = origin) =>
      fetch(`${origin}/${token}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: from }, body: JSON.stringify(body) });
    expect((await post('/api/remote/step', { direction: 'next' })).status).toBe(204);
    expect(presentation.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.remoteCommand, { name: 'step', data: { direction: 'next', from: { h: 0, v: 0, f: -1 } } });
    const laser = { kind: 'laser', page: '0/0', point: { x: 100, y: 200 } };
    expect((await post('/api/drawing', laser)).status).toBe(204);
    expect(presentation.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.remoteCommand, { name: 'laser', data: laser });

    // Nothing else: not the deck page, not a drawing, not another site's page, not another token.
    expect((await fetch(`${origin}/${token}/index.html`)).status).toBe(403);
    expect((await fetch(`${origin}/${token}/api/deck`)).status).toBe(403);
    expect((await post('/api/drawing', { kind: 'clear', page: '0/0' })).status).toBe(403);
    expect((await post('/api/remote/step', { direction: 'next' }, 'http://evil.example')).status).toBe(403);
    expect((await fetch(`${origin}/wrong-token/`)).status).toBe(403);
    expect((await fetch(`${origin}/`)).status).toBe(403);
  });

  it('moves the talk while a presentation or a speaker view is open, even a speaker view alone; an editor or the welcome window is nothing to move', async () => {
    const editor = appWindow(`${APP_PAGE}?view=edit`);
    appWindow(`${APP_PAGE}?view=welcome`);
    remote = registerRemoteIpc({ rendererDir, deck: () => deck, presenterState: () => null, host: '127.0.0.1' });
    const on = (await invokeFrom(editor, IPC_CHANNELS.setRemote, true)) as RemoteStatus;
    const url = new URL(on.url!);
    const press = () =>
      fetch(`${url.origin}${url.pathname}api/remote/step`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: url.origin },
        body: JSON.stringify({ direction: 'next' }),
      });
    const refused = await press();
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('no presentation or speaker view is open');
    expect(await firstEvent(`${url.origin}${url.pathname}api/remote/events`)).toContain('"presenting":false');

    // A speaker view alone, before anyone moved: the talk is at its first slide, and it takes the step.
    const speaker = appWindow(`${APP_PAGE}?view=speaker`);
    const shown = await firstEvent(`${url.origin}${url.pathname}api/remote/events`);
    expect(shown).toContain('"presenting":true');
    expect(shown).toContain('"title":"Welcome"');
    expect((await press()).status).toBe(204);
    const step = { name: 'step', data: { direction: 'next', from: { h: 0, v: 0, f: -1 } } };
    expect(speaker.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.remoteCommand, step);
    expect(editor.webContents.send).not.toHaveBeenCalledWith(IPC_CHANNELS.remoteCommand, expect.anything());
  });

  it('closes the port and revokes the token when turned off; on again, a new token', async () => {
    const window = appWindow();
    remote = registerRemoteIpc({ rendererDir, deck: () => deck, presenterState: () => null, host: '127.0.0.1' });
    const first = (await invokeFrom(window, IPC_CHANNELS.setRemote, true)) as RemoteStatus;
    expect((await fetch(first.url!)).status).toBe(200);
    expect(await invokeFrom(window, IPC_CHANNELS.setRemote, false)).toMatchObject({ on: false, url: null });
    await expect(fetch(first.url!)).rejects.toThrow();
    const second = (await invokeFrom(window, IPC_CHANNELS.setRemote, true)) as RemoteStatus;
    expect(second.url).not.toBe(first.url);
    expect((await fetch(second.url!)).status).toBe(200);
    const oldToken = new URL(first.url!).pathname.split('/')[1];
    expect((await fetch(`${new URL(second.url!).origin}/${oldToken}/`)).status).toBe(403);
  });

  it("takes the speaker view's clock for the phone, and refuses what is not a switch or a clock, or a page not the app's", async () => {
    const window = appWindow();
    remote = registerRemoteIpc({ rendererDir, deck: () => deck, presenterState: () => null, host: '127.0.0.1' });
    const on = (await invokeFrom(window, IPC_CHANNELS.setRemote, true)) as RemoteStatus;
    await invokeFrom(window, IPC_CHANNELS.sendRemoteClock, { elapsedMs: 65_000, running: false, lengthMs: 600_000 });
    const url = new URL(on.url!);
    expect(await firstEvent(`${url.origin}${url.pathname}api/remote/events`)).toContain('"clock":{"elapsedMs":65000,"running":false,"lengthMs":600000}');
    await expect(invokeFrom(window, IPC_CHANNELS.setRemote, 'yes')).rejects.toThrow(/expected true/);
    await expect(invokeFrom(window, IPC_CHANNELS.sendRemoteClock, { elapsedMs: -1 })).rejects.toThrow(/expected one clock/);
    await expect(invokeFrom(appWindow('https://evil.example/'), IPC_CHANNELS.setRemote, false)).rejects.toThrow(/not the app's page/);
    expect(((await invokeFrom(window, IPC_CHANNELS.remoteStatus)) as RemoteStatus).on).toBe(true);
  });
});
