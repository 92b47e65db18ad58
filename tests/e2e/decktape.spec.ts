import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { findBrowser } from '../../src/node/browser/find-browser';
import { REPO_ROOT, servePodium, type ServeProcess } from '../support/podium-cli';

/**
 * decktape, the tool most people print reveal.js decks with, run as they run it on `podium serve`'s
 * URLs. It waits for Puppeteer's `networkidle0` (500 ms with no request open), which a page holding
 * its live-reload stream open from the start never reaches. decktape is a dev dependency installed
 * without Puppeteer's browser (.puppeteerrc.cjs); it drives the Chromium Podium finds.
 */
const run = promisify(execFile);
const DECKTAPE = join(REPO_ROOT, 'node_modules/decktape/decktape.js');

// Four slides as reveal.js counts them (a vertical stack of two among them), and two fragments.
const DECK = `# Opening slide

---

## Three steps

<p class="fragment">First step</p>
<p class="fragment">Second step</p>

---

## Stack top

--

## Stack below

`;

let base: string;
let served: ServeProcess;

test.beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'podium-decktape-'));
  await writeFile(join(base, 'talk.md'), DECK);
  served = await servePodium(base);
});

test.afterAll(async () => {
  await served.stop();
  await rm(base, { recursive: true, force: true });
});

async function decktape(url: string, pdf: string, extra: string[] = []): Promise<void> {
  const chromeArgs = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'];
  await run(
    process.execPath,
    [
      DECKTAPE,
      'reveal',
      '--chrome-path',
      findBrowser(),
      ...chromeArgs.map((arg) => `--chrome-arg=${arg}`),
      '--size',
      '1280x720',
      ...extra,
      url,
      pdf,
    ],
    { timeout: 120_000 },
  );
}

function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

for (const [role, urlOf] of [
  ['presenter', (s: ServeProcess) => s.url],
  ['follower', (s: ServeProcess) => s.followUrl],
] as const) {
  test(`decktape prints the ${role} URL one page a slide, and with --fragments one page a fragment step`, async () => {
    test.setTimeout(240_000);
    const slides = join(base, `${role}-slides.pdf`);
    await decktape(urlOf(served), slides);
    expect(pageTexts(slides)).toEqual([
      'Opening slide',
      'Three steps First step Second step',
      'Stack top',
      'Stack below',
    ]);

    const steps = join(base, `${role}-fragments.pdf`);
    await decktape(urlOf(served), steps, ['--fragments']);
    expect(pageTexts(steps)).toEqual([
      'Opening slide',
      'Three steps',
      'Three steps First step',
      'Three steps First step Second step',
      'Stack top',
      'Stack below',
    ]);
  });
}
