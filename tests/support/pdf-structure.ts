import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';

/** One element of a tagged PDF's structure tree (ISO 32000-1, 14.7), as a reader walks it. */
export interface StructureElement {
  type: string;
  alt: string | null;
  /** 0-based page of its own marked content (or its first descendant's); null when it has none. */
  page: number | null;
  /** Its own marked-content ids on `page`, in tree order. */
  mcids: number[];
  children: StructureElement[];
}

export interface Place {
  left: number;
  top: number;
}

export interface PdfStructure {
  lang: string | null;
  marked: boolean;
  displayDocTitle: boolean;
  /** Bookmarks (the catalog's /Outlines). */
  hasOutline: boolean;
  /** The structure types that RoleMap maps, and to what. */
  roleMap: Record<string, string>;
  root: StructureElement | null;
  /** For each page, where each marked-content sequence starts drawing, in points from the page's top left. */
  markedContentPlaces: Map<number, Place>[];
}

/**
 * Reads a PDF's tags as a screen reader meets them: the catalog's language and MarkInfo, the
 * structure tree in reading order, and, from the page content streams, where on the page each
 * piece of tagged content is drawn (the first text or image inside each `BDC … EMC` with an MCID).
 */
export async function readPdfStructure(path: string): Promise<PdfStructure> {
  const document = await PDFDocument.load(await readFile(path), { updateMetadata: false });
  const { context, catalog } = document;
  const look = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? context.lookup(value) : value);
  const text = (value: PDFObject | undefined): string | null => {
    const resolved = look(value);
    return resolved instanceof PDFString || resolved instanceof PDFHexString ? resolved.decodeText() : null;
  };
  const pages = document.getPages();
  const pageIndex = new Map(pages.map((page, index) => [page.ref.toString(), index]));

  const walk = (value: PDFObject | undefined, inheritedPage: number | null): StructureElement | null => {
    const node = look(value);
    if (!(node instanceof PDFDict)) return null;
    const pageRef = node.get(PDFName.of('Pg'));
    const page = pageRef ? (pageIndex.get(pageRef.toString()) ?? null) : inheritedPage;
    const element: StructureElement = {
      // The tree's root has a /Type (StructTreeRoot) and no /S.
      type: ((look(node.get(PDFName.of('S'))) ?? look(node.get(PDFName.of('Type')))) as PDFName | undefined)?.decodeText() ?? '',
      alt: text(node.get(PDFName.of('Alt'))),
      page,
      mcids: [],
      children: [],
    };
    const kids = look(node.get(PDFName.of('K')));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) {
      const resolved = look(kid);
      if (resolved instanceof PDFNumber) element.mcids.push(resolved.asNumber());
      else if (resolved instanceof PDFDict && resolved.has(PDFName.of('MCID'))) {
        element.mcids.push((look(resolved.get(PDFName.of('MCID'))) as PDFNumber).asNumber());
      } else {
        const child = walk(resolved, page);
        if (child) element.children.push(child);
      }
    }
    element.page ??= element.children.find((child) => child.page !== null)?.page ?? null;
    return element;
  };

  const treeRoot = look(catalog.get(PDFName.of('StructTreeRoot')));
  const roleMap: Record<string, string> = {};
  let root: StructureElement | null = null;
  if (treeRoot instanceof PDFDict) {
    const map = look(treeRoot.get(PDFName.of('RoleMap')));
    if (map instanceof PDFDict) for (const [key, value] of map.entries()) roleMap[key.decodeText()] = (look(value) as PDFName).decodeText();
    root = walk(treeRoot, null);
  }
  const markInfo = look(catalog.get(PDFName.of('MarkInfo')));
  const preferences = look(catalog.get(PDFName.of('ViewerPreferences')));
  return {
    lang: text(catalog.get(PDFName.of('Lang'))),
    marked: markInfo instanceof PDFDict && String(markInfo.get(PDFName.of('Marked'))) === 'true',
    displayDocTitle: preferences instanceof PDFDict && String(preferences.get(PDFName.of('DisplayDocTitle'))) === 'true',
    hasOutline: catalog.has(PDFName.of('Outlines')),
    roleMap,
    root,
    markedContentPlaces: pages.map((page) => {
      const contents = look(page.node.get(PDFName.of('Contents')));
      const streams = contents instanceof PDFArray ? contents.asArray().map(look) : [contents];
      const source = streams.map((stream) => streamText(stream)).join('\n');
      return markedContentPlaces(source, page.getHeight());
    }),
  };
}

/** Every element of the tree below `element`, depth first: the reading order. */
export function elementsInOrder(element: StructureElement | null): StructureElement[] {
  if (!element) return [];
  return [element, ...element.children.flatMap(elementsInOrder)];
}

function streamText(stream: PDFObject | undefined): string {
  if (!(stream instanceof PDFRawStream)) return '';
  const filter = stream.dict.get(PDFName.of('Filter'));
  const bytes = filter && String(filter) === '/FlateDecode' ? inflateSync(stream.contents) : Buffer.from(stream.contents);
  return bytes.toString('latin1');
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m × n, as PDF composes transformations (ISO 32000-1, 8.3.4). */
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * Follows a content stream's graphics state (q/Q/cm) and text state (BT/Tm/Td/TD/T*) far enough
 * to know where each marked-content sequence with an MCID first draws text or an image.
 */
function markedContentPlaces(source: string, pageHeight: number): Map<number, Place> {
  const places = new Map<number, Place>();
  const operands: string[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let textLine: Matrix = IDENTITY;
  let leading = 0;
  const open: (number | null)[] = [];
  const draw = (matrix: Matrix): void => {
    const mcid = open.findLast((id) => id !== null);
    if (mcid !== undefined && mcid !== null && !places.has(mcid)) places.set(mcid, { left: matrix[4], top: pageHeight - matrix[5] });
  };
  const numbers = (count: number): number[] => operands.slice(-count).map(Number);
  const token = /\((?:\\.|[^\\)])*\)|<<|>>|<[0-9a-fA-F\s]*>|\[|\]|\/[^\s/<>[\]()]+|[^\s/<>[\]()]+/g;
  for (const [word] of source.matchAll(token)) {
    switch (word) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? IDENTITY;
        break;
      case 'cm':
        ctm = multiply(numbers(6) as Matrix, ctm);
        break;
      case 'BT':
        textLine = IDENTITY;
        break;
      case 'Tm':
        textLine = numbers(6) as Matrix;
        break;
      case 'TL':
        leading = numbers(1)[0] ?? 0;
        break;
      case 'Td':
      case 'TD': {
        const [x = 0, y = 0] = numbers(2);
        if (word === 'TD') leading = -y;
        textLine = multiply([1, 0, 0, 1, x, y], textLine);
        break;
      }
      case 'T*':
        textLine = multiply([1, 0, 0, 1, 0, -leading], textLine);
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        draw(multiply(textLine, ctm));
        break;
      case 'Do':
        draw(ctm);
        break;
      case 'BDC': {
        const mcid = /\/MCID\s+(\d+)/.exec(operands.join(' '));
        open.push(mcid ? Number(mcid[1]) : null);
        break;
      }
      case 'BMC':
        open.push(null);
        break;
      case 'EMC':
        open.pop();
        break;
      default:
        // Another operator ends its operands; anything else is an operand of the next one.
        if (/^[A-Za-z'"*]+$/.test(word) && !['true', 'false', 'null'].includes(word)) break;
        operands.push(word);
        continue;
    }
    operands.length = 0;
  }
  return places;
}
