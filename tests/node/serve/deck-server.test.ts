import { request as httpRequest } from 'node:http';
import { cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeckServer, type DeckServer } from '../../../src/node/serve/deck-server';
import type { Deck } from '../../../src/shared/deck/model';
import { DECK_FILE_CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';

const fixtures = join(import.meta.dirname, '../../fixtures/decks');

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

/** A request with the path sent exactly as written: fetch() would normalise `..` away. */
function raw(server: DeckServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** As large as a short clip: several of a read stream's chunks. */
const VIDEO = randomBytes(3 * 1024 * 1024 + 17);

describe('startDeckServer', () => {
  let work = '';
  let deckDir = '';
  let server: DeckServer;
  /** A path of the presenter's page, under the token. */
  const at = (path: string): string => `/${server.token}${path}`;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-serve-'));
    deckDir = join(work, 'deck');
    const rendererDir = join(work, 'renderer');
    await cp(join(fixtures, 'with-image'), deckDir, { recursive: true });
    await writeFile(join(work, 'secret.txt'), 'secret outside the deck');
    await writeFile(join(deckDir, 'images', 'clip.webm'), VIDEO);
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>renderer</title>');
    server = await startDeckServer({ deckPath: deckDir, rendererDir, port: 0, watch: true });
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints a URL carrying a random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  describe('the token', () => {
    it('refuses a request without it', async () => {
      const response = await raw(server, '/api/deck');
      expect(response.status).toBe(401);
      expect(response.body).not.toContain('A picture');
    });

    it('refuses a wrong token', async () => {
      expect((await raw(server, '/?token=wrong')).status).toBe(401);
    });

    it('refuses a wrong token as the path', async () => {
      expect((await raw(server, '/wrong/api/deck')).status).toBe(401);
    });

    it('moves the printed URL to the page under the token, keeping its view, and sets no cookie', async () => {
      const response = await raw(server, `/?token=${server.token}&view=edit`);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`/${server.token}/?view=edit`);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect((await raw(server, `/${server.token}`)).headers.location).toBe(`/${server.token}/`);
      const page = await raw(server, `/${server.token}/`);
      expect(page.status).toBe(200);
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    });

    it('accepts it as the path of every request', async () => {
      expect((await raw(server, at('/api/deck'))).status).toBe(200);
    });

    // Browsers send a cookie for 127.0.0.1 to every port of it: a token there is any local server's.
    it('refuses it as a cookie', async () => {
      const cookie = `podium_token_${new URL(server.origin).port}=${server.token}`;
      expect((await raw(server, '/api/deck', { cookie })).status).toBe(401);
    });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const response = await raw(server, at('/api/deck'), { host: 'evil.example:80' });
    expect(response.status).toBe(403);
  });

  it('refuses writes', async () => {
    expect((await raw(server, at('/api/deck'), {}, 'POST')).status).toBe(405);
  });

  it('serves the deck model over the DeckApi route', async () => {
    const deck = JSON.parse((await raw(server, at('/api/deck'))).body) as Deck;
    expect(deck.slides.map((slide) => slide.title)).toEqual(['A picture']);
  });

  it('serves a print page the slides rendered to HTML, and no other page', async () => {
    const rendered = JSON.parse((await raw(server, at('/api/deck?html'))).body) as Deck;
    expect(rendered.slides[0]?.html).toContain('<h1>A picture</h1>');
    expect(rendered.slides[0]?.html).toContain('src="deck/images/square.svg"');
    const plain = JSON.parse((await raw(server, at('/api/deck'))).body) as Deck;
    expect(plain.slides[0]).not.toHaveProperty('html');
    expect({ ...rendered.slides[0], html: undefined }).toEqual({ ...plain.slides[0], html: undefined });
  });

  it('serves deck assets', async () => {
    const response = await raw(server, at('/deck/images/square.svg'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.body).toContain('<rect');
  });

  describe('a Range request, as a <video> seeking sends', () => {
    const CLIP = '/deck/images/clip.webm';

    it('says it accepts ranges and gives the length of a whole file', async () => {
      const response = await raw(server, at(CLIP));
      expect(response.status).toBe(200);
      expect(response.headers['accept-ranges']).toBe('bytes');
      expect(response.headers['content-length']).toBe(String(VIDEO.length));
      expect(response.bytes.equals(VIDEO)).toBe(true);
    });

    it('answers a range in the middle with 206 and exactly those bytes, keeping every security header', async () => {
      const response = await raw(server, at(CLIP), { range: 'bytes=1500000-1600000' });
      expect(response.status).toBe(206);
      expect(response.headers['content-range']).toBe(`bytes 1500000-1600000/${VIDEO.length}`);
      expect(response.headers['content-length']).toBe('100001');
      expect(response.headers['content-type']).toBe('video/webm');
      expect(response.headers['content-security-policy']).toBe(DECK_FILE_CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(response.bytes.equals(VIDEO.subarray(1500000, 1600001))).toBe(true);
    });

    it('answers an open range and a suffix range', async () => {
      const open = await raw(server, at(CLIP), { range: 'bytes=3000000-' });
      expect(open.status).toBe(206);
      expect(open.bytes.equals(VIDEO.subarray(3000000))).toBe(true);
      const suffix = await raw(server, at(CLIP), { range: 'bytes=-500' });
      expect(suffix.headers['content-range']).toBe(`bytes ${VIDEO.length - 500}-${VIDEO.length - 1}/${VIDEO.length}`);
      expect(suffix.bytes.equals(VIDEO.subarray(-500))).toBe(true);
    });

    it('answers a range past the end with 416 and the size', async () => {
      const response = await raw(server, at(CLIP), { range: `bytes=${VIDEO.length}-` });
      expect(response.status).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${VIDEO.length}`);
      expect(response.bytes.length).toBe(0);
    });

    it('answers HEAD with the range headers and no body', async () => {
      const response = await raw(server, at(CLIP), { range: 'bytes=0-99' }, 'HEAD');
      expect(response.status).toBe(206);
      expect(response.headers['content-length']).toBe('100');
      expect(response.bytes.length).toBe(0);
    });

    it('still needs the token', async () => {
      const response = await raw(server, CLIP, { range: 'bytes=0-99' });
      expect(response.status).toBe(401);
      expect(response.bytes.includes(VIDEO.subarray(0, 100))).toBe(false);
    });
  });

  it.each([
    ['/deck/../secret.txt', 404],
    ['/deck/%2e%2e/secret.txt', 404],
    ['/deck/%252e%252e/secret.txt', 404],
    ['/deck/..%5csecret.txt', 404],
    ['/deck//etc/passwd', 404],
    ['/deck/%2Fetc%2Fpasswd', 404],
    // These climb over the token's path too, and so come without a token.
    ['/../secret.txt', 401],
    ['/%2e%2e/secret.txt', 401],
  ])('refuses the traversal %s', async (path, status) => {
    const response = await raw(server, at(path));
    expect(response.status).toBe(status);
    expect(response.body).not.toContain('secret outside');
  });

  it('sends the new deck to the page when a segment changes on disk', async () => {
    const { port } = new URL(server.origin);
    const received = new Promise<Deck>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: at('/api/events') }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const match = /event: deck\ndata: (.*)\n\n/.exec(buffer);
          if (match?.[1]) {
            resolve(JSON.parse(match[1]) as Deck);
            req.destroy();
          }
        });
        // Write only once the stream is open, so the change cannot be missed.
        void writeFile(join(deckDir, '2-added.md'), '# Added on disk\n');
      });
      req.on('error', reject);
      req.end();
    });
    const deck = await received;
    expect(deck.slides.map((slide) => slide.title)).toEqual(['A picture', 'Added on disk']);
  });
});
