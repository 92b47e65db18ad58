import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CEREMONY_DECK, FIXTURE_DECKS, inspectDeck, runPodium } from '../support/podium-cli';

const pdfInfo = (pdf: string): string => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const pageText = (pdf: string, page: number): string =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });

test.describe('podium export', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-export-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('writes one 16:9 page per slide, each with its title as searchable text', async () => {
    const model = inspectDeck(CEREMONY_DECK);
    const pdf = join(work, 'ceremony.pdf');
    const result = runPodium(['export', CEREMONY_DECK, '--pdf', pdf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(pdf);

    const info = pdfInfo(pdf);
    expect(info).toMatch(new RegExp(`Pages:\\s+${model.slides.length}\\n`));
    // 1920×1080 CSS px at 96 px per inch is 1440×810 pt.
    expect(info).toMatch(/Page size:\s+1440 x 810 pts/);
    model.slides.forEach((slide, index) => {
      const text = pageText(pdf, index + 1).replace(/\s+/g, ' ').toLowerCase();
      expect(text, `page ${index + 1}`).toContain(slide.title?.toLowerCase().replace(/\s+/g, ' '));
    });
  });

  test('prints backgrounds', async () => {
    const pdf = join(work, 'ceremony.pdf');
    expect(runPodium(['export', CEREMONY_DECK, '--pdf', pdf]).status).toBe(0);
    // The corner pixel of a page is the theme's background, not the white of an unprinted page.
    const ppm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '10', '-x', '0', '-y', '0', '-W', '1', '-H', '1', pdf], {
      encoding: 'latin1',
    });
    const pixel = Buffer.from(ppm.slice(-3), 'latin1');
    expect(Math.max(...pixel)).toBeLessThan(200);
  });

  test("draws the theme's blurred shadows as vectors: a quote and a code block add no image, their text stays text", async () => {
    const deck = join(work, 'shadows.md');
    // The white theme gives blockquotes and code blocks a blurred box-shadow.
    await writeFile(deck, '---\ntheme: white\n---\n\n## Quoted\n\n> Faster, higher, stronger\n\n```js\nconst flame = "lit";\n```\n');
    const pdf = join(work, 'shadows.pdf');
    expect(runPodium(['export', deck, '--pdf', pdf]).status).toBe(0);
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toEqual([]);
    expect(pageText(pdf, 1)).toMatch(/Faster, higher, stronger[\s\S]*const flame = "lit";/);
  });

  test('refuses a deck with errors: exit 1, file and line named, no PDF written', async () => {
    const pdf = join(work, 'broken.pdf');
    const result = runPodium(['export', join(FIXTURE_DECKS, 'broken-front-matter'), '--pdf', pdf]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/2-bad\.md:\d+: error: invalid front matter/);
    expect(existsSync(pdf)).toBe(false);
  });

  test('says in one line how to get a browser when there is none', async () => {
    const pdf = join(work, 'none.pdf');
    const result = runPodium(['export', CEREMONY_DECK, '--pdf', pdf, '--browser', join(work, 'no-browser')]);
    expect(result.status).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--browser .*no-browser is not an executable browser/);
    expect(existsSync(pdf)).toBe(false);
    // With no --browser and none installed the message says how to install one: find-browser.test.ts.
  });
});
