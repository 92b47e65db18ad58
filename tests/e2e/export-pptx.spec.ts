import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { CEREMONY_DECK, FIXTURE_DECKS, inspectDeck, runPodium } from '../support/podium-cli';

const PPTX_DECK = join(FIXTURE_DECKS, 'pptx');

/** The text of every `<a:t>` run of an XML part, in order. */
const runsOf = (xml: string): string[] => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => unescapeXml(match[1] ?? ''));
const unescapeXml = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const squashed = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

interface ReadPptx {
  slides: string[];
  /** Each slide's relationships: where its pictures and its links' URLs are. */
  slideRels: string[];
  notes: string[];
  presentation: string;
  core: string;
}

async function readPptx(file: string): Promise<ReadPptx> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const part = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const count = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
  const numbers = Array.from({ length: count }, (_, index) => index + 1);
  return {
    slides: await Promise.all(numbers.map((n) => part(`ppt/slides/slide${n}.xml`))),
    slideRels: await Promise.all(numbers.map((n) => part(`ppt/slides/_rels/slide${n}.xml.rels`))),
    notes: await Promise.all(numbers.map((n) => part(`ppt/notesSlides/notesSlide${n}.xml`))),
    presentation: await part('ppt/presentation.xml'),
    core: await part('docProps/core.xml'),
  };
}

/** A PDF's page as 8-bit grey pixels (poppler's PGM), `dpi` pixels to the inch. */
function greyPage(pdf: string, page: number, dpi: number): { width: number; height: number; pixels: Buffer } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`not a PGM: page ${page} of ${pdf}`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: pgm.subarray(header[0].length) };
}

/**
 * How far two renderings of a slide are apart: the mean grey difference (0–255) over squares of
 * `block` px, for the worst square. Pixel by pixel, LibreOffice's substitute fonts differ from
 * the theme's everywhere there is text; over squares, a missing picture or a background in the
 * wrong colour stands out, and a word a little wider does not.
 */
function worstBlockDifference(a: ReturnType<typeof greyPage>, b: ReturnType<typeof greyPage>, block: number): number {
  expect(`${a.width}x${a.height}`).toBe(`${b.width}x${b.height}`);
  let worst = 0;
  for (let top = 0; top + block <= a.height; top += block) {
    for (let left = 0; left + block <= a.width; left += block) {
      let sum = 0;
      for (let y = top; y < top + block; y++) {
        for (let x = left; x < left + block; x++) sum += Math.abs((a.pixels[y * a.width + x] ?? 0) - (b.pixels[y * b.width + x] ?? 0));
      }
      worst = Math.max(worst, sum / (block * block));
    }
  }
  return worst;
}

const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((path) => existsSync(path));

