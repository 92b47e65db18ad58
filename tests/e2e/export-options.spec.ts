import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pageText, pdfInfo, readOutline } from '../node/export/read-pdf';
import { findColours, renderPdfPage } from '../support/pdf-pixels';
import { CEREMONY_DECK, FIXTURE_DECKS, PODIUM_BIN, runPodium } from '../support/podium-cli';
import { writeFileAtomically } from '../../src/node/fs/write-atomic';

// A deck of two segments: "Opening" (a titled slide with notes and an image, a slide with two
// fragments) and "Finale" (a slide with notes and a vertical slide below it, a last slide with notes).
const DECK = join(FIXTURE_DECKS, 'export-outline');
const MISSING_IMAGE_DECK = join(FIXTURE_DECKS, 'export-missing-image');
// Four slides, each painted in colours of its own: a purple background colour; a red image (PNG,
// 16:9); a green background image; a blue image (PNG, 5:3) on a yellow background image.
const HANDOUT_IMAGES_DECK = join(FIXTURE_DECKS, 'handout-images');

let work = '';
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'podium-export-options-'));
});
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Page `page` of `pdf` rendered at 24 dpi in grey, as `pdftoppm` writes it (a PGM). */
function greyPixels(pdf: string, page: number): Buffer {
  return execFileSync('pdftoppm', ['-r', '24', '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf]);
}

function exportDeck(deck: string, ...args: string[]): { pdf: string; status: number | null; stderr: string; stdout: string } {
  const pdf = join(work, 'out.pdf');
  const result = runPodium(['export', deck, '--pdf', pdf, ...args]);
  return { pdf, ...result };
}

test.describe('podium export: bookmarks and metadata', () => {
  test('bookmarks each segment, its slides nested under it, each opening its own page', async () => {
    const { pdf, status, stderr } = exportDeck(DECK);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(await readOutline(pdf)).toEqual([
      {
        title: 'Opening',
        page: 1,
        children: [
          { title: 'Welcome to the Stade de France', page: 1, children: [] },
          { title: 'Programme', page: 2, children: [] },
        ],
      },
      {
        title: 'Finale',
        page: 3,
        children: [
          { title: 'Handover', page: 3, children: [] },
          { title: 'Tom Cruise drops in', page: 4, children: [] },
          { title: 'Fireworks over Saint-Denis', page: 5, children: [] },
        ],
      },
    ]);
    // Each bookmark's page shows that slide.
    expect(pageText(pdf, 4)).toMatch(/TOM CRUISE DROPS IN/i);
  });

  test('embeds every font, each once', () => {
    const { pdf, status } = exportDeck(DECK);
    expect(status).toBe(0);
    const rows = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    const names = rows.map((row) => row.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ''));
    for (const row of rows) expect(row, row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    expect(new Set(names).size).toBe(names.length);
  });

  test('--no-outline writes no bookmarks', async () => {
    const { pdf, status } = exportDeck(DECK, '--no-outline');
    expect(status).toBe(0);
    expect(await readOutline(pdf)).toEqual([]);
  });

  test("carries deck.yaml's title and author, and the export's time as the creation date (not deck.yaml's date)", () => {
    expect(readFileSync(join(DECK, 'deck.yaml'), 'utf8')).toMatch(/^date: 2024-08-11$/m);
    // pdfinfo prints dates to the second: a whole second either side of the export.
    const before = Math.floor(Date.now() / 1000) * 1000;
    const { pdf, status } = exportDeck(DECK);
    const after = Date.now() + 1000;
    expect(status).toBe(0);
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Closing night');
    expect(info.Author).toBe('Thomas Jolly');
    const iso = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
    for (const field of ['CreationDate', 'ModDate']) {
      const stamp = new RegExp(`^${field}:\\s+(\\S+)$`, 'm').exec(iso)?.[1] ?? '';
      const time = Date.parse(stamp);
      expect(time, `${field} ${stamp}`).toBeGreaterThanOrEqual(before);
      expect(time, `${field} ${stamp}`).toBeLessThanOrEqual(after);
    }
    expect(info.Pages).toBe('5');
  });
});

test.describe('podium export: which pages', () => {
  test('--range prints only those slides, 1-based in deck order, vertical slides counted', async () => {
    const { pdf, status } = exportDeck(DECK, '--range', '2,4-5');
    expect(status).toBe(0);
    expect(pdfInfo(pdf).Pages).toBe('3');
    expect(pageText(pdf, 1)).toMatch(/^PROGRAMME/i);
    expect(pageText(pdf, 2)).toMatch(/^TOM CRUISE DROPS IN/i);
    expect(pageText(pdf, 3)).toMatch(/^FIREWORKS OVER SAINT/i);
    const outline = await readOutline(pdf);
    expect(outline.map((entry) => [entry.title, entry.page])).toEqual([
      ['Opening', 1],
      ['Finale', 2],
    ]);
  });

  test('--range keeps the generated agenda listing the whole deck, its segments outside the range not linked', () => {
    const { pdf, status, stderr } = exportDeck(CEREMONY_DECK, '--range', '1-3');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(pdfInfo(pdf).Pages).toBe('3');
    const agendaPage = [1, 2, 3].map((page) => pageText(pdf, page)).find((text) => /programme/i.test(text)) ?? '';
    // Every segment but the agenda's own and the ones marked `agenda: false`.
    for (const title of ['Under The Paris Sky', 'The athletes arrive', 'The record', 'Hymn To Apollo', 'The music section', 'Handover to Los Angeles', 'My Way and fireworks']) {
      expect(agendaPage.toLowerCase(), title).toContain(title.toLowerCase());
    }
  });

  test("--size prints pages of that size instead of the deck's", () => {
    const { pdf, status } = exportDeck(DECK, '--size', '4:3');
    expect(status).toBe(0);
    // 1024×768 CSS px at 96 px per inch.
    expect(pdfInfo(pdf)['Page size']).toMatch(/^768 x 576 pts/);
    expect(pdfInfo(pdf).Pages).toBe('5');
    expect(exportDeck(DECK, '--size', 'huge').stderr).toContain('--size: unknown size "huge"');
  });

  test('--range past the last slide is a usage error that says how many there are', () => {
    const { pdf, status, stderr } = exportDeck(DECK, '--range', '1-9');
    expect(status).toBe(2);
    expect(stderr).toContain('the deck has 5');
    expect(existsSync(pdf)).toBe(false);
  });

  test('without --fragments a slide prints once in its final state; with it, once per fragment step', async () => {
    const final = exportDeck(DECK);
    expect(pageText(final.pdf, 2)).toMatch(/Parade of athletes Handover to Los Angeles/);

    const { pdf, status, stdout } = exportDeck(DECK, '--fragments');
    expect(status).toBe(0);
    expect(stdout).toContain('5 slides on 7 pages');
    expect(pdfInfo(pdf).Pages).toBe('7');
    expect(pageText(pdf, 2)).not.toContain('Parade of athletes');
    expect(pageText(pdf, 3)).toContain('Parade of athletes');
    expect(pageText(pdf, 3)).not.toContain('Handover to Los Angeles');
    expect(pageText(pdf, 4)).toContain('Handover to Los Angeles');
    // The slide after the steps is where its bookmark says.
    const [, finale] = await readOutline(pdf);
    expect(finale?.page).toBe(5);
    expect(pageText(pdf, 5)).toMatch(/^HANDOVER/i);
  });
});

test.describe('podium export: speaker notes', () => {
  test('--notes pages puts a notes page after each slide that has notes', async () => {
    const { pdf, status } = exportDeck(DECK, '--notes', 'pages');
    expect(status).toBe(0);
    const texts = Array.from({ length: Number(pdfInfo(pdf).Pages) }, (_, index) => pageText(pdf, index + 1));
    expect(texts).toHaveLength(8);
    expect(texts[0]).toMatch(/^WELCOME TO THE STADE DE FRANCE/i);
    expect(texts[1]).toContain('Greet the audience in French and English.');
    expect(texts[2]).toMatch(/^PROGRAMME/i);
    expect(texts[3]).toMatch(/^HANDOVER/i);
    expect(texts[4]).toContain('The flag passes from Paris to Los Angeles.');
    expect(texts[5]).toMatch(/^TOM CRUISE DROPS IN/i);
    expect(texts[6]).toMatch(/^FIREWORKS/i);
    expect(texts[7]).toContain('Fireworks close the night.');
    const [, finale] = await readOutline(pdf);
    expect(finale?.children.map((entry) => entry.page)).toEqual([4, 6, 7]);
  });

  test('--notes handout --per-page 3 --paper a4: A4 pages of three slides with their notes beside them', async () => {
    const { pdf, status } = exportDeck(DECK, '--notes', 'handout', '--per-page', '3', '--paper', 'a4');
    expect(status).toBe(0);
    const info = pdfInfo(pdf);
    expect(info.Pages).toBe('2');
    expect(info['Page size']).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const first = pageText(pdf, 1);
    expect(first).toMatch(/WELCOME TO THE STADE DE FRANCE.*Greet the audience in French and English/is);
    expect(first).toMatch(/PROGRAMME/i);
    expect(first).toMatch(/HANDOVER.*The flag passes from Paris to Los Angeles/is);
    expect(first).not.toContain('Fireworks close the night');
    expect(pageText(pdf, 2)).toMatch(/TOM CRUISE DROPS IN.*FIREWORKS OVER SAINT.*Fireworks close the night/is);
    // Bookmarks open the handout page that holds the slide.
    const [opening, finale] = await readOutline(pdf);
    expect(opening?.page).toBe(1);
    expect(finale?.children.map((entry) => entry.page)).toEqual([1, 2, 2]);
  });

  test('--notes handout --per-page 6 --paper letter fits the deck on one Letter page', () => {
    const { pdf, status } = exportDeck(DECK, '--notes', 'handout', '--per-page', '6', '--paper', 'letter');
    expect(status).toBe(0);
    expect(pdfInfo(pdf).Pages).toBe('1');
    expect(pdfInfo(pdf)['Page size']).toMatch(/^612 x 792 pts/);
  });
});

test.describe('podium export: long notes are never cut', () => {
  /** 120 numbered sentences and a last one: a note far longer than a page. */
  const LONG_NOTE = [
    'Greet the audience in French and English.',
    ...Array.from({ length: 120 }, (_, index) => `Point ${index + 1} of the long story, told at length.`),
    'These are the very last words.',
  ].join(' ');

  /** export-outline with the long note on its first slide, in `work`. */
  async function deckWithLongNote(): Promise<string> {
    const deck = join(work, 'deck');
    await cp(DECK, deck, { recursive: true });
    const opening = join(deck, '1-opening.md');
    const source = await readFile(opening, 'utf8');
    await writeFileAtomically(opening, source.replace('Note: Greet the audience in French and English.', `Note: ${LONG_NOTE}`));
    return deck;
  }

  /** The PDF's text, every run of white space one space. */
  function allText(pdf: string): string {
    return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }

  /** The page count `podium export` reported on stdout. */
  function reportedPages(stdout: string): number {
    const match = /wrote \d+ slides? on (\d+) pages?/.exec(stdout);
    return Number(match?.[1]);
  }

  test('--notes pages continues a long note on labelled pages of its own and counts them as the PDF does', async () => {
    const { pdf, status, stdout } = exportDeck(await deckWithLongNote(), '--notes', 'pages');
    expect(status).toBe(0);
    const pages = Number(pdfInfo(pdf).Pages);
    expect(reportedPages(stdout)).toBe(pages);
    const texts = Array.from({ length: pages }, (_, index) => pageText(pdf, index + 1));
    // The slide, the note's first page, its continuations, then the deck's other pages as before.
    const continued = texts.filter((text) => text.startsWith('Speaker notes (continued)'));
    expect(continued.length).toBeGreaterThan(1);
    expect(texts.slice(2, 2 + continued.length)).toEqual(continued);
    expect(texts[2 + continued.length]).toMatch(/^PROGRAMME/i);
    expect(pages).toBe(8 + continued.length);
    // Every word, in order: each point once (a page may break between a number and its words), the
    // last words at the end of the last continuation.
    const text = allText(pdf);
    const points = [...text.matchAll(/Point (\d+)/g)].map((match) => Number(match[1]));
    expect(points).toEqual(Array.from({ length: 120 }, (_, index) => index + 1));
    expect(continued.at(-1)?.replace(/\s+/g, ' ')).toMatch(/These are the very last words\.\s*$/);
    // Bookmarks open the pages the slides are on, after the continued note.
    const [opening] = await readOutline(pdf);
    expect(opening?.children.map((entry) => entry.page)).toEqual([1, 3 + continued.length]);
  });

  test('--notes pages reports the PDF’s own page count for the ceremony deck', () => {
    const { pdf, status, stdout } = exportDeck(CEREMONY_DECK, '--notes', 'pages');
    expect(status).toBe(0);
    expect(reportedPages(stdout)).toBe(Number(pdfInfo(pdf).Pages));
  });

  test('--notes pages prints notes dark on white, whatever the theme', () => {
    const { pdf, status } = exportDeck(CEREMONY_DECK, '--notes', 'pages', '--range', '1');
    expect(status).toBe(0);
    expect(pdfInfo(pdf).Pages).toBe('2');
    /** The mean grey of a page, 0 black to 255 white, and the share of its pixels that are dark. */
    const shades = (page: number): { mean: number; dark: number } => {
      const pgm = greyPixels(pdf, page);
      // A binary PGM: "P5", width, height, maximum, then one byte a pixel.
      const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString('latin1'));
      const pixels = pgm.subarray(header?.[0].length ?? 0);
      expect(pixels.length).toBe(Number(header?.[1]) * Number(header?.[2]));
      let sum = 0;
      let dark = 0;
      for (const pixel of pixels) {
        sum += pixel;
        if (pixel < 128) dark++;
      }
      return { mean: sum / pixels.length, dark: dark / pixels.length };
    };
    // The slide on the deck's dark theme; its notes page white with dark text.
    expect(shades(1).mean).toBeLessThan(100);
    const notes = shades(2);
    expect(notes.mean).toBeGreaterThan(235);
    expect(notes.dark).toBeGreaterThan(0.005);
    expect(pageText(pdf, 2)).toMatch(/^Speaker notes\s+Good evening, and welcome/);
  });

  for (const perPage of [1, 3, 6]) {
    test(`--notes handout --per-page ${perPage} keeps every word of a long note, marked where it continues`, async () => {
      const { pdf, status, stdout } = exportDeck(await deckWithLongNote(), '--notes', 'handout', '--per-page', String(perPage));
      expect(status).toBe(0);
      const pages = Number(pdfInfo(pdf).Pages);
      expect(reportedPages(stdout)).toBe(pages);
      const text = allText(pdf);
      const points = [...text.matchAll(/Point (\d+)/g)].map((match) => Number(match[1]));
      expect(points).toEqual(Array.from({ length: 120 }, (_, index) => index + 1));
      expect(text).toContain('These are the very last words.');
      // The row stops with a mark; the page after it goes on under the slide's name.
      expect(pageText(pdf, 1).replace(/\s+/g, ' ')).toContain('(continued on the next page)');
      expect(pageText(pdf, 2)).toMatch(/Welcome to the Stade de France, continued/);
      // Every page numbered out of the new total, and the other slides' notes still there.
      for (let page = 1; page <= pages; page++) expect(pageText(pdf, page)).toMatch(new RegExp(`\\b${page} ?/ ?${pages}\\b`));
      expect(text).toContain('Fireworks close the night.');
    });
  }
});

test.describe('podium export: every picture of every slide in handouts', () => {
  /** Each slide's colours, and the aspect ratio each shows at when printed whole. */
  const SLIDES = [
    { number: 1, colours: { '#8e24aa': { aspect: 16 / 9, filled: 0.8 } } },
    { number: 2, colours: { '#e53935': { aspect: 16 / 9, filled: 0.98 } } },
    { number: 3, colours: { '#43a047': { aspect: 16 / 9, filled: 0.9 } } },
    // The blue image hides part of the yellow background.
    { number: 4, colours: { '#fdd835': { aspect: 16 / 9, filled: 0.5 }, '#1e88e5': { aspect: 5 / 3, filled: 0.98 } } },
  ];
  /** `pdfimages -list` of the PNGs each slide draws, as width×height. */
  const RASTERS: Record<number, string[]> = { 1: [], 2: ['320x180'], 3: ['320x180'], 4: ['300x180', '320x180'] };

  /** The images `pdfimages -list` finds drawn on each page, as width×height, sorted. */
  function imagesByPage(pdf: string): Map<number, string[]> {
    const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const pages = new Map<number, string[]>();
    for (const row of rows) {
      const [page, , type, width, height] = row.trim().split(/\s+/);
      if (type !== 'image') continue;
      pages.set(Number(page), [...(pages.get(Number(page)) ?? []), `${width}x${height}`].sort());
    }
    return pages;
  }

  for (const perPage of [2, 3, 6]) {
    test(`--per-page ${perPage}: each slide's images, background image and background colour show whole on its page`, async ({ page }) => {
      const { pdf, status, stderr } = exportDeck(HANDOUT_IMAGES_DECK, '--notes', 'handout', '--per-page', String(perPage));
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const pageOf = (slide: number): number => Math.ceil(slide / perPage);
      expect(pdfInfo(pdf).Pages).toBe(String(pageOf(SLIDES.length)));

      const expectedImages = new Map<number, string[]>();
      for (const slide of SLIDES) expectedImages.set(pageOf(slide.number), [...(expectedImages.get(pageOf(slide.number)) ?? []), ...(RASTERS[slide.number] ?? [])].sort());
      expect(imagesByPage(pdf)).toEqual(expectedImages);

      for (let number = 1; number <= pageOf(SLIDES.length); number++) {
        const onPage = SLIDES.filter((slide) => pageOf(slide.number) === number);
        const found = await findColours(page, renderPdfPage(pdf, number), onPage.flatMap((slide) => Object.keys(slide.colours)));
        const tops: number[] = [];
        for (const slide of onPage) {
          for (const [colour, { aspect, filled }] of Object.entries(slide.colours)) {
            const label = `slide ${slide.number}, ${colour}, on page ${number}: ${JSON.stringify(found[colour])}`;
            const bounds = found[colour]?.bounds;
            expect(bounds, label).toBeTruthy();
            if (!bounds) continue;
            // Whole, not cut at some edge: the picture's own aspect ratio, within a pixel or two.
            expect(Math.abs(bounds.width / bounds.height - aspect) / aspect, label).toBeLessThan(0.03);
            expect((found[colour]?.pixels ?? 0) / (bounds.width * bounds.height), label).toBeGreaterThan(filled);
            // Large enough to be a slide's picture, not a stray pixel of that colour.
            expect(bounds.width, label).toBeGreaterThan(60);
            tops.push(bounds.y);
          }
        }
        // Slides in deck order, one row each, top to bottom.
        expect(tops).toEqual([...tops].sort((a, b) => a - b));
      }
    });
  }
});

test.describe('podium export: PNG', () => {
  test('--png writes one PNG per slide at --png-width, the slide as the PDF shows it', async ({ page }) => {
    const folder = join(work, 'png');
    const result = runPodium(['export', DECK, '--png', folder, '--png-width', '960', '--range', '1-2']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['slide-001.png', 'slide-002.png']);
    const first = readFileSync(join(folder, 'slide-001.png'));
    // PNG header: IHDR width and height, big-endian, at bytes 16 and 20.
    expect([first.readUInt32BE(16), first.readUInt32BE(20)]).toEqual([960, 540]);
    // Read back in the browser: the dark theme in the corners, the image's blue square below the title.
    await page.setContent(`<canvas width="960" height="540"></canvas>`);
    // A string, not a function: the Node-side type check has no DOM types.
    const pixels = (await page.evaluate(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${first.toString('base64')}';
      await image.decode();
      const context = document.querySelector('canvas').getContext('2d');
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, 960, 540).data;
      const at = (x, y) => [...data.subarray((y * 960 + x) * 4, (y * 960 + x) * 4 + 3)];
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 2] > 150 && data[i] < 100) blue++;
      return { corner: at(0, 0), otherCorner: at(959, 0), blue };
    })()`)) as { corner: number[]; otherCorner: number[]; blue: number };
    pixels.corner.forEach((channel, index) => expect(Math.abs(channel - (pixels.otherCorner[index] as number))).toBeLessThan(4));
    expect(Math.max(...pixels.corner)).toBeLessThan(60);
    expect(pixels.blue).toBeGreaterThan(500);
  });
});

test.describe('podium export --watch', () => {
  test('exports again after each change, keeps the last PDF when the deck breaks, and stops on SIGINT', async () => {
    const deck = join(work, 'deck');
    await cp(DECK, deck, { recursive: true });
    const pdf = join(work, 'watched.pdf');
    const child = spawn(process.execPath, [PODIUM_BIN, 'export', deck, '--pdf', pdf, '--watch']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exports = (): number => stdout.split('\n').filter((line) => line.startsWith('podium: wrote')).length;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(exports, { timeout: 20_000 }).toBe(1);
      expect(pageText(pdf, 5)).toMatch(/^FIREWORKS OVER SAINT/i);

      // A change to one slide's text, which makes it taller: only that slide is laid out again, in
      // the page already open, and the PDF is the one a fresh export prints.
      const finale = join(deck, '2-finale.md');
      // Saved as an editor saves (write beside, rename over): a plain writeFile truncates first,
      // and a watcher may export the half-written deck in between (seen once in three CI runs).
      await writeFileAtomically(
        finale,
        (await readFile(finale, 'utf8')).replace('# Fireworks over Saint-Denis', '# Fireworks over the Seine\n\nA second line.\n\nAnd a third.'),
      );
      await expect.poll(exports, { timeout: 20_000 }).toBe(2);
      expect(pageText(pdf, 5)).toMatch(/^FIREWORKS OVER THE SEINE/i);
      expect(stdout).toContain('(only the changed slides laid out again)');
      const fresh = join(work, 'fresh.pdf');
      expect(runPodium(['export', deck, '--pdf', fresh]).status).toBe(0);
      for (const page of [4, 5]) expect(greyPixels(pdf, page).equals(greyPixels(fresh, page)), `page ${page}`).toBe(true);

      await writeFileAtomically(join(deck, '1-opening.md'), '---\ntitle: [never closed\n---\n\n# Broken\n');
      await expect.poll(() => stderr, { timeout: 20_000 }).toContain('1-opening.md:2: error');
      expect(stderr).toContain('the last PDF stays');
      expect(pageText(pdf, 5)).toMatch(/^FIREWORKS OVER THE SEINE/i);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});

test.describe('podium export: fidelity and failure', () => {
  test('refuses a slide whose image is missing, naming file and line; writes nothing', () => {
    const { pdf, status, stderr } = exportDeck(MISSING_IMAGE_DECK);
    expect(status).toBe(1);
    expect(stderr).toContain('1-pictures.md:9: error: image "images/parade.jpg" not found');
    expect(stderr).toContain('--allow-missing');
    expect(existsSync(pdf)).toBe(false);
  });

  test('--allow-missing exports it anyway', () => {
    const { pdf, status } = exportDeck(MISSING_IMAGE_DECK, '--allow-missing');
    expect(status).toBe(0);
    expect(pdfInfo(pdf).Pages).toBe('2');
  });

  test('a failure mid-export (the --timeout passing) leaves no file, not even a partial one', async () => {
    const { pdf, status, stderr } = exportDeck(DECK, '--timeout', '0.2');
    expect(status).toBe(1);
    expect(stderr).toContain('timed out after 0.2 s');
    expect(existsSync(pdf)).toBe(false);
    expect(await readdir(work)).toEqual([]);
  });

  test('prints no progress line when stderr is not a terminal', () => {
    const { stderr, status } = exportDeck(DECK);
    expect(status).toBe(0);
    expect(stderr).toBe('');
  });
});

