import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deck } from '../../../src/shared/deck/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeckServer, type DeckServer } from '../../../src/node/serve/deck-server';
import type { PresenterState } from '../../../src/shared/present/presenter-state';

const fixtures = join(import.meta.dirname, '../../fixtures/decks');

interface Reply {
  status: number;
  body: string;
}

function send(server: DeckServer, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Opens the followers' event stream and resolves with the first `count` presenter states it carries. */
function followerEvents(server: DeckServer, as: string, count: number): { states: Promise<PresenterState[]>; open: Promise<void> } {
  const { port } = new URL(server.origin);
  let opened: () => void = () => {};
  const open = new Promise<void>((resolve) => (opened = resolve));
  const states = new Promise<PresenterState[]>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: `${as}/api/presenter/events` }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes(': connected')) opened();
        const found = [...buffer.matchAll(/event: presenter\ndata: (.*)\n\n/g)].map((match) => JSON.parse(match[1] ?? 'null') as PresenterState);
        if (found.length >= count) {
          resolve(found.slice(0, count));
          req.destroy();
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
  return { states, open };
}

describe('audience follow in serve mode', () => {
  let work = '';
  let server: DeckServer;
  /** The paths the presenter's and a follower's pages live under. */
  let presenter = '';
  let follower = '';
  let followToken = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-follow-'));
    const rendererDir = join(work, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>renderer</title>');
    server = await startDeckServer({ deckPath: join(fixtures, 'presenting'), rendererDir, port: 0 });
    followToken = new URL(server.followUrl).searchParams.get('token') ?? '';
    presenter = `/${server.token}`;
    follower = `/${followToken}`;
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  const post = (as: string, body: unknown, origin: string | null = server.origin): Promise<Reply> =>
    send(server, `${as}/api/presenter`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin === null ? {} : { origin }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('gives followers their own token, in a URL that opens the follower view', () => {
    expect(server.followUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}&view=follow$/);
    expect(followToken).not.toBe(server.token);
  });

  it("lets a follower's token open the follower view under its own path and read the deck", async () => {
    const page = await send(server, `/?token=${followToken}&view=follow`);
    expect(page.status).toBe(303);
    expect((await send(server, `${follower}/?view=follow`)).status).toBe(200);
    expect((await send(server, `${follower}/api/deck`)).status).toBe(200);
  });

  it("keeps the speaker's notes and the deck's sources from followers", async () => {
    const presenterDeck = JSON.parse((await send(server, `${presenter}/api/deck`)).body) as Deck;
    const followerDeck = JSON.parse((await send(server, `${follower}/api/deck`)).body) as Deck;
    expect(presenterDeck.slides.some((slide) => slide.notes !== null)).toBe(true);
    expect(followerDeck.slides.map((slide) => slide.notes)).toEqual(presenterDeck.slides.map(() => null));
    expect(followerDeck.slides.map((slide) => slide.markdown)).toEqual(presenterDeck.slides.map((slide) => slide.markdown));
    const segment = presenterDeck.segments[0]?.file ?? '';
    expect((await send(server, `${presenter}/deck/${segment}`)).status).toBe(200);
    for (const path of [`/deck/${segment}`, `/deck/${segment.toUpperCase()}`, '/deck/deck.yaml', '/deck/.podium/rehearsal.json']) {
      expect((await send(server, `${follower}${path}`)).status, path).toBe(404);
    }
  });

  it("passes the presenter's moves on to followers, starting with the latest one", async () => {
    expect((await post(presenter, { h: 1, v: 0, f: -1 })).status).toBe(204);
    const events = followerEvents(server, follower, 2);
    await events.open;
    expect((await post(presenter, { h: 1, v: 0, f: 0 })).status).toBe(204);
    await expect(events.states).resolves.toEqual([
      { h: 1, v: 0, f: -1 },
      { h: 1, v: 0, f: 0 },
    ]);
  });

  describe('refuses to let anyone but the presenter drive', () => {
    it("refuses a follower's post", async () => {
      const reply = await post(follower, { h: 3, v: 0, f: -1 });
      expect(reply.status).toBe(403);
      expect(reply.body).toContain('follower cannot drive');
    });

    it('refuses a post without a token', async () => {
      expect((await post('', { h: 3, v: 0, f: -1 })).status).toBe(401);
    });

    it("refuses a post from another origin, even with the presenter's token", async () => {
      expect((await post(presenter, { h: 3, v: 0, f: -1 }, 'http://evil.example')).status).toBe(403);
      expect((await post(presenter, { h: 3, v: 0, f: -1 }, null)).status).toBe(403);
    });

    it('refuses a body that is not a presenter state', async () => {
      expect((await post(presenter, 'not json')).status).toBe(400);
      expect((await post(presenter, { h: -4, v: 0, f: -1 })).status).toBe(400);
      expect((await post(presenter, { h: 1, v: 0, f: -1, pad: 'x'.repeat(4096) })).status).toBe(413);
    });

    it('keeps every other route read-only', async () => {
      expect((await send(server, `${presenter}/api/deck`, { method: 'POST', headers: { origin: server.origin } })).status).toBe(405);
    });
  });

  it('has followers still on the last state the presenter posted', async () => {
    const events = followerEvents(server, follower, 1);
    await expect(events.states).resolves.toEqual([{ h: 1, v: 0, f: 0 }]);
  });
});