test.describe('podium export --pptx', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-pptx-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('writes editable text: titles, runs, nested and numbered lists, a table, notes, sections and properties', async () => {
    const pptx = join(work, 'deck.pptx');
    const result = runPodium(['export', PPTX_DECK, '--pptx', pptx]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('text editable');
    const read = await readPptx(pptx);
    const model = inspectDeck(PPTX_DECK);
    expect(read.slides).toHaveLength(model.slides.length);
    // Every slide's title is a text run of its own slide (the theme shows headings in capitals).
    model.slides.forEach((slide, index) => {
      expect(squashed(runsOf(read.slides[index]!).join(' ')), `slide ${index + 1}`).toContain(squashed(slide.title ?? ''));
    });
    // Paragraph properties only at a paragraph's start, as the schema wants (else PowerPoint "repairs" the file).
    for (const [index, xml] of read.slides.entries()) expect(xml, `slide ${index + 1}`).not.toMatch(/(<\/a:r>|<a:br\/>)<a:pPr\b/);
    const first = read.slides[0]!;
    expect(runsOf(first)).toEqual(expect.arrayContaining(['bold', 'italic', 'code', 'a link']));
    expect(first).toMatch(/<a:rPr[^>]*\bb="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>bold<\/a:t>/s);
    expect(first).toMatch(/<a:rPr[^>]*\bi="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>italic<\/a:t>/s);
    expect(first).toMatch(/<a:hlinkClick r:id="[^"]+"/);
    expect(read.slideRels[0]).toMatch(/Target="https:\/\/example\.com\/?"[^>]*TargetMode="External"|TargetMode="External"[^>]*Target="https:\/\/example\.com\/?"/);
    // Nesting kept: Gold and Silver one level under Medals, and the numbered list numbered.
    const lists = read.slides[1]!;
    expect(lists).toMatch(/<a:pPr[^>]*lvl="1"[^>]*>(?:(?!<\/a:p>).)*<a:t>Gold<\/a:t>/s);
    expect(lists).toMatch(/<a:buAutoNum[^>]*\/>(?:(?!<\/a:p>).)*<a:t>First<\/a:t>/s);
    // A real table, its header cells bold.
    const table = read.slides[2]!;
    expect(table).toContain('<a:tbl>');
    expect(runsOf(table)).toEqual(expect.arrayContaining(['Country', 'Gold', 'United States', 'China', '40']));
    // The code block's lines are lines; math and the image are pictures with their alt text.
    expect(runsOf(read.slides[3]!).join('')).toContain('console');
    // The theme's `monospace` named as a monospaced font every reader has.
    expect(read.slides[3]).toMatch(/<a:latin typeface="Courier New"[^>]*\/>(?:(?!<\/a:r>).)*<a:t>[^<]*console/s);
    expect(read.slides[4]).toMatch(/descr="\\sum_\{k=1\}\^\{n\} k = \\frac\{n\(n\+1\)\}\{2\}"/);
    expect(read.slides[5]).toContain('descr="Five rings"');
    // A slide's image is a picture of its own; the white background stays a colour, not a capture.
    expect(read.slides[5]).toMatch(/<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"\/>/);
    // Notes in the notes; a section per segment; the deck's properties.
    expect(runsOf(read.notes[0]!).join('')).toContain("The first slide's notes, as text.");
    expect(runsOf(read.notes[1]!).join('')).toContain('Lists keep their nesting.');
    expect([...read.presentation.matchAll(/<p14:section name="([^"]+)"/g)].map((match) => match[1])).toEqual(['Text', 'More']);
    expect(read.core).toContain('<dc:title>Editable in PowerPoint</dc:title>');
    expect(read.core).toContain('<dc:creator>Podium tests</dc:creator>');
    expect(read.core).toContain('<dc:subject>What the PPTX export keeps editable</dc:subject>');
    // The deck's date, not the export's.
    expect(read.core).toMatch(/<dcterms:created[^>]*>2024-08-11T00:00:00Z<\/dcterms:created>/);
  });

  test('what CSS paints in colours and boxes becomes shapes, with no background picture; a shadow is captured', async () => {
    const pptx = join(work, 'shapes.pptx');
    const result = runPodium(['export', join(FIXTURE_DECKS, 'pptx-shapes'), '--pptx', pptx]);
    expect(result.status).toBe(0);
    const read = await readPptx(pptx);
    const [boxes, shadow] = read.slides;
    expect(boxes).toMatch(/<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"\/>/);
    expect(boxes).not.toContain('<p:pic>');
    expect(read.slideRels[0]).not.toMatch(/relationships\/image/);
    // The chip a rounded rectangle in its red, the heading's rule a rectangle in its blue, the frame a gold line.
    const shape = (geometry: string, inside: string): RegExp => new RegExp(`prst="${geometry}"(?:(?!</p:sp>).)*${inside}`, 's');
    expect(boxes).toMatch(shape('roundRect', '<a:solidFill><a:srgbClr val="C8102E"/>'));
    expect(boxes).toMatch(shape('rect', '<a:solidFill><a:srgbClr val="0055A4"/>'));
    expect(boxes).toMatch(shape('rect', '<a:ln w="\\d+"><a:solidFill><a:srgbClr val="FFD700"/>'));
    expect(runsOf(boxes!)).toEqual(expect.arrayContaining(['Gold medal', 'Framed text']));
    // A shadow has no shape: that slide's background is captured, the text still text.
    expect(shadow).toMatch(/<p:bg><p:bgPr><a:blipFill/);
    expect(runsOf(shadow!)).toContain('Shadowed text');
  });

  test('an element with a CSS effect no shape carries becomes a picture of itself, with a warning naming its slide', async () => {
    const deck = join(FIXTURE_DECKS, 'pptx-effects');
    const pptx = join(work, 'effects.pptx');
    const result = runPodium(['export', deck, '--pptx', pptx]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/slides\.md:1: warning: slide 1: the CSS transform of p\.stamp becomes a picture of itself in the PPTX/);
    expect(result.stderr).toMatch(/slides\.md:\d+: warning: slide 2: the CSS writing-mode of p\.vertical becomes a picture of itself in the PPTX/);
    const read = await readPptx(pptx);
    const [stamped, vertical] = read.slides;
    // The turned stamp is a picture whose alt text is its words; the plain paragraph is still text.
    expect(stamped).toMatch(/<p:pic>(?:(?!<\/p:pic>).)*descr="Approved"/s);
    expect(runsOf(stamped!)).not.toContain('Approved');
    expect(runsOf(stamped!)).toContain('Plain text stays text.');
    expect(vertical).toMatch(/<p:pic>(?:(?!<\/p:pic>).)*descr="Paris"/s);
    // With --range, the warning still names the deck's slide number, not the page's.
    const second = runPodium(['export', deck, '--pptx', join(work, 'second.pptx'), '--range', '2']);
    expect(second.status).toBe(0);
    expect(second.stderr).toContain('warning: slide 2: the CSS writing-mode of p.vertical');
    expect(second.stderr).not.toContain('slide 1:');
  });

  test('refuses a deck with a missing image, naming file and line, unless --allow-missing', async () => {
    const deck = join(FIXTURE_DECKS, 'export-missing-image');
    const pptx = join(work, 'missing.pptx');
    const refused = runPodium(['export', deck, '--pptx', pptx]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/1-pictures\.md:\d+: error: image ".*" not found/);
    expect(existsSync(pptx)).toBe(false);
    const allowed = runPodium(['export', deck, '--pptx', pptx, '--allow-missing']);
    expect(allowed.status).toBe(0);
    expect((await readPptx(pptx)).slides).toHaveLength(2);
  });

  test('with --pptx-images, each slide is one picture and its notes are still text', async () => {
    const pptx = join(work, 'pictures.pptx');
    const result = runPodium(['export', PPTX_DECK, '--pptx', pptx, '--pptx-images', '--range', '1-2']);
    expect(result.status).toBe(0);
    const read = await readPptx(pptx);
    expect(read.slides).toHaveLength(2);
    for (const slide of read.slides) {
      expect(slide.match(/<p:pic>/g)).toHaveLength(1);
      expect(runsOf(slide)).toEqual([]);
    }
    expect(runsOf(read.notes[0]!).join('')).toContain("The first slide's notes, as text.");
  });

  test('refuses options that shape only a PDF, saying so, when it writes no PDF', async () => {
    const pptx = join(work, 'notes.pptx');
    const result = runPodium(['export', PPTX_DECK, '--pptx', pptx, '--notes', 'pages', '--max-image-dpi', '150']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--notes, --max-image-dpi: for --pdf; a PPTX has each slide's notes in its notes, and its own pictures");
    expect(existsSync(pptx)).toBe(false);
  });

  test('refuses a deck with errors, naming file and line, and leaves no file', async () => {
    const pptx = join(work, 'broken.pptx');
    const result = runPodium(['export', join(FIXTURE_DECKS, 'broken-front-matter'), '--pptx', pptx]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/2-bad\.md:\d+/);
    expect(existsSync(pptx)).toBe(false);
  });

  test('an export that fails (here past its --timeout) leaves no file at the output path, nor a temporary one beside it', async () => {
    const pptx = join(work, 'late.pptx');
    // A fifth of a second: the browser alone takes longer to start, so the export always fails.
    const result = runPodium(['export', CEREMONY_DECK, '--pptx', pptx, '--timeout', '0.2']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('export timed out after 0.2 s (--timeout); nothing written');
    expect(await readdir(work)).toEqual([]);
  });

  test('the ceremony deck opens in LibreOffice Impress as Podium shows it: same pages, each title on its page, close in pixels', async () => {
    test.skip(!soffice, 'LibreOffice Impress (soffice) is not installed: .ci/run installs libreoffice-impress');
    test.setTimeout(240_000);
    const pptx = join(work, 'ceremony.pptx');
    const pdf = join(work, 'podium.pdf');
    expect(runPodium(['export', CEREMONY_DECK, '--pptx', pptx]).status).toBe(0);
    expect(runPodium(['export', CEREMONY_DECK, '--pdf', pdf]).status).toBe(0);
    const profile = join(work, 'libreoffice-profile');
    execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'impress'), pptx], {
      timeout: 180_000,
      stdio: 'ignore',
    });
    const impress = join(work, 'impress', 'ceremony.pdf');
    // The agenda's rows are boxes (disc, title, chip of minutes), not paragraphs: each title is a
    // shape of its own, its link not underlined, kept on one line in a wider substitute font.
    const slides = (await readPptx(pptx)).slides;
    // No slide is only a picture: each has its title (and the rest of its words) as text.
    for (const [index, slide] of slides.entries()) expect(runsOf(slide).length, `slide ${index + 1}`).toBeGreaterThan(1);
    const agenda = slides[1]!;
    const shapeOf = (words: string): string => agenda.split('</p:sp>').find((shape) => shape.includes(`<a:t>${words}</a:t>`)) ?? '';
    for (const title of ['Under The Paris Sky', 'Handover to Los Angeles']) {
      expect(runsOf(shapeOf(title)), title).toEqual([title]);
      expect(shapeOf(title)).toMatch(/<a:bodyPr[^>]*wrap="none"/);
      expect(shapeOf(title)).toMatch(/<a:rPr[^>]*u="none"/);
    }
    expect(runsOf(shapeOf('7 min'))).toEqual(['7 min']);
    const model = inspectDeck(CEREMONY_DECK);
    const pages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages(impress)).toBe(pages(pdf));
    expect(pages(impress)).toBe(model.slides.length);
    model.slides.forEach((slide, index) => {
      const text = execFileSync('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), impress, '-'], { encoding: 'utf8' });
      expect(squashed(text), `page ${index + 1}`).toContain(squashed(slide.title ?? ''));
    });
    // 24 dpi: a 1920 px slide is 480 px; squares of 48 px are 192 CSS px of the slide, two lines
    // of a heading. Measured on this deck (npx playwright test tests/e2e/export-pptx.spec.ts):
    // at most 83, on the title slide, where LibreOffice sets the theme's bold headings in the wider
    // DejaVu Sans (the agenda slide measures 71).
    const differences = model.slides.map((_, index) => worstBlockDifference(greyPage(pdf, index + 1, 24), greyPage(impress, index + 1, 24), 48));
    for (const [index, difference] of differences.entries()) expect(difference, `slide ${index + 1}`).toBeLessThan(95);
  });
});
