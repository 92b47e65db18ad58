import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CEREMONY_DECK, inspectDeck, runPodium, servePodium, type ServeProcess } from '../support/podium-cli';

/** reveal.js's `?print-pdf`: the presenter's URL, printed from the browser, gives the export's pages. */
let served: ServeProcess;

test.beforeAll(async () => {
  served = await servePodium(CEREMONY_DECK);
});

test.afterAll(async () => {
  await served.stop();
});

test('the presenter URL with ?print-pdf prints one page a slide, at the slide size, as podium export does', async ({ page }) => {
  const url = new URL(served.url);
  url.searchParams.set('print-pdf', '');
  await page.goto(url.toString());
  await expect(page.locator('html[data-podium-ready]')).toBeAttached({ timeout: 30_000 });
  const base = await mkdtemp(join(tmpdir(), 'podium-print-pdf-'));
  try {
    const pdf = join(base, 'printed.pdf');
    // What Chrome's Print ▸ Save as PDF does with the page's own @page size.
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(inspectDeck(CEREMONY_DECK).slides.length);
    const [width, height] = (/^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? []).slice(1).map(Number);
    expect((width ?? 0) / (height ?? 1)).toBeCloseTo(16 / 9, 2);
    // Page by page, the same words as the PDF `podium export` writes.
    const exported = join(base, 'exported.pdf');
    const exporting = runPodium(['export', CEREMONY_DECK, '--pdf', exported]);
    expect(exporting.status, exporting.stderr).toBe(0);
    expect(pageTexts(pdf)).toEqual(pageTexts(exported));
  } finally {
    await rm(base, { recursive: true, force: true });
  }
});

function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim())
    .filter((page, index, pages) => page !== '' || index < pages.length - 1);
}
