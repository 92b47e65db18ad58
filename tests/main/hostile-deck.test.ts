import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/api';
import type { Deck } from '../../src/shared/deck/model';
import { createAppProtocolHandler } from '../../src/main/app-protocol';
import { registerDeckIpc } from '../../src/main/deck-ipc';
import { registerEditIpc } from '../../src/main/edit-ipc';
import { loadDeck } from '../../src/node/deck/load-deck';
import { REPO_ROOT } from '../support/podium-cli';
import { ipcMain, resetFakeElectron, invokeEventFromMainFrame } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/**
 * The hostile corpus (tests/fixtures/hostile) opened by the app's main process: the `podium://`
 * protocol and the IPC handlers, as the renderer would reach them, with `electron` mocked.
 */
const CORPUS = join(REPO_ROOT, 'tests/fixtures/hostile');
const PASSWD_LINE = /root:.*:0:0:/;
const APP_FRAME = { url: 'podium://app/index.html?view=edit' };

let base = '';
let deckRoot = '';
let deck: Deck;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-hostile-main-'));
  deckRoot = join(base, 'deck');
  await cp(CORPUS, deckRoot, { recursive: true, verbatimSymlinks: true });
  deck = (await loadDeck(deckRoot)).deck;
  handle = createAppProtocolHandler({ rendererDir: join(REPO_ROOT, 'out/renderer'), getDeckRoot: () => deckRoot });
  resetFakeElectron();
  registerDeckIpc(() => deck);
  registerEditIpc(() => deckRoot);
});

afterAll(() => rm(base, { recursive: true, force: true }));

function invoke(channel: string, senderFrame: { url: string } | null, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`nothing handles ${channel}`);
  return Promise.resolve().then(() => handler(invokeEventFromMainFrame(senderFrame), ...args));
}

describe('a hostile deck in the app', () => {
  it.each([
    ['plain ..', 'podium://app/deck/../../../../etc/passwd'],
    ['encoded ..', 'podium://app/deck/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
    ['double-encoded ..', 'podium://app/deck/%252e%252e/%252e%252e/etc/passwd'],
    ['encoded slash', 'podium://app/deck/..%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['absolute', 'podium://app/deck//etc/passwd'],
    ['Windows-style', 'podium://app/deck/..%5c..%5c..%5c..%5cetc%5cpasswd'],
    ['drive letter', 'podium://app/deck/C:%5cWindows%5cwin.ini'],
    ['symlinked image', 'podium://app/deck/images/leak.png'],
    ['symlinked segment', 'podium://app/deck/03-leak.md'],
  ])('serves nothing outside the deck through the protocol: %s', async (_name, url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(PASSWD_LINE);
  });

  it('serves the deck\'s SVG sandboxed and its HTML and scripts as plain text', async () => {
    const svg = await handle(new Request('podium://app/deck/images/evil.svg'));
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    for (const path of ['page.html', 'evil.js']) {
      const response = await handle(new Request(`podium://app/deck/${path}`));
      expect(response.headers.get('content-type'), path).toMatch(/^text\/plain/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('hands the renderer a deck that names the segment linking out, and never its content', async () => {
    const sent = (await invoke(IPC_CHANNELS.loadDeck, APP_FRAME)) as Deck;
    expect(sent.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', file: '03-leak.md', line: 1, message: expect.stringMatching(/outside the deck folder/) }),
    );
    expect(JSON.stringify(sent)).not.toMatch(PASSWD_LINE);
    expect(sent.slides.some((slide) => slide.markdown.includes('Still presented'))).toBe(true);
  });

  it('refuses the deck to a page that is not the app\'s', async () => {
    await expect(invoke(IPC_CHANNELS.loadDeck, { url: 'podium://app/deck/images/evil.svg' })).rejects.toThrow(/not the app's page/);
    await expect(invoke(IPC_CHANNELS.loadDeck, { url: 'file:///tmp/page.html' })).rejects.toThrow(/not the app's page/);
  });

  it.each([
    ['saveSegment', ['../outside.md', 'pwned', '', true]],
    ['saveSegment', ['../../outside.md', 'pwned', '', true]],
    ['saveSegment', ['%2e%2e/outside.md', 'pwned', '', true]],
    ['saveSegment', ['/tmp/podium-outside.md', 'pwned', '', true]],
    ['saveSegment', ['..\\outside.md', 'pwned', '', true]],
    ['saveSegment', ['03-leak.md', 'pwned', '', true]],
    ['renameSegment', ['01-scripts.md', '../outside']],
    ['duplicateSegment', ['../deck/../outside.md']],
    ['readSegment', ['03-leak.md']],
    ['recordRecovery', ['../outside.md', 'pwned', '']],
  ])('refuses %s %j from the preload API: nothing outside the deck is read or written', async (method, args) => {
    const result = invoke(IPC_CHANNELS.edit, APP_FRAME, method, args);
    await expect(result).rejects.toThrow();
    await result.catch((error: Error) => expect(error.message).not.toMatch(PASSWD_LINE));
    expect(await readdir(base)).toEqual(['deck']);
    expect(await readFile('/etc/passwd', 'utf8')).not.toContain('pwned');
  });
});
