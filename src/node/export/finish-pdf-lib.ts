import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import type { OutlineEntry } from './outline';
import { outlineTree } from './outline-tree';
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

/** Writes the outline tree (outline-tree.ts) and asks viewers to open with it shown. */
function addOutline(document: PDFDocument, entries: readonly OutlineEntry[]): void {
  const { context } = document;
  const pageRefs = document.getPages().map((page) => page.ref);
  const tree = outlineTree(entries, pageRefs.length);
  const rootRef = context.nextRef();
  const refs = tree.items.map(() => context.nextRef());
  const ref = (index: number): PDFRef => (index < 0 ? rootRef : (refs[index] as PDFRef));
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: ref(tree.first), Last: ref(tree.last), Count: PDFNumber.of(tree.count) }));
  tree.items.forEach((item, index) => {
    const dict = context.obj({}) as PDFDict;
    dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
    dict.set(PDFName.of('Parent'), ref(item.parent));
    const page = pageRefs[item.page];
    if (page) dict.set(PDFName.of('Dest'), context.obj([page, 'Fit']));
    if (item.prev !== undefined) dict.set(PDFName.of('Prev'), ref(item.prev));
    if (item.next !== undefined) dict.set(PDFName.of('Next'), ref(item.next));
    if (item.first !== undefined) dict.set(PDFName.of('First'), ref(item.first));
    if (item.last !== undefined) dict.set(PDFName.of('Last'), ref(item.last));
    if (item.count !== undefined) dict.set(PDFName.of('Count'), PDFNumber.of(item.count));
    context.assign(ref(index), dict);
  });
  document.catalog.set(PDFName.of('Outlines'), rootRef);
  document.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
