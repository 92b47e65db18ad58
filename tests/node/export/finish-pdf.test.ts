import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { finishPdf } from '../../../src/node/export/finish-pdf';
import { buildOutline } from '../../../src/node/export/outline';
import { deckDateOf, pdfMetadataOf } from '../../../src/node/export/pdf-metadata';
import { blankPdf, pdfInfo, readOutline } from './read-pdf';

const DECK = join(import.meta.dirname, '../../fixtures/decks/export-outline');
let work = '';

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'podium-finish-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('finishPdf', () => {
  it("writes the deck's title and author, and the export's time as the creation date", async () => {
    const { deck } = await loadDeck(DECK);
    expect(deck.settings.date).toBe('2024-08-11');
    const pdf = join(work, 'deck.pdf');
    const exportedAt = new Date('2026-03-04T05:06:07Z');
    await writeFile(pdf, await finishPdf(await blankPdf(5), { metadata: pdfMetadataOf(deck, exportedAt), outline: [] }));
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Closing night');
    expect(info.Author).toBe('Thomas Jolly');
    expect(new Date(info.CreationDate ?? '').getTime()).toBe(exportedAt.getTime());
    expect(info.Producer).toBe('Podium');
    expect(info.Pages).toBe('5');
  });

  it('adds bookmarks a reader can follow to their pages', async () => {
    const { deck } = await loadDeck(DECK);
    const outline = buildOutline(deck, deck.slides.map((_, index) => [index]));
    const finished = await finishPdf(await blankPdf(5), { metadata: pdfMetadataOf(deck), outline });
    const bookmarks = await readOutline(finished);
    expect(bookmarks.map((entry) => [entry.title, entry.page])).toEqual([
      ['Opening', 1],
      ['Finale', 3],
    ]);
    expect(bookmarks[1]?.children.map((entry) => [entry.title, entry.page])).toEqual([
      ['Handover', 3],
      ['Tom Cruise drops in', 4],
      ['Fireworks over Saint-Denis', 5],
    ]);
  });

  it('appends to the printed file: the bytes the browser wrote stay as they were', async () => {
    const { deck } = await loadDeck(DECK);
    const printed = await blankPdf(5);
    const outline = buildOutline(deck, deck.slides.map((_, index) => [index]));
    const finished = await finishPdf(printed, { metadata: pdfMetadataOf(deck), outline });
    expect(Buffer.from(finished.subarray(0, printed.length)).equals(Buffer.from(printed))).toBe(true);
    expect(finished.length).toBeGreaterThan(printed.length);
  });

  it('finishes a file with cross-reference streams too, which it rewrites whole', async () => {
    const { deck } = await loadDeck(DECK);
    const outline = buildOutline(deck, deck.slides.map((_, index) => [index]));
    const finished = await finishPdf(await blankPdf(5, { objectStreams: true }), { metadata: pdfMetadataOf(deck), outline });
    expect((await readOutline(finished)).map((entry) => [entry.title, entry.page])).toEqual([
      ['Opening', 1],
      ['Finale', 3],
    ]);
    const pdf = join(work, 'streams.pdf');
    await writeFile(pdf, finished);
    expect(pdfInfo(pdf).Title).toBe('Closing night');
    expect(pdfInfo(pdf).Pages).toBe('5');
  });

  it('writes the same bookmarks whether it appends to the file or rewrites it whole', async () => {
    const { deck } = await loadDeck(DECK);
    const outline = buildOutline(deck, deck.slides.map((_, index) => [index]));
    const finish = { metadata: pdfMetadataOf(deck), outline };
    const appended = await readOutline(await finishPdf(await blankPdf(5), finish));
    const rewritten = await readOutline(await finishPdf(await blankPdf(5, { objectStreams: true }), finish));
    expect(rewritten).toEqual(appended);
    expect(appended.flatMap((entry) => [entry.title, ...entry.children.map((child) => child.title)])).toHaveLength(deck.slides.length + 2);
  });

  it('keeps titles with the characters PDF strings escape intact', async () => {
    const outline = [{ title: 'Backslash \\ and (parentheses) ) (', page: 0, children: [] }];
    const metadata = { title: 'C:\\slides (final)', author: null, subject: null, creationDate: new Date() };
    const finished = await finishPdf(await blankPdf(1), { metadata, outline });
    expect((await readOutline(finished))[0]?.title).toBe('Backslash \\ and (parentheses) ) (');
    const pdf = join(work, 'escaped.pdf');
    await writeFile(pdf, finished);
    expect(pdfInfo(pdf).Title).toBe('C:\\slides (final)');
  });

  it('keeps titles outside Latin-1 intact', async () => {
    const outline = [{ title: 'Παρίσι 2024 — 東京 → LA ✈', page: 0, children: [] }];
    const metadata = { title: 'Jeux de Paris — été 2024', author: null, subject: null, creationDate: new Date() };
    const finished = await finishPdf(await blankPdf(1), { metadata, outline });
    expect((await readOutline(finished))[0]?.title).toBe('Παρίσι 2024 — 東京 → LA ✈');
    const pdf = join(work, 'unicode.pdf');
    await writeFile(pdf, finished);
    expect(pdfInfo(pdf).Title).toBe('Jeux de Paris — été 2024');
  });
});

describe('pdfMetadataOf', () => {
  it("uses the export's time even when deck.yaml has a date", async () => {
    const { deck } = await loadDeck(join(DECK, '1-opening.md'));
    const now = new Date('2026-01-02T03:04:05Z');
    expect(pdfMetadataOf(deck, now)).toEqual({ title: 'Opening', author: null, subject: null, creationDate: now });
  });

  it("takes the subject of deck.yaml and writes it as the PDF's; its date is the PowerPoint file's", async () => {
    const { deck } = await loadDeck(join(import.meta.dirname, '../../fixtures/decks/pptx'));
    const now = new Date('2026-01-02T03:04:05Z');
    const metadata = pdfMetadataOf(deck, now);
    expect(metadata).toEqual({
      title: 'Editable in PowerPoint',
      author: 'Podium tests',
      subject: 'What the PPTX export keeps editable',
      creationDate: now,
    });
    expect(deckDateOf(deck)).toEqual(new Date('2024-08-11T00:00:00Z'));
    const pdf = join(work, 'subject.pdf');
    await writeFile(pdf, await finishPdf(await blankPdf(1), { metadata, outline: [] }));
    expect(pdfInfo(pdf).Subject).toBe('What the PPTX export keeps editable');
  });
});
