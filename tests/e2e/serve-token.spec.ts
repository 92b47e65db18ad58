import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openEditor, typeAtEnd } from './edit-support';
import { FIXTURE_DECKS, servePodium, type ServeProcess } from '../support/podium-cli';

/**
 * Another local server the presenter's browser visits (a dev server, a second run of Podium):
 * browsers send one host's cookies to all its ports, so whatever token serve mode kept in a cookie
 * would reach it. It records every request it is sent.
 */
interface Bystander {
  origin: string;
  requests: { url: string; headers: IncomingHttpHeaders }[];
  server: Server;
}

async function startBystander(): Promise<Bystander> {
  const requests: Bystander['requests'] = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>bystander</title><p id="bystander">another local server</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

const tokenOf = (url: string): string => new URL(url).searchParams.get('token') ?? '';

let bystander: Bystander;
let deck = '';
let served: ServeProcess;

test.beforeEach(async () => {
  bystander = await startBystander();
  deck = await mkdtemp(join(tmpdir(), 'podium-token-'));
  await cp(join(FIXTURE_DECKS, 'basic'), deck, { recursive: true });
  await writeFile(join(deck, '11-link.md'), `# Elsewhere\n\n<a id="elsewhere" href="${bystander.origin}/linked">another site</a>\n`);
  served = await servePodium(deck);
});
test.afterEach(async () => {
  await served.stop();
  await new Promise((resolve) => bystander.server.close(resolve));
  await rm(deck, { recursive: true, force: true });
});

test.describe("serve mode's tokens", () => {
  test('reach no other server on 127.0.0.1, while the presenter, the editor and the audience all work', async ({ browser, context, page }) => {
    const secrets = [tokenOf(served.url), tokenOf(served.followUrl)];
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    await expect(page.locator('.reveal .slides')).toContainText('Welcome to the deck');

    // Live reload still reaches the page.
    await writeFile(join(deck, '10-end.md'), '# The end, edited on disk\n');
    await expect(page.locator('.reveal .slides')).toContainText('The end, edited on disk');

    // The edit view saves, in a second tab of the same browser.
    const editor = await context.newPage();
    await openEditor(editor, served.url, '2-intro.md');
    await typeAtEnd(editor, '\n---\n\n# Saved from the editor\n');
    await editor.keyboard.press('Control+s');
    await expect(editor.locator('.podium-edit-status')).toContainText('— saved');
    expect(await readFile(join(deck, '2-intro.md'), 'utf8')).toContain('# Saved from the editor');

    // The audience's URL works in a browser of its own.
    const audience = await browser.newContext();
    const follower = await audience.newPage();
    await follower.goto(served.followUrl);
    await expect(follower.locator('html[data-podium-ready]')).toBeAttached();
    await expect(follower.locator('.reveal .slides')).toContainText('Saved from the editor');

    // The same browser then visits another local server, and follows a deck's link to it.
    const elsewhere = await context.newPage();
    await elsewhere.goto(`${bystander.origin}/visited`);
    await expect(elsewhere.locator('#bystander')).toBeVisible();
    const other = await audience.newPage();
    await other.goto(`${bystander.origin}/visited-by-the-audience`);
    await page.locator('#elsewhere').evaluate((link) => (link as unknown as { click(): void }).click());
    await page.waitForURL(`${bystander.origin}/linked`);
    await audience.close();

    expect(bystander.requests.map((request) => request.url)).toEqual(expect.arrayContaining(['/visited', '/visited-by-the-audience', '/linked']));
    for (const request of bystander.requests) {
      const seen = JSON.stringify(request);
      for (const secret of secrets) expect(seen, request.url).not.toContain(secret);
      // A Referer would carry the page's URL (Referrer-Policy: no-referrer sends none).
      expect(request.headers.referer ?? '', request.url).not.toContain(new URL(served.url).host);
    }
  });
});
