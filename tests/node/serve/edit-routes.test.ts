import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckServer } from '../../../src/node/serve/deck-server';
import { startTestDeckServer, type TestDeckServer } from '../../support/test-deck-server';

describe('serve mode edit routes', () => {
  let work = '';
  let server: DeckServer;
  let presenter = '';
  let follower = '';

  const post = (method: string, args: unknown[], headers: Record<string, string> = {}, as = presenter) =>
    fetch(`${server.origin}${as}/api/edit/${method}`, {
      method: 'POST',
      headers: { origin: server.origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ args }),
    });

  let served: TestDeckServer;
  beforeAll(async () => {
    served = await startTestDeckServer('basic');
    ({ server, work, presenter, follower } = served);
  });
  afterAll(() => served.close());

  it('reads and saves a segment for the presenter', async () => {
    const read = (await (await post('readSegment', ['10-end.md'])).json()) as { result: { version: string } };
    const saved = await post('saveSegment', ['10-end.md', '# Saved over HTTP\n', read.result.version, false]);
    expect(saved.status).toBe(200);
    expect(await readFile(join(work, '10-end.md'), 'utf8')).toBe('# Saved over HTTP\n');
  });

  it('refuses a write without the Origin of this server', async () => {
    const response = await fetch(`${server.origin}${presenter}/api/edit/saveSegment`, {
      method: 'POST',
      body: JSON.stringify({ args: ['10-end.md', 'x', 'missing', true] }),
    });
    expect(response.status).toBe(403);
    expect((await post('saveSegment', ['10-end.md', 'x', 'missing', true], { origin: 'http://evil.example' })).status).toBe(403);
    expect(await readFile(join(work, '10-end.md'), 'utf8')).not.toBe('x');
  });

  it('refuses a follower', async () => {
    const response = await post('saveSegment', ['10-end.md', 'x', 'missing', true], {}, follower);
    expect(response.status).toBe(403);
  });

  it('answers 404 for a method the API does not have, its prototype’s included', async () => {
    for (const method of ['unlink', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const response = await post(method, []);
      expect(response.status, method).toBe(404);
      expect(await response.json()).toEqual({ message: `no such edit method: ${method}` });
    }
  });

  it('refuses wrong argument shapes and paths out of the deck', async () => {
    expect((await post('saveSegment', ['10-end.md', 42, 'v', true])).status).toBe(400);
    const escape = await post('saveSegment', ['../escape.md', 'x', 'missing', true]);
    expect(escape.status).toBe(400);
    expect(((await escape.json()) as { message: string }).message).toMatch(/not a path inside the deck/);
  });

  it('answers a refused edit with its sentence and kind, as the app\'s IPC answer carries them', async () => {
    const escape = await post('saveSegment', ['../escape.md', 'x', 'missing', true]);
    expect(await escape.json()).toEqual({ message: expect.stringMatching(/not a path inside the deck/), kind: 'usage' });
  });

  it('refuses GET on an edit route', async () => {
    const response = await fetch(`${server.origin}${presenter}/api/edit/listRecovery`);
    expect(response.status).toBe(405);
  });
});
