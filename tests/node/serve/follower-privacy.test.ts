import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestDeckServer, type TestDeckServer } from '../../support/test-deck-server';

// The audience's token reads the slides and their images, never what only the speaker may see:
// the segments' Markdown, deck.yaml, Podium's own files, or the notes in any form.
describe('what serve mode gives a follower', () => {
  let served: TestDeckServer;
  const get = (path: string, as = served.follower): Promise<Response> => fetch(`${served.server.origin}${as}${path}`);

  beforeAll(async () => {
    served = await startTestDeckServer('basic', () => ({ watch: true }));
    await writeFile(join(served.work, 'deck.yaml'), 'title: Secret plans\n');
    await writeFile(join(served.work, '30-aside.md'), '# Aside\n\nVisible text\n\n<aside class="notes">Say the secret number 4711</aside>\n');
    await mkdir(join(served.work, '.podium'));
    await writeFile(join(served.work, '.podium', 'rehearsal.json'), '{}');
    await symlink(join(served.work, '10-end.md'), join(served.work, 'innocent.txt'));
    // The server reloads on the change; the deck JSON then has the aside's slide.
    await vi.waitFor(
      async () => expect(await (await get('/api/deck', served.presenter)).text()).toContain('Visible text'),
      { timeout: 10_000, interval: 50 },
    );
  });
  afterAll(() => served.close());

  it.each([
    '/deck/10-end.md',
    '/deck/10-end.m%64',
    '/deck/10-end.md/',
    '/deck//10-end.md',
    '/deck/./10-end.md',
    '/deck/%31%30-end.md',
    '/deck/deck.yam%6C',
    '/deck/.podium/rehearsal.json',
    '/deck/%2epodium/rehearsal.json',
    '/deck/innocent.txt',
  ])('never serves %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('#');
  });

  it('still serves the presenter those files', async () => {
    expect((await get('/deck/10-end.m%64', served.presenter)).status).toBe(200);
  });

  it('gets no notes in the deck, not even an <aside class="notes">', async () => {
    const text = await (await get('/api/deck')).text();
    expect(text).toContain('Visible text');
    expect(text).not.toContain('4711');
    expect(await (await get('/api/deck?html')).text()).not.toContain('4711');
    expect(await (await get('/api/deck', served.presenter)).text()).toContain('4711');
  });

  it('gets no notes in the live reload stream either', async () => {
    const controller = new AbortController();
    const response = await fetch(`${served.server.origin}${served.follower}/api/events`, { signal: controller.signal });
    const reader = response.body?.getReader();
    await writeFile(join(served.work, '30-aside.md'), '# Aside\n\nChanged text\n\n<aside class="notes">Now 9922</aside>\n');
    let received = '';
    while (!received.includes('Changed text')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      received += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(received).toContain('Changed text');
    expect(received).not.toContain('9922');
  });

  it('no page may frame any answer: frame-ancestors and X-Frame-Options on every response', async () => {
    for (const [path, as] of [
      ['/', served.presenter],
      ['/api/deck', served.follower],
      ['/deck/10-end.md', served.follower],
      ['/deck/10-end.md', served.presenter],
      ['/', ''],
    ] as const) {
      const response = await get(path, as);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });
});
