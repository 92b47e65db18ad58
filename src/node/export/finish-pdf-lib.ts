import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import type { OutlineEntry } from './outline';
import type { PdfFinish } from './pdf-metadata';

const PRODUCER = 'Podium';

/**
 * finishPdf for a file it cannot update in place (cross-reference streams, encryption): loads
 * and rewrites the whole document with pdf-lib.
 */
export async function finishPdfWithPdfLib(printed: Uint8Array, finish: PdfFinish): Promise<Uint8Array> {
  const document = await PDFDocument.load(printed, { updateMetadata: false });
  const { metadata } = finish;
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author !== null) document.setAuthor(metadata.author);
  if (metadata.subject !== null) document.setSubject(metadata.subject);
  document.setCreationDate(metadata.creationDate);
  document.setModificationDate(metadata.creationDate);
  document.setProducer(PRODUCER);
  document.setCreator(PRODUCER);
  if (finish.outline.length > 0) addOutline(document, finish.outline);
  return document.save();
}

/** Writes the outline tree (PDF 32000-1, 12.3.3) and asks viewers to open with it shown. */
function addOutline(document: PDFDocument, entries: readonly OutlineEntry[]): void {
  const { context } = document;
  const pageRefs = document.getPages().map((page) => page.ref);
  const rootRef = context.nextRef();
  const items = writeItems(entries, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: items.first, Last: items.last, Count: PDFNumber.of(items.visible) }),
  );
  document.catalog.set(PDFName.of('Outlines'), rootRef);
  document.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));

  function writeItems(list: readonly OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; visible: number } {
    const refs = list.map(() => context.nextRef());
    let visible = list.length;
    list.forEach((entry, index) => {
      const page = pageRefs[Math.min(entry.page, pageRefs.length - 1)];
      const item = context.obj({}) as PDFDict;
      item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
      item.set(PDFName.of('Parent'), parent);
      if (page) item.set(PDFName.of('Dest'), context.obj([page, 'Fit']));
      const previous = refs[index - 1];
      const next = refs[index + 1];
      if (previous) item.set(PDFName.of('Prev'), previous);
      if (next) item.set(PDFName.of('Next'), next);
      const self = refs[index] as PDFRef;
      if (entry.children.length > 0) {
        const children = writeItems(entry.children, self);
        item.set(PDFName.of('First'), children.first);
        item.set(PDFName.of('Last'), children.last);
        // Positive: the segment opens expanded, its slides listed.
        item.set(PDFName.of('Count'), PDFNumber.of(children.visible));
        visible += children.visible;
      }
      context.assign(self, item);
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, visible };
  }
}
