import { PdfName, PdfReader, PdfRef, PdfSyntaxError, serialize, type PdfDict, type PdfValue } from './pdf-syntax';

/**
 * A PDF opened for an incremental update (PDF 32000-1, 7.5.6): new and changed objects are
 * appended after the document's last byte with a cross-reference section of their own, and
 * nothing before it is read beyond the trailer, the catalog and the page tree. Finishing a
 * 300-slide print this way takes milliseconds, where loading and saving the whole document with
 * pdf-lib took 0.1–0.3 s (and loading pdf-lib itself another 0.1 s).
 *
 * Only classic cross-reference tables are read, as Chromium (Skia) writes them; `open` throws a
 * PdfSyntaxError for anything else (cross-reference streams, encryption), and the caller falls
 * back to rewriting the document.
 */
export class PdfUpdate {
  private readonly offsets = new Map<number, { offset: number; generation: number }>();
  private readonly written = new Map<number, string>();
  private nextObjectNumber: number;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly startXref: number,
    readonly trailer: PdfDict,
  ) {
    this.nextObjectNumber = numberOf(trailer.get('Size'), 'trailer /Size');
  }

  static open(bytes: Uint8Array): PdfUpdate {
    const startXref = lastStartXref(bytes);
    const offsets = new Map<number, { offset: number; generation: number }>();
    let trailer: PdfDict | null = null;
    const seen = new Set<number>();
    // The newest section first: an object keeps the first offset found for it.
    for (let section: number | null = startXref; section !== null; ) {
      if (seen.has(section)) throw new PdfSyntaxError('a cross-reference loop');
      seen.add(section);
      const sectionTrailer = readXrefSection(bytes, section, offsets);
      if (sectionTrailer.has('XRefStm') || sectionTrailer.has('Encrypt')) throw new PdfSyntaxError('a hybrid or encrypted file');
      trailer ??= sectionTrailer;
      const previous = sectionTrailer.get('Prev');
      section = typeof previous === 'number' ? previous : null;
    }
    const update = new PdfUpdate(bytes, startXref, trailer as PdfDict);
    for (const [objectNumber, entry] of offsets) update.offsets.set(objectNumber, entry);
    return update;
  }

  /** The value of an indirect object as the document has it. */
  lookup(ref: PdfRef): PdfValue {
    const entry = this.offsets.get(ref.objectNumber);
    if (!entry || entry.offset < 0 || entry.generation !== ref.generation) throw new PdfSyntaxError(`object ${ref.objectNumber} is not in the file`);
    return new PdfReader(this.bytes, entry.offset).readIndirectObject(ref);
  }

  lookupDict(value: PdfValue | undefined, what: string): PdfDict {
    const resolved = value instanceof PdfRef ? this.lookup(value) : value;
    if (!(resolved instanceof Map)) throw new PdfSyntaxError(`${what} is not a dictionary`);
    return resolved;
  }

  /** References to the document's pages, in order, from its page tree. */
  pageRefs(): PdfRef[] {
    const catalog = this.lookupDict(this.trailer.get('Root'), 'the catalog');
    const pages: PdfRef[] = [];
    const visited = new Set<number>();
    const walk = (ref: PdfValue | undefined): void => {
      if (!(ref instanceof PdfRef) || visited.has(ref.objectNumber)) throw new PdfSyntaxError('a malformed page tree');
      visited.add(ref.objectNumber);
      const node = this.lookupDict(ref, 'a page tree node');
      const type = node.get('Type');
      if (type instanceof PdfName && type.name === 'Page') {
        pages.push(ref);
        return;
      }
      const kids = node.get('Kids');
      if (!Array.isArray(kids)) throw new PdfSyntaxError('a page tree node without /Kids');
      for (const kid of kids) walk(kid);
    };
    walk(catalog.get('Pages'));
    return pages;
  }

  /** A reference for a new object, to be given its value with `set`. */
  allocate(): PdfRef {
    return new PdfRef(this.nextObjectNumber++, 0);
  }

  /** Gives `ref` (new, or one of the document's, which this replaces) the value `value`. */
  set(ref: PdfRef, value: PdfValue): void {
    this.written.set(ref.objectNumber, `${ref.objectNumber} ${ref.generation} obj\n${serialize(value)}\nendobj\n`);
  }

  /** The document with everything `set` appended, and `trailer` entries replaced by `trailerChanges`. */
  save(trailerChanges: Record<string, PdfValue>): Uint8Array {
    const chunks: Buffer[] = [];
    let offset = this.bytes.length;
    const push = (text: string): void => {
      const chunk = Buffer.from(text, 'latin1');
      chunks.push(chunk);
      offset += chunk.length;
    };
    const lastByte = this.bytes[this.bytes.length - 1];
    if (lastByte !== 0x0a && lastByte !== 0x0d) push('\n');
    const entries: [number, number][] = [];
    for (const objectNumber of [...this.written.keys()].sort((a, b) => a - b)) {
      entries.push([objectNumber, offset]);
      push(this.written.get(objectNumber) as string);
    }
    const xrefOffset = offset;
    push('xref\n');
    // One subsection per run of consecutive object numbers; each entry is exactly 20 bytes.
    for (let start = 0; start < entries.length; ) {
      let end = start + 1;
      while (end < entries.length && (entries[end] as [number, number])[0] === (entries[end - 1] as [number, number])[0] + 1) end++;
      push(`${(entries[start] as [number, number])[0]} ${end - start}\n`);
      for (const [, at] of entries.slice(start, end)) push(`${String(at).padStart(10, '0')} 00000 n \n`);
      start = end;
    }
    const trailer: PdfDict = new Map(this.trailer);
    trailer.delete('Prev');
    for (const [key, value] of Object.entries(trailerChanges)) trailer.set(key, value);
    trailer.set('Size', this.nextObjectNumber);
    trailer.set('Prev', this.startXref);
    push(`trailer\n${serialize(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`);
    return Buffer.concat([this.bytes, ...chunks]);
  }
}

function lastStartXref(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1', Math.max(0, bytes.length - 1024));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new PdfSyntaxError('no startxref at the end of the file');
  return Number(match[1]);
}

/** Reads one `xref … trailer <<…>>` section into `offsets` (entries already there win). */
function readXrefSection(bytes: Uint8Array, at: number, offsets: Map<number, { offset: number; generation: number }>): PdfDict {
  const reader = new PdfReader(bytes, at);
  if (reader.readKeyword() !== 'xref') throw new PdfSyntaxError('not a cross-reference table (a cross-reference stream?)');
  for (;;) {
    const keyword = reader.readKeyword();
    if (keyword === 'trailer') break;
    const first = Number(keyword);
    const count = Number(reader.readKeyword());
    if (!Number.isInteger(first) || !Number.isInteger(count)) throw new PdfSyntaxError('a malformed cross-reference table');
    for (let index = 0; index < count; index++) {
      const offset = Number(reader.readKeyword());
      const generation = Number(reader.readKeyword());
      const kind = reader.readKeyword();
      // A free entry in a newer section hides the object's older offsets.
      if (!offsets.has(first + index)) offsets.set(first + index, { offset: kind === 'n' ? offset : -1, generation });
    }
  }
  const trailer = reader.readValue();
  if (!(trailer instanceof Map)) throw new PdfSyntaxError('a trailer that is not a dictionary');
  return trailer;
}

function numberOf(value: PdfValue | undefined, what: string): number {
  if (typeof value !== 'number') throw new PdfSyntaxError(`${what} is not a whole number`);
  return value;
}
