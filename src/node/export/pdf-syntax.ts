/**
 * Just enough of PDF's object syntax (PDF 32000-1, 7.3) to read a document's trailer, catalog and
 * page tree and to write new dictionaries: what an incremental update needs. Strings and numbers
 * are kept as their source text, since nothing here needs their value, only to copy them.
 */
export type PdfValue = PdfName | PdfRef | PdfRaw | PdfDict | PdfValue[] | number | boolean | null;

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly objectNumber: number,
    readonly generation: number,
  ) {}
}

/** A string, or a number that is not a whole one, copied as it was written. */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export type PdfDict = Map<string, PdfValue>;

export class PdfSyntaxError extends Error {}

/** For each byte value: 1 for PDF whitespace, 2 for a delimiter (a table: read for every byte of a token). */
const BYTE_CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) BYTE_CLASS[byte] = 1;
for (const character of '()<>[]{}/%') BYTE_CLASS[character.charCodeAt(0)] = 2;

/** Reads objects from `bytes` starting at `position`. */
export class PdfReader {
  constructor(
    private readonly bytes: Uint8Array,
    public position: number,
  ) {}

  /** `N G obj <value>`: the value of the indirect object that starts here. */
  readIndirectObject(expected: PdfRef): PdfValue {
    const objectNumber = this.readValue();
    const generation = this.readValue();
    if (objectNumber !== expected.objectNumber || generation !== expected.generation || this.readKeyword() !== 'obj') {
      throw new PdfSyntaxError(`no object ${expected.objectNumber} ${expected.generation} at byte ${this.position}`);
    }
    return this.readValue();
  }

  readValue(): PdfValue {
    this.skipWhitespace();
    const byte = this.bytes[this.position];
    if (byte === undefined) throw new PdfSyntaxError('unexpected end of file');
    if (byte === 0x2f) return this.readName();
    if (byte === 0x3c && this.bytes[this.position + 1] === 0x3c) return this.readDict();
    if (byte === 0x3c) return new PdfRaw(this.readUntil(0x3e, true));
    if (byte === 0x28) return new PdfRaw(this.readLiteralString());
    if (byte === 0x5b) return this.readArray();
    const token = this.readKeyword();
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(token)) throw new PdfSyntaxError(`unexpected "${token}" at byte ${this.position}`);
    if (!/^\d+$/.test(token)) return new PdfRaw(token);
    // `N G R` is a reference; look ahead without consuming anything else.
    const after = this.position;
    const generation = this.peekKeyword();
    if (/^\d+$/.test(generation)) {
      this.readKeyword();
      if (this.readKeyword() === 'R') return new PdfRef(Number(token), Number(generation));
    }
    this.position = after;
    return Number(token);
  }

  readKeyword(): string {
    this.skipWhitespace();
    const start = this.position;
    while (this.position < this.bytes.length && BYTE_CLASS[this.bytes[this.position] as number] === 0) this.position++;
    return latin1(this.bytes, start, this.position);
  }

  private peekKeyword(): string {
    const start = this.position;
    const keyword = this.readKeyword();
    this.position = start;
    return keyword;
  }

  private readName(): PdfName {
    this.position++;
    const start = this.position;
    while (this.position < this.bytes.length && BYTE_CLASS[this.bytes[this.position] as number] === 0) this.position++;
    return new PdfName(latin1(this.bytes, start, this.position));
  }

  private readDict(): PdfDict {
    this.position += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipWhitespace();
      if (this.bytes[this.position] === 0x3e && this.bytes[this.position + 1] === 0x3e) {
        this.position += 2;
        return dict;
      }
      const key = this.readValue();
      if (!(key instanceof PdfName)) throw new PdfSyntaxError(`a dictionary key that is not a name at byte ${this.position}`);
      dict.set(key.name, this.readValue());
    }
  }

  private readArray(): PdfValue[] {
    this.position++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.bytes[this.position] === 0x5d) {
        this.position++;
        return items;
      }
      items.push(this.readValue());
    }
  }

  private readLiteralString(): string {
    const start = this.position;
    let depth = 0;
    while (this.position < this.bytes.length) {
      const byte = this.bytes[this.position++];
      if (byte === 0x5c) this.position++;
      else if (byte === 0x28) depth++;
      else if (byte === 0x29 && --depth === 0) return latin1(this.bytes, start, this.position);
    }
    throw new PdfSyntaxError('unterminated string');
  }

  private readUntil(end: number, inclusive: boolean): string {
    const start = this.position;
    const found = this.bytes.indexOf(end, start);
    if (found < 0) throw new PdfSyntaxError('unexpected end of file');
    this.position = inclusive ? found + 1 : found;
    return latin1(this.bytes, start, this.position);
  }

  private skipWhitespace(): void {
    while (this.position < this.bytes.length) {
      const byte = this.bytes[this.position] as number;
      if (BYTE_CLASS[byte] === 1) this.position++;
      else if (byte === 0x25) this.readUntil(0x0a, true);
      else break;
    }
  }
}

/** PDF source text for `value`. */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (value instanceof PdfName) return `/${value.name}`;
  if (value instanceof PdfRef) return `${value.objectNumber} ${value.generation} R`;
  if (value instanceof PdfRaw) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  return `<<${[...value].map(([key, item]) => `/${key} ${serialize(item)}`).join('\n')}>>`;
}

/**
 * A text string any reader decodes: printable ASCII as a literal string (a quarter of the bytes:
 * a 300-slide outline is 60 KB in hex), anything else as UTF-16BE with its byte order mark, in hex.
 */
export function textString(text: string): PdfRaw {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfRaw(`(${text.replace(/[\\()]/g, '\\$&')})`);
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  return new PdfRaw(`<${hex.toUpperCase()}>`);
}

/** A date as PDF writes it (7.9.4), in UTC. */
export function dateString(date: Date): PdfRaw {
  const iso = date.toISOString();
  return new PdfRaw(`(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`);
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  // Most tokens are a few bytes long: building the string directly beats a Buffer per token.
  if (end - start > 64) return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  let text = '';
  for (let index = start; index < end; index++) text += String.fromCharCode(bytes[index] as number);
  return text;
}
