import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PODIUM_BIN, servePodium, type ServeProcess } from '../support/podium-cli';

const SLIDES = 5000;
const SEGMENTS = 10;
const SLIDES_PER_SEGMENT = SLIDES / SEGMENTS;

/** The text only slide `number` (1-based) carries, on screen and in the PDF. */
const marker = (number: number): string => `Marker ${number} of ${SLIDES}`;

/** Slide `number` of the deck: a heading, a list and its marker, with a note as real decks have. */
function slideMarkdown(number: number): string {
  return [
    `## Topic ${number}`,
    '',
    `- A first point of slide ${number}`,
    '- A second point, the same on every slide',
    '',
    marker(number),
    '',
    'Note:',
    `What to say on slide ${number}.`,
  ].join('\n');
}

/** A 5,000-slide deck in ten segment files of 500 slides each. */
async function writeLargeDeck(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let segment = 0; segment < SEGMENTS; segment++) {
    const first = segment * SLIDES_PER_SEGMENT + 1;
    const slides = Array.from({ length: SLIDES_PER_SEGMENT }, (_, index) => slideMarkdown(first + index));
    const name = `${String(segment + 1).padStart(2, '0')}-part.md`;
    await writeFile(join(folder, name), `---\ntitle: Part ${segment + 1}\n---\n\n${slides.join('\n\n---\n\n')}\n`);
  }
}

/** Runs `podium export` to completion (the helper in podium-cli stops a run after two minutes). */
function exportDeck(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [PODIUM_BIN, 'export', ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout, stderr })));
}

const pageText = (pdf: string, page: number): string =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

const presentSlide = (page: Page) => page.locator('.reveal .slides > section.present');

test.describe('a deck of 5,000 slides', () => {
  // Generous: laying out and printing 5,000 slides on a busy two-core machine takes minutes.
  test.describe.configure({ timeout: 15 * 60_000 });

  let work = '';
  let deck = '';
  let served: ServeProcess | null = null;
  test.beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-large-'));
    deck = join(work, 'deck');
    await writeLargeDeck(deck);
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
  });
  test.afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('opens in serve mode and navigates: first slide, next, a jump to slide 4,000, last', async ({ page }) => {
    served = await servePodium(deck);
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached({ timeout: 5 * 60_000 });
    expect(await page.evaluate('window.Reveal.getTotalSlides()')).toBe(SLIDES);
    await expect(presentSlide(page)).toContainText(marker(1));

    await page.keyboard.press('ArrowRight');
    await expect(presentSlide(page)).toContainText(marker(2));

    await page.evaluate("location.hash = '#/3999'");
    await expect(presentSlide(page)).toContainText(marker(4000));

    await page.keyboard.press('End');
    await expect(presentSlide(page)).toContainText(marker(SLIDES));
  });

  test('exports one PDF page per slide, each with its own text', async () => {
    const pdf = join(work, 'large.pdf');
    const result = await exportDeck([deck, '--pdf', pdf, '--timeout', String(10 * 60)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Printed in parts, which pdf-lib joins without their structure trees: it says so.
    expect(result.stdout).toContain(`the PDF is untagged: a deck of ${SLIDES} pages is printed in parts`);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${SLIDES}\\n`));
    // Pages on either side of where the print is split into parts, and the ends.
    for (const number of [1, 2, 250, 251, 2500, 4000, SLIDES - 1, SLIDES]) {
      const text = pageText(pdf, number);
      expect(text, `page ${number}`).toContain(marker(number));
      expect(text, `page ${number}`).toContain(`A first point of slide ${number} `);
    }
  });
});
