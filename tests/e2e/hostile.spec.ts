import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { REPO_ROOT, servePodium, type ServeProcess } from '../support/podium-cli';

/**
 * The hostile corpus (tests/fixtures/hostile) presented in Chromium through serve mode: nothing in
 * it runs code, opens a dialog, reaches the network or reads a file outside the deck, the CSP
 * reports what it blocked, and the legitimate slides still present.
 */
const CORPUS = join(REPO_ROOT, 'tests/fixtures/hostile');
const PASSWD_LINE = /root:.*:0:0:/;

let base = '';
let deck = '';
let served: ServeProcess;

test.beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-hostile-'));
  deck = join(base, 'deck');
  await cp(CORPUS, deck, { recursive: true, verbatimSymlinks: true });
  // Too big to keep in the repository: a 9 MB base64 image inline in a slide.
  await writeFile(join(deck, '04-huge-image.md'), `# A huge inline image\n\n<img id="huge" src="data:image/png;base64,${noisePng(1500).toString('base64')}">\n`);
  served = await servePodium(deck);
});

test.afterAll(async () => {
  await served.stop();
  await rm(base, { recursive: true, force: true });
});

interface Watch {
  /** Requests that reached the network layer for anything but the server itself. */
  outside: string[];
  dialogs: string[];
  consoleErrors: string[];
}

/** Records every request leaving the page's origin (and stops it), every dialog and console error. */
async function watch(context: BrowserContext, page: Page): Promise<Watch> {
  const origin = new URL(served.url).origin;
  const seen: Watch = { outside: [], dialogs: [], consoleErrors: [] };
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      seen.outside.push(route.request().url());
      return route.abort();
    },
  );
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => message.type() === 'error' && seen.consoleErrors.push(message.text()));
  await page.addInitScript(`window.__podiumCspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__podiumCspViolations.push(event.violatedDirective + ' ' + event.blockedURI));`);
  return seen;
}

async function visitEverySlide(page: Page): Promise<number> {
  const total = await page.evaluate('window.Reveal.getTotalSlides()');
  for (let index = 0; index < (total as number); index++) {
    await page.evaluate(`(() => { const slide = window.Reveal.getSlides()[${index}]; const at = window.Reveal.getIndices(slide); window.Reveal.slide(at.h, at.v); })()`);
    await page.mouse.move(200 + index * 10, 300);
  }
  return total as number;
}

test.describe('a hostile deck in serve mode', () => {
  test('runs no code, opens no dialog, reaches nothing outside the deck, and presents the rest', async ({ context, page }) => {
    const seen = await watch(context, page);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();

    const total = await visitEverySlide(page);
    expect(total).toBeGreaterThanOrEqual(8);
    await page.evaluate('window.Reveal.slide(0)');
    await page.locator('#hover').hover();
    await page.locator('#hover').click();
    await page.locator('#js-link, #js-link-mixed, #api-link').evaluateAll((links) => links.forEach((link) => (link as unknown as { click(): void }).click()));
    // A javascript: link runs from a task queued by its click; a task queued after the clicks has
    // run only once those have.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));

    expect(await page.evaluate('window.__podiumPwned ?? null')).toBeNull();
    expect(seen.dialogs).toEqual([]);
    expect(seen.outside).toEqual([]);
    expect(page.url()).toContain(new URL(served.url).host);
    await expect(page.locator('.reveal :is(script, iframe, object, embed, meta, base, link, form, style)')).toHaveCount(0);
    await expect(page.locator('.reveal :is([onerror], [onload], [onclick], [onmouseover], [ontoggle], [srcdoc])')).toHaveCount(0);
    for (const link of await page.locator('.reveal a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      expect(link).not.toMatch(/^\s*(javascript|data|file):/i);
    }
    // No background iframe, and the background out of the deck was dropped or stays inside it.
    await expect(page.locator('.reveal .backgrounds iframe')).toHaveCount(0);
    expect(await page.content()).not.toMatch(PASSWD_LINE);

    // The CSP blocked what the sanitizer let through (a remote image, the stylesheet's imports) and said so.
    const violations = (await page.evaluate('window.__podiumCspViolations')) as string[];
    expect(violations.some((violation) => violation.includes('https://example.com/tracker.png'))).toBe(true);
    expect(violations.some((violation) => violation.startsWith('style-src') && violation.includes('example.com'))).toBe(true);

    // The legitimate slides: the deck's own CSS and image, the huge inline image, and an error slide
    // that names the segment which points out of the deck.
    await expect(page.locator('.legit-marker')).toHaveCSS('color', 'rgb(10, 20, 30)');
    expect(await page.locator('img[alt="the deck\'s own picture"]').evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    // Inline HTML resolves against the segment as Markdown does: the SVG shows, as an inert image.
    expect(await page.locator('#svg-image').evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBe(120);
    expect(await page.locator('#huge').evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBe(1500);
    await expect(page.locator('.reveal')).toContainText('03-leak.md');
    await expect(page.locator('.reveal')).toContainText('outside the deck folder');
  });

  test('serves the deck\'s SVG and HTML files so that they never run as pages of the app', async ({ context, page }) => {
    const seen = await watch(context, page);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    // The page's own folder, under the run's token: the deck's files are relative to it.
    const pageBase = new URL('.', page.url()).href;

    // goto resolves at the load event, after the SVG's inline scripts and onload handlers would have run.
    await page.goto(`${pageBase}deck/images/evil.svg`);
    expect(await page.evaluate('window.__podiumPwned ?? null')).toBeNull();
    // Sandboxed: an opaque origin, so the presenter's session is out of its reach.
    expect(await page.evaluate('window.origin')).toBe('null');

    const html = await page.goto(`${pageBase}deck/page.html`);
    expect(html?.headers()['content-type']).toMatch(/^text\/plain/);
    await expect(page.locator('#deck-page')).toHaveCount(0);
    expect(await page.evaluate('window.__podiumPwned ?? null')).toBeNull();

    const script = await page.request.get(`${pageBase}deck/evil.js`);
    expect(script.headers()['content-type']).toMatch(/^text\/plain/);
    expect(seen.outside).toEqual([]);
    expect(seen.dialogs).toEqual([]);
  });

  test('refuses a script in the page that tries to write outside the deck', async ({ context, page }) => {
    await watch(context, page);
    await page.goto(`${served.url}&view=edit`);
    // The edit view's preview loads the whole hostile deck, a 9 MB image with it: slow on a busy machine.
    await expect(page.locator('html[data-podium-ready]')).toBeAttached({ timeout: 45_000 });
    // As if a script had slipped past the sanitizer: it holds the presenter's session and the page's origin.
    const statuses = await page.evaluate(async () => {
      const tries = [['../outside.md'], ['../../outside.md'], ['%2e%2e/outside.md'], ['/tmp/outside.md'], ['..\\outside.md']];
      const results: number[] = [];
      for (const [path] of tries) {
        const response = await fetch('api/edit/saveSegment', { method: 'POST', body: JSON.stringify([path, 'pwned', '', true]) });
        results.push(response.status);
      }
      return results;
    });
    for (const status of statuses) expect(status).toBeGreaterThanOrEqual(400);
    expect(await readdir(base)).toEqual(['deck']);
    expect(await page.evaluate('window.__podiumPwned ?? null')).toBeNull();
  });
});

/** A PNG of `size`×`size` random pixels: incompressible, so its base64 is as large as it looks. */
function noisePng(size: number): Buffer {
  const row = 1 + size * 3;
  const raw = randomBytes(row * size);
  // Each row starts with its filter type: none.
  for (let y = 0; y < size; y++) raw[y * row] = 0;
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
