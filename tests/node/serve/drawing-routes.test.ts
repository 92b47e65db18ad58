import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckServer } from '../../../src/node/serve/deck-server';
import { startTestDeckServer, type TestDeckServer } from '../../support/test-deck-server';

const stroke = { id: 'p-1', tool: 'pen', color: '#e8132b', f: -1, points: [[10, 20, 0.5], [30, 40, 0.7]] };

describe('serve mode drawing routes', () => {
  let server: DeckServer;
  let served: TestDeckServer;
  let presenter = '';
  let follower = '';

  const post = (route: string, body: unknown, headers: Record<string, string> = {}, as = presenter) =>
    fetch(`${server.origin}${as}${route}`, {
      method: 'POST',
      headers: { origin: server.origin, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const drawn = async () => (await fetch(`${server.origin}${presenter}/api/drawings`)).json();

  /** The `drawing` events a follower's stream carries, until `count` of them have come. */
  async function followerEvents(count: number, during: () => Promise<void>): Promise<unknown[]> {
    const controller = new AbortController();
    const response = await fetch(`${server.origin}${follower}/api/presenter/events`, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const events: unknown[] = [];
    let text = '';
    let started = false;
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const data = /^event: drawing\ndata: (.*)$/m.exec(block)?.[1];
        if (data) events.push(JSON.parse(data));
      }
      if (!started) {
        started = true;
        await during();
      }
    }
    controller.abort();
    return events;
  }

  beforeAll(async () => {
    served = await startTestDeckServer('basic');
    ({ server, presenter, follower } = served);
  });
  afterAll(() => served.close());

  it('passes the presenter’s drawing on to a follower, after every page drawn so far', async () => {
    const events = await followerEvents(2, async () => {
      expect((await post('/api/drawing', { kind: 'stroke', page: '0/0', stroke })).status).toBe(204);
    });
    expect(events).toEqual([{ kind: 'all', drawings: { pages: {} } }, { kind: 'stroke', page: '0/0', stroke }]);
    expect(await drawn()).toEqual({ pages: { '0/0': [stroke] } });
    // A follower that joins now is greeted with the stroke.
    const [greeting] = await followerEvents(1, async () => undefined);
    expect(greeting).toEqual({ kind: 'all', drawings: { pages: { '0/0': [stroke] } } });
  });

  it('refuses a follower’s drawing, one from another site, and what is not a message', async () => {
    expect((await post('/api/drawing', { kind: 'clear', page: '0/0' }, {}, follower)).status).toBe(403);
    expect((await post('/api/drawing', { kind: 'clear', page: '0/0' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/drawing', { kind: 'clear', page: '../../x' })).status).toBe(400);
    expect((await post('/api/drawing', 'not json')).status).toBe(400);
    expect((await fetch(`${server.origin}${follower}/api/drawings`)).status).toBe(403);
    expect(await drawn()).toEqual({ pages: { '0/0': [stroke] } });
  });

  it('saves drawings beside the deck for the presenter only', async () => {
    const drawings = { pages: { '0/0': [stroke], whiteboard: [{ ...stroke, id: 'w-1' }] } };
    expect((await post('/api/drawings', drawings, {}, follower)).status).toBe(403);
    expect((await post('/api/drawings', { pages: 'all' })).status).toBe(400);
    expect((await post('/api/drawings', drawings)).status).toBe(204);
    expect(JSON.parse(await readFile(join(served.work, '.podium/drawings.json'), 'utf8'))).toEqual(drawings);
  });
});
