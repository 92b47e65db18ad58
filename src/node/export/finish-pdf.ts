import type { OutlineEntry } from './outline';
import { outlineTree } from './outline-tree';
import type { PdfFinish, PdfMetadata } from './pdf-metadata';
import { dateString, PdfName, PdfRef, PdfSyntaxError, textString, type PdfDict, type PdfValue } from './pdf-syntax';
import { PdfUpdate } from './pdf-update';

const PRODUCER = 'Podium';

/**
 * What every Podium PDF gets after the browser printed it, in the app and on the command line
 * alike: the deck's document information and the bookmarks. Chromium can do neither. They are
 * appended to the printed file as an incremental update; a file this cannot read (not one a
 * browser printed) is rewritten whole with pdf-lib instead.
 */
export async function finishPdf(printed: Uint8Array, finish: PdfFinish): Promise<Uint8Array> {
  let update: PdfUpdate;
  try {
    update = PdfUpdate.open(printed);
  } catch (error) {
    if (!(error instanceof PdfSyntaxError)) throw error;
    // pdf-lib costs a tenth of a second to load: only for files that need it.
    const { finishPdfWithPdfLib } = await import('./finish-pdf-lib');
    return finishPdfWithPdfLib(printed, finish);
  }
  const rootRef = update.trailer.get('Root');
  if (!(rootRef instanceof PdfRef)) throw new PdfSyntaxError('the trailer has no catalog reference');
  const catalog: PdfDict = new Map(update.lookupDict(rootRef, 'the catalog'));
  // Viewers show the title, not the file name, in their title bar.
  const preferences = catalog.get('ViewerPreferences');
  if (preferences instanceof Map) catalog.set('ViewerPreferences', new Map(preferences).set('DisplayDocTitle', true));
  else if (!(preferences instanceof PdfRef)) catalog.set('ViewerPreferences', new Map<string, PdfValue>([['DisplayDocTitle', true]]));
  catalog.delete('Outlines');
  if (finish.outline.length > 0) {
    catalog.set('Outlines', writeOutline(update, finish.outline));
    catalog.set('PageMode', new PdfName('UseOutlines'));
  }
  update.set(rootRef, catalog);
  mapNewStructureTypes(update, catalog.get('StructTreeRoot'));
  const infoRef = update.allocate();
  update.set(infoRef, documentInformation(finish.metadata));
  return update.save({ Info: infoRef });
}

/**
 * Chromium tags with a few structure types that PDF 2.0 added (Strong, Em, Aside) in a PDF 1.4
 * file; PDF/UA-1 requires every type outside PDF 1.7's standard set to be role-mapped to one in
 * it (ISO 14289-1, 7.1; Matterhorn checkpoint 02-001). Readers that know the new types still use them.
 */
const ROLE_MAP: ReadonlyMap<string, string> = new Map([
  ['Strong', 'Span'],
  ['Em', 'Span'],
  ['Aside', 'Div'],
]);

function mapNewStructureTypes(update: PdfUpdate, treeRootRef: PdfValue | undefined): void {
  if (!(treeRootRef instanceof PdfRef)) return;
  const treeRoot: PdfDict = new Map(update.lookupDict(treeRootRef, 'the structure tree root'));
  if (treeRoot.has('RoleMap')) return;
  treeRoot.set('RoleMap', new Map<string, PdfValue>([...ROLE_MAP].map(([type, standard]) => [type, new PdfName(standard)])));
  update.set(treeRootRef, treeRoot);
}

function documentInformation(metadata: PdfMetadata): PdfDict {
  const info: PdfDict = new Map();
  info.set('Title', textString(metadata.title));
  if (metadata.author !== null) info.set('Author', textString(metadata.author));
  if (metadata.subject !== null) info.set('Subject', textString(metadata.subject));
  info.set('Creator', textString(PRODUCER));
  info.set('Producer', textString(PRODUCER));
  info.set('CreationDate', dateString(metadata.creationDate));
  info.set('ModDate', dateString(metadata.creationDate));
  return info;
}

/** Writes the outline tree (outline-tree.ts) and returns its root. */
function writeOutline(update: PdfUpdate, entries: readonly OutlineEntry[]): PdfRef {
  const pageRefs = update.pageRefs();
  const tree = outlineTree(entries, pageRefs.length);
  const rootRef = update.allocate();
  const refs = tree.items.map(() => update.allocate());
  const ref = (index: number): PdfRef => (index < 0 ? rootRef : (refs[index] as PdfRef));
  update.set(
    rootRef,
    new Map<string, PdfValue>([
      ['Type', new PdfName('Outlines')],
      ['First', ref(tree.first)],
      ['Last', ref(tree.last)],
      ['Count', tree.count],
    ]),
  );
  tree.items.forEach((item, index) => {
    const dict: PdfDict = new Map();
    dict.set('Title', textString(item.title));
    dict.set('Parent', ref(item.parent));
    const page = pageRefs[item.page];
    if (page) dict.set('Dest', [page, new PdfName('Fit')]);
    if (item.prev !== undefined) dict.set('Prev', ref(item.prev));
    if (item.next !== undefined) dict.set('Next', ref(item.next));
    if (item.first !== undefined) dict.set('First', ref(item.first));
    if (item.last !== undefined) dict.set('Last', ref(item.last));
    if (item.count !== undefined) dict.set('Count', item.count);
    update.set(ref(index), dict);
  });
  return rootRef;
}
