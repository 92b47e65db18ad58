import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/** A bookmark as a reader sees it: its title, the 1-based page it opens, its children. */
export interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/** Reads a PDF's bookmarks back with pdf-lib (poppler has no command for outlines). */
export async function readOutline(pdf: string | Uint8Array): Promise<Bookmark[]> {
  const document = await PDFDocument.load(typeof pdf === 'string' ? await readFile(pdf) : pdf);
  const pageRefs = document.getPages().map((page) => page.ref.toString());
  const root = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: unknown): Bookmark[] => {
    const items: Bookmark[] = [];
    let ref = first instanceof PDFRef ? first : undefined;
    while (ref) {
      const item = document.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of('Title'));
      const destination = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      items.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        page: destination ? pageRefs.indexOf(String(destination.get(0))) + 1 : 0,
        children: walk(item.get(PDFName.of('First'))),
      });
      const next = item.get(PDFName.of('Next'));
      ref = next instanceof PDFRef ? next : undefined;
    }
    return items;
  };
  return root ? walk(root.get(PDFName.of('First'))) : [];
}

/** `pdfinfo` as a map of its fields. */
export function pdfInfo(pdf: string): Record<string, string> {
  const text = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** The text of one 1-based page, whitespace collapsed. */
export function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A blank PDF of `pages` pages, as a browser would print it before Podium finishes it: a classic
 * cross-reference table, no object streams. `{ objectStreams: true }` writes it as pdf-lib and
 * other tools do, with cross-reference and object streams.
 */
export async function blankPdf(pages: number, { objectStreams = false } = {}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let index = 0; index < pages; index++) document.addPage([1440, 810]);
  return document.save({ useObjectStreams: objectStreams });
}

/** One row of `pdfimages -list`: an image (or the soft mask of one) drawn on a page. */
export interface PdfImageUse {
  page: number;
  /** `image`, or `smask` for the alpha channel of the image before it. */
  type: string;
  width: number;
  height: number;
  /** `jpeg` for an embedded JPEG, `image` for deflated pixels. */
  encoding: string;
  /** The PDF object: the same number on two pages is one image embedded once. */
  object: number;
  /** Pixels per inch at the size the page draws it. */
  xPpi: number;
  yPpi: number;
}

/** Every image drawn on every page, as `pdfimages -list` (poppler) reads it. */
export function listImages(pdf: string): PdfImageUse[] {
  const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return rows.map((row) => {
    const [page, , type, width, height, , , , encoding, , object, , xPpi, yPpi] = row.trim().split(/\s+/);
    return {
      page: Number(page),
      type: String(type),
      width: Number(width),
      height: Number(height),
      encoding: String(encoding),
      object: Number(object),
      xPpi: Number(xPpi),
      yPpi: Number(yPpi),
    };
  });
}
