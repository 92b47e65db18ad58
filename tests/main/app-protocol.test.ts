import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, DECK_FILE_CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { createAppProtocolHandler, installAppProtocol, registerAppSchemeAsPrivileged } from '../../src/main/app-protocol';

vi.mock('electron', () => import('./fake-electron'));

// A real layout on disk: the renderer and the deck side by side, with a secret next to them that
// no request may reach.
let base: string;
let handle: (request: Request) => Promise<Response>;
const SECRET = 'the secret outside the deck';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
/** As large as a short clip: several of a read stream's chunks. */
const VIDEO = randomBytes(3 * 1024 * 1024 + 17);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-protocol-'));
  const renderer = join(base, 'renderer');
  const deck = join(base, 'deck');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await mkdir(join(deck, 'images'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Podium</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(deck, '01-intro.md'), '# Hello\n\n![](images/photo.png)\n');
  await writeFile(join(deck, 'images', 'photo.png'), PNG);
  await writeFile(join(deck, 'images', 'a b.png'), PNG);
  await writeFile(join(deck, 'images', 'clip.webm'), VIDEO);
  await writeFile(join(base, 'secret.txt'), SECRET);
  await symlink(join(base, 'secret.txt'), join(deck, 'images', 'escape.png'));
  await symlink(base, join(deck, 'parent'));
  handle = createAppProtocolHandler({ rendererDir: renderer, getDeckRoot: () => deck });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function get(url: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await handle(new Request(url));
  return { status: response.status, body: await response.text(), headers: response.headers };
}

describe('createAppProtocolHandler', () => {
  describe('for podium://app/deck/<path>', () => {
    it('serves an image of the deck with its content type', async () => {
      const response = await handle(new Request('podium://app/deck/images/photo.png'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    });

    it('decodes a percent-encoded file name once', async () => {
      expect((await get('podium://app/deck/images/a%20b.png')).status).toBe(200);
    });

    it('serves nothing while no deck is open', async () => {
      const noDeck = createAppProtocolHandler({ rendererDir: join(base, 'renderer'), getDeckRoot: () => null });
      expect((await noDeck(new Request('podium://app/deck/images/photo.png'))).status).toBe(404);
    });

    it('answers 404 for a file the deck does not have', async () => {
      expect((await get('podium://app/deck/images/missing.png')).status).toBe(404);
    });

    it('answers 404 for a folder', async () => {
      expect((await get('podium://app/deck/images')).status).toBe(404);
    });
  });

  describe('for a path that tries to leave the deck', () => {
    it.each([
      ['..', 'podium://app/deck/../secret.txt'],
      ['.. twice', 'podium://app/deck/../../secret.txt'],
      ['%2e%2e', 'podium://app/deck/%2e%2e/secret.txt'],
      ['%2e%2e after a folder', 'podium://app/deck/images/%2e%2e/%2e%2e/secret.txt'],
      ['%252e%252e (double encoding)', 'podium://app/deck/%252e%252e/secret.txt'],
      ['%2f inside a segment', 'podium://app/deck/images%2f..%2f..%2fsecret.txt'],
      ['absolute /etc/passwd', 'podium://app/deck//etc/passwd'],
      ['absolute /etc/passwd, encoded', 'podium://app/deck/%2fetc%2fpasswd'],
      ['..%5c Windows-style', 'podium://app/deck/..%5csecret.txt'],
      ['..\\ with a drive letter', 'podium://app/deck/C:%5cWindows%5cwin.ini'],
      ['a NUL byte', 'podium://app/deck/images/photo.png%00.txt'],
      ['a symlinked file pointing outside', 'podium://app/deck/images/escape.png'],
      ['a symlinked folder pointing outside', 'podium://app/deck/parent/secret.txt'],
    ])('refuses %s with 404 and no content', async (_name, url) => {
      const { status, body } = await get(url);
      expect(status).toBe(404);
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain('root:');
    });
  });

  describe('for every other podium://app/<path>', () => {
    it('serves the renderer page with the Content-Security-Policy', async () => {
      const { status, body, headers } = await get('podium://app/index.html');
      expect(status).toBe(200);
      expect(body).toContain('<title>Podium</title>');
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(headers.get('content-security-policy')).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
      // Nothing may frame the app's page: the edit view's buttons cannot be clickjacked.
      expect(headers.get('x-frame-options')).toBe('DENY');
    });

    it('serves the page for the print view, ignoring the query', async () => {
      expect((await get('podium://app/index.html?view=print')).status).toBe(200);
    });

    it("serves the renderer's scripts as JavaScript", async () => {
      const { status, headers } = await get('podium://app/assets/app.js');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    });

    it('does not serve the deck outside /deck/', async () => {
      expect((await get('podium://app/01-intro.md')).status).toBe(404);
    });

    it('refuses to climb out of the renderer folder', async () => {
      const { status, body } = await get('podium://app/%2e%2e/secret.txt');
      expect(status).toBe(404);
      expect(body).not.toContain(SECRET);
    });
  });

  it('answers 404 for any host but app', async () => {
    expect((await get('podium://evil/index.html')).status).toBe(404);
    expect((await get('podium://app.evil/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request('podium://app/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  describe('for a Range request, as a <video> seeking sends', () => {
    // Through the handler Electron is given, as the window's requests reach it.
    let served: (request: Request) => Promise<Response>;
    beforeAll(() => {
      installAppProtocol({ rendererDir: join(base, 'renderer'), getDeckRoot: () => join(base, 'deck') });
      served = vi.mocked(protocol.handle).mock.calls.at(-1)![1] as (request: Request) => Promise<Response>;
    });
    const CLIP = 'podium://app/deck/images/clip.webm';
    const ranged = (range: string, method = 'GET') => served(new Request(CLIP, { method, headers: { Range: range } }));

    it('registers the scheme as a stream, which Chromium needs to ask a custom scheme for ranges', () => {
      registerAppSchemeAsPrivileged();
      expect(vi.mocked(protocol.registerSchemesAsPrivileged).mock.calls.at(-1)![0]).toEqual([
        expect.objectContaining({ scheme: 'podium', privileges: expect.objectContaining({ stream: true, standard: true, secure: true }) }),
      ]);
    });

    it('says it accepts ranges and gives the length of a whole file', async () => {
      const response = await served(new Request(CLIP));
      expect(response.status).toBe(200);
      expect(response.headers.get('accept-ranges')).toBe('bytes');
      expect(response.headers.get('content-length')).toBe(String(VIDEO.length));
      expect(Buffer.from(await response.arrayBuffer()).equals(VIDEO)).toBe(true);
    });

    it('answers a range in the middle with 206 and exactly those bytes', async () => {
      const response = await ranged('bytes=1500000-1600000');
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes 1500000-1600000/${VIDEO.length}`);
      expect(response.headers.get('content-length')).toBe('100001');
      expect(response.headers.get('accept-ranges')).toBe('bytes');
      expect(response.headers.get('content-type')).toBe('video/webm');
      expect(response.headers.get('content-security-policy')).toBe(DECK_FILE_CONTENT_SECURITY_POLICY);
      expect(Buffer.from(await response.arrayBuffer()).equals(VIDEO.subarray(1500000, 1600001))).toBe(true);
    });

    it('answers an open range to the end of the file', async () => {
      const response = await ranged('bytes=3000000-');
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes 3000000-${VIDEO.length - 1}/${VIDEO.length}`);
      expect(Buffer.from(await response.arrayBuffer()).equals(VIDEO.subarray(3000000))).toBe(true);
    });

    it('answers a suffix range with the last bytes', async () => {
      const response = await ranged('bytes=-500');
      expect(response.status).toBe(206);
      expect(Buffer.from(await response.arrayBuffer()).equals(VIDEO.subarray(-500))).toBe(true);
    });

    it('answers a range past the end with 416 and the size', async () => {
      const response = await ranged(`bytes=${VIDEO.length}-`);
      expect(response.status).toBe(416);
      expect(response.headers.get('content-range')).toBe(`bytes */${VIDEO.length}`);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    });

    it('answers HEAD with the range headers and no body', async () => {
      const response = await ranged('bytes=0-99', 'HEAD');
      expect(response.status).toBe(206);
      expect(response.headers.get('content-length')).toBe('100');
      expect(response.body).toBeNull();
    });

    it('streams the file in pieces rather than reading it whole first', async () => {
      const reader = (await served(new Request(CLIP))).body!.getReader();
      const first = await reader.read();
      expect(first.value!.byteLength).toBeGreaterThan(0);
      expect(first.value!.byteLength).toBeLessThan(VIDEO.length);
      await reader.cancel();
    });
  });
});
