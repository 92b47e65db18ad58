import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { servePodium, type ServeProcess } from '../support/podium-cli';
import { pageText, pdfInfo } from '../node/export/read-pdf';

let served: ServeProcess | null = null;
let deck = '';
let work = '';

/** Three slides, each with notes: slides 1-2 with notes pages are four pages. */
const TALK = [
  '# Opening night\n\nNote: Say hello to the stadium.\n',
  '# Middle act\n\nNote: Slow down here.\n',
  '# Closing act\n\nNote: Thank the crew.\n',
].join('\n---\n\n');

test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'podium-export-dialog-'));
  deck = join(work, 'deck');
  await mkdir(deck);
  await writeFile(join(deck, 'deck.yaml'), 'title: Dialog Night\nauthor: Podium tests\n');
  await writeFile(join(deck, '01-talk.md'), TALK);
  served = await servePodium(deck);
});
test.afterEach(async () => {
  await served?.stop();
  await rm(work, { recursive: true, force: true });
});

async function openExportDialog(page: Page, slides = 3) {
  await page.goto(`${served?.url}&view=edit`);
  await expect(page.locator('.podium-edit-status')).toContainText('01-talk.md — saved');
  await page.getByRole('button', { name: 'Export PDF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PDF' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Slides', { exact: true })).toHaveAttribute('placeholder', new RegExp(`All ${slides} slides`));
  return dialog;
}

test.describe('the Export dialog in serve mode', () => {
  test('exports the chosen slides with notes pages as a download named after the deck', async ({ page }) => {
    const dialog = await openExportDialog(page);
    await dialog.getByLabel('A notes page after each slide').check();
    // Slides per page and paper only shape handouts.
    await expect(dialog.getByLabel('Paper')).toBeDisabled();
    await dialog.getByLabel('Slides', { exact: true }).fill('1-2');
    const downloading = page.waitForEvent('download');
    // Enter in a field exports, as the dialog's default button.
    await dialog.getByLabel('Slides', { exact: true }).press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Dialog Night.pdf');
    const pdf = join(work, 'downloaded.pdf');
    await download.saveAs(pdf);

    expect(pdfInfo(pdf).Pages).toBe('4');
    expect(pdfInfo(pdf).Title).toBe('Dialog Night');
    expect(pageText(pdf, 1).toLowerCase()).toContain('opening night');
    expect(pageText(pdf, 2)).toContain('Say hello to the stadium.');
    expect(pageText(pdf, 3).toLowerCase()).toContain('middle act');
    expect(pageText(pdf, 4)).toContain('Slow down here.');
    await expect(dialog.getByRole('status')).toHaveText(/Exported Dialog Night\.pdf \(\d+ KiB\)\./);

    // The choices are remembered for the next export.
    await page.reload();
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    await expect(dialog.getByLabel('Slides', { exact: true })).toHaveValue('1-2');
    await expect(dialog.getByLabel('A notes page after each slide')).toBeChecked();
  });

  test('exports PowerPoint with editable text and the notes as notes, and shows what became a picture', async ({ page }) => {
    // A fourth slide whose turned paragraph no shape can carry: the export warns about it.
    await writeFile(join(deck, 'tilt.css'), '.reveal .tilted { display: inline-block; transform: rotate(-8deg); }\n');
    await writeFile(join(deck, 'deck.yaml'), 'title: Dialog Night\nauthor: Podium tests\ncss: tilt.css\n');
    await writeFile(join(deck, '01-talk.md'), `${TALK}\n---\n\n# Encore\n\n<p class="tilted">Tilted</p>\n`);
    await (await openExportDialog(page, 4)).getByLabel('PowerPoint, text editable').check();
    // The dialog is named after the format it exports.
    const dialog = page.getByRole('dialog', { name: 'Export PowerPoint' });
    await expect(dialog).toBeVisible();
    // Notes pages, bookmarks, tags and image resolution shape only a PDF.
    await expect(dialog.getByLabel('A notes page after each slide')).toBeDisabled();
    await expect(dialog.getByLabel('Bookmarks: one per segment, its slides nested')).toBeDisabled();
    await dialog.getByLabel('Slides', { exact: true }).fill('2-4');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Dialog Night.pptx');
    const file = join(work, 'downloaded.pptx');
    await download.saveAs(file);

    const zip = await JSZip.loadAsync(await readFile(file));
    const part = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
    const text = (xml: string): string => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]).join(' ').toLowerCase();
    expect(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(3);
    expect(text(await part('ppt/slides/slide1.xml'))).toContain('middle act');
    expect(text(await part('ppt/notesSlides/notesSlide1.xml'))).toContain('slow down here.');
    expect(text(await part('ppt/slides/slide2.xml'))).toContain('closing act');
    expect(await part('ppt/slides/slide3.xml')).toMatch(/<p:pic>(?:(?!<\/p:pic>).)*descr="Tilted"/s);
    await expect(dialog.getByRole('status')).toHaveText(/Exported Dialog Night\.pptx \(\d+ KiB\)\./);
    await expect(dialog.locator('.podium-export-warnings')).toHaveText(/01-talk\.md:\d+: slide 4: the CSS transform of p\.tilted becomes a picture of itself/);

    // The format is remembered with the other choices.
    await page.reload();
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export PowerPoint' }).getByLabel('PowerPoint, text editable')).toBeChecked();
  });

  test('shows an invalid range beside the field and exports nothing', async ({ page }) => {
    const exports: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/export/')) exports.push(request.url());
    });
    const dialog = await openExportDialog(page);
    const range = dialog.getByLabel('Slides', { exact: true });
    await range.fill('2-9');
    await expect(dialog.getByText('"2-9" goes past the last slide (the deck has 3)')).toBeVisible();
    await expect(range).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(range).toBeFocused();
    await range.fill('1,x');
    await expect(dialog.getByText('"x" is not a slide number or a range like 1-5')).toBeVisible();
    expect(exports).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test("shows the host's refusal, naming file and line, when the deck has errors", async ({ page }) => {
    const dialog = await openExportDialog(page);
    await writeFile(join(deck, '02-broken.md'), '---\ntitle: never closed\n\n# Oops\n');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('02-broken.md:1');
    await expect(dialog.getByRole('status')).toHaveText('Not exported.');
  });

  test('shows the sentence `podium export` and the app give for a refused deck, with no prefix added or stripped', async ({ page }) => {
    const dialog = await openExportDialog(page);
    await writeFile(join(deck, '02-broken.md'), '---\ntitle: never closed\n\n# Oops\n');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'the deck has errors; no PDF written:\n02-broken.md:1: error: front matter opened with `---` is never closed',
    );
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 800, height: 600 },
  ]) {
    test(`at ${viewport.width}x${viewport.height}, with a refusal shown, its title and buttons stay in the window and the refusal can be read`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const dialog = await openExportDialog(page);
      await dialog.getByText('Handout: slides with their notes beside them').click();
      await writeFile(join(deck, '02-broken.md'), '---\ntitle: never closed\n\n# Oops\n');
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      const refusal = dialog.getByRole('alert');
      await expect(refusal).toContainText('02-broken.md:1');
      for (const part of [dialog.getByRole('heading', { name: 'Export PDF' }), dialog.getByRole('button', { name: 'Close' }), dialog.getByRole('button', { name: 'Export', exact: true })]) {
        await expect(part).toBeInViewport({ ratio: 1 });
      }
      await refusal.scrollIntoViewIfNeeded();
      await expect(refusal).toBeInViewport({ ratio: 1 });
      // Scrolling to the refusal moved only what is between the title and the buttons.
      await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 });
      await expect(dialog.getByRole('heading', { name: 'Export PDF' })).toBeInViewport({ ratio: 1 });
    });
  }
});
