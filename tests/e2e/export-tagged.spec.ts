import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CEREMONY_DECK, inspectDeck, runPodium } from '../support/podium-cli';
import { elementsInOrder, readPdfStructure, type PdfStructure, type Place, type StructureElement } from '../support/pdf-structure';

// PDF 1.7's standard structure types (ISO 32000-1, 14.8.4): PDF/UA-1 wants every other type role-mapped to one of them.
const STANDARD_TYPES = new Set(
  ('Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form')
    .split(' '),
);

const pdfInfo = (pdf: string): string => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });

/** The structure element of each printed slide: Podium labels each a group, which Chromium tags Div. */
function slideElements(structure: PdfStructure): StructureElement[] {
  return elementsInOrder(structure.root).filter((element) => element.type === 'Div');
}

/** Where each piece of tagged content of `element` is drawn, in reading order. */
function readingOrderPlaces(structure: PdfStructure, element: StructureElement): Place[] {
  return elementsInOrder(element).flatMap((each) =>
    each.page === null ? [] : each.mcids.flatMap((mcid) => structure.markedContentPlaces[each.page as number]?.get(mcid) ?? []),
  );
}

test.describe('podium export: a tagged PDF', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-tagged-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('the ceremony PDF reads as a document: a heading on every page, in the slide order, top to bottom', async () => {
    const model = inspectDeck(CEREMONY_DECK);
    const pdf = join(work, 'ceremony.pdf');
    const result = runPodium(['export', CEREMONY_DECK, '--pdf', pdf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(pdfInfo(pdf)).toMatch(/Tagged:\s+yes/);

    const structure = await readPdfStructure(pdf);
    expect(structure.lang).toBe('en');
    expect(structure.marked).toBe(true);
    expect(structure.displayDocTitle).toBe(true);
    expect(structure.hasOutline).toBe(true);
    const types = new Set(elementsInOrder(structure.root).slice(1).map((element) => element.type));
    for (const type of types) expect(STANDARD_TYPES.has(type) || STANDARD_TYPES.has(structure.roleMap[type] ?? ''), type).toBe(true);

    const slides = slideElements(structure);
    expect(slides.map((slide) => slide.page)).toEqual(model.slides.map((_, index) => index));
    slides.forEach((slide, index) => {
      const headings = elementsInOrder(slide).filter((element) => /^H[1-6]$/.test(element.type));
      expect(headings.length, `page ${index + 1} has a heading`).toBeGreaterThan(0);
      // Reading order follows the slide, top to bottom and left to right: each piece of content starts
      // below the one before (8 pt, under a line of the smallest text, for one line's parts set in
      // different sizes) or, in a new column, to its right.
      const places = readingOrderPlaces(structure, slide);
      expect(places.length, `page ${index + 1} has tagged content`).toBeGreaterThan(0);
      places.forEach((place, at) => {
        const before = places[at - 1];
        if (before) expect(place.top >= before.top - 8 || place.left > before.left, `page ${index + 1}, content ${at}`).toBe(true);
      });
    });
    for (const figure of elementsInOrder(structure.root).filter((element) => element.type === 'Figure')) {
      expect(figure.alt, `a figure on page ${(figure.page ?? 0) + 1}`).toBeTruthy();
    }
  });

  test('keeps alt text, skips decorative images, tags tables, code and notes, in the deck.yaml language', async () => {
    const deck = join(work, 'deck');
    cpSync(join(CEREMONY_DECK, 'art/piano.svg'), join(deck, 'piano.svg'), { recursive: true });
    await writeFile(join(deck, 'deck.yaml'), 'title: Étiquettes\nlang: fr\n');
    await writeFile(
      join(deck, '01-a.md'),
      [
        '# Le titre',
        '',
        'Un paragraphe.',
        '',
        '---',
        '',
        '## Une image',
        '',
        '![Un piano à queue](piano.svg)',
        '',
        '![](piano.svg)',
        '',
        '---',
        '',
        '## Un tableau',
        '',
        '| Nom | Valeur |',
        '|---|---|',
        '| a | 1 |',
        '',
        '```js',
        'const x = 1;',
        '```',
        '',
        'Note:',
        'Les notes du présentateur.',
        '',
      ].join('\n'),
    );

    const pdf = join(work, 'notes.pdf');
    expect(runPodium(['export', deck, '--pdf', pdf, '--notes', 'pages']).status).toBe(0);
    const structure = await readPdfStructure(pdf);
    expect(structure.lang).toBe('fr');
    const all = elementsInOrder(structure.root);
    const figures = all.filter((element) => element.type === 'Figure');
    // alt="" marks the second picture decorative: it prints as an artifact, not as a figure.
    expect(figures.map((figure) => [figure.alt, figure.page])).toEqual([['Un piano à queue', 1]]);
    const table = all.find((element) => element.type === 'Table');
    expect(table?.page).toBe(2);
    expect(elementsInOrder(table ?? null).filter((element) => element.type === 'TH')).toHaveLength(2);
    expect(all.some((element) => element.type === 'Code' && element.page === 2)).toBe(true);
    // The notes page (the fourth page, after the third slide's) is an aside, role-mapped for PDF/UA-1.
    const notes = all.filter((element) => element.type === 'Aside');
    expect(notes.map((aside) => aside.page)).toEqual([3]);
    expect(structure.roleMap.Aside).toBe('Div');

    const handout = join(work, 'handout.pdf');
    expect(runPodium(['export', deck, '--pdf', handout, '--notes', 'handout']).status).toBe(0);
    const handoutAsides = elementsInOrder((await readPdfStructure(handout)).root).filter((element) => element.type === 'Aside');
    expect(handoutAsides).toHaveLength(3);
  });

  test('an image that fails to load keeps its alt text in the PDF', async () => {
    const deck = join(work, 'broken-image');
    await mkdir(deck);
    // There, with a sound PNG header (so `check` and export take it for a picture), but pixels that
    // are not: Chromium cannot decode it, as with a file cut short while it was copied.
    const header = Buffer.from('89504e470d0a1a0a0000000d494844520000014000000100080200000000000000', 'hex');
    await writeFile(join(deck, 'record.png'), Buffer.concat([header, Buffer.from('not pixel data\n')]));
    await writeFile(join(deck, 'deck.yaml'), 'lang: en\n');
    await writeFile(join(deck, '1.md'), '## The golden record\n\n![A golden record sent into space in 1977](record.png)\n');
    const pdf = join(work, 'broken-image.pdf');
    const result = runPodium(['export', deck, '--pdf', pdf]);
    expect(result.status).toBe(0);
    const figures = elementsInOrder((await readPdfStructure(pdf)).root).filter((element) => element.type === 'Figure');
    expect(figures.map((figure) => [figure.alt, figure.page])).toEqual([['A golden record sent into space in 1977', 0]]);
    // Printed in the image's place, as a browser shows it, for sighted readers too.
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('A golden record sent into space in 1977');
  });

  test('--no-tags prints an untagged PDF', async () => {
    const pdf = join(work, 'untagged.pdf');
    expect(runPodium(['export', CEREMONY_DECK, '--pdf', pdf, '--range', '1-2', '--no-tags']).status).toBe(0);
    expect(pdfInfo(pdf)).toMatch(/Tagged:\s+no/);
    expect((await readPdfStructure(pdf)).root).toBeNull();
  });
});
