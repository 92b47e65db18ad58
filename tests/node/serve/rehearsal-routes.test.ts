import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckServer } from '../../../src/node/serve/deck-server';
import { startTestDeckServer, type TestDeckServer } from '../../support/test-deck-server';

const rehearsal = { recordedAt: 1_700_000_000_000, slides: [{ h: 0, v: 0, ms: 12_000 }, { h: 1, v: 0, ms: 7_000 }] };

describe('serve mode rehearsal route', () => {
  let work = '';
  let server: DeckServer;
  let presenter = '';
  let follower = '';

  const save = (body: unknown, headers: Record<string, string> = {}, as = presenter) =>
    fetch(`${server.origin}${as}/api/rehearsal`, {
      method: 'POST',
      headers: { origin: server.origin, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const load = async () => (await fetch(`${server.origin}${presenter}/api/rehearsal`)).json();
  const savedFile = () => readFile(join(work, '.podium/rehearsal.json'), 'utf8');

  let served: TestDeckServer;
  beforeAll(async () => {
    served = await startTestDeckServer('basic');
    ({ server, work, presenter, follower } = served);
  });
  afterAll(() => served.close());

  it('answers null before the deck has been rehearsed', async () => {
    expect(await load()).toBeNull();
  });

  it('saves the presenter’s rehearsal beside the deck and serves it back', async () => {
    const response = await save(rehearsal);
    expect(response.status).toBe(204);
    expect(JSON.parse(await savedFile())).toEqual(rehearsal);
    expect(await load()).toEqual(rehearsal);
  });

  it('refuses a follower, reading as well as saving: the timings are the presenter’s', async () => {
    const response = await save({ recordedAt: 2, slides: [] }, {}, follower);
    expect(response.status).toBe(403);
    expect(JSON.parse(await savedFile())).toEqual(rehearsal);
    const read = await fetch(`${server.origin}${follower}/api/rehearsal`);
    expect(read.status).toBe(403);
    expect(await read.text()).not.toContain('12000');
  });

  it('refuses a save without the Origin of this server', async () => {
    expect((await save({ recordedAt: 2, slides: [] }, { origin: 'http://evil.example' })).status).toBe(403);
    const withoutOrigin = await fetch(`${server.origin}${presenter}/api/rehearsal`, {
      method: 'POST',
      body: JSON.stringify({ recordedAt: 2, slides: [] }),
    });
    expect(withoutOrigin.status).toBe(403);
    expect(JSON.parse(await savedFile())).toEqual(rehearsal);
  });

  it('refuses a body that is not a rehearsal, or too large to be one', async () => {
    expect((await save({ recordedAt: 2, slides: [{ h: 0, v: 0, ms: 'long' }] })).status).toBe(400);
    expect((await save('{ not json')).status).toBe(400);
    expect((await save('x'.repeat(256 * 1024))).status).toBe(413);
    expect(JSON.parse(await savedFile())).toEqual(rehearsal);
  });

  it('refuses a request without the run’s token', async () => {
    expect((await fetch(`${server.origin}/api/rehearsal`)).status).toBe(401);
  });
});
