/** Bytes `start` to `end` of a file, both included, as HTTP counts them. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a `Range` header (RFC 9110 §14.1.2) against a file of `size` bytes: the one range to
 * send, `'unsatisfiable'` (answer 416), or `null` to send the whole file with 200. The header is
 * ignored, as the RFC lets a server do, when it is absent, malformed, in another unit, asks for
 * several ranges (a browser's media element asks for one; a multipart answer buys nothing here),
 * or the file is empty (no range of it can be named in a `Content-Range`).
 */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header ?? '');
  if (!match || size === 0) return null;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '') {
    if (last === '') return null;
    const suffix = Number(last);
    return suffix === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/** What to answer a GET or HEAD of a file: the status, the headers that depend on the range, and which bytes to send. */
export interface FileRangeAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** The bytes to stream, or `null` for none (a 416, or an empty file). */
  bytes: ByteRange | null;
}

/**
 * Plans the answer for a file of `size` bytes. `If-Range` is honoured the only way a server that
 * sends no validators can: a request carrying one gets the whole file, never a slice of a version
 * it did not ask about.
 */
export function answerByteRange(rangeHeader: string | null | undefined, ifRangeHeader: string | null | undefined, size: number): FileRangeAnswer {
  const range = ifRangeHeader ? null : parseByteRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${size}` }, bytes: null };
  }
  if (range === null) {
    return {
      status: 200,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Length': String(size) },
      bytes: size === 0 ? null : { start: 0, end: size - 1 },
    };
  }
  return {
    status: 206,
    headers: {
      'Accept-Ranges': 'bytes',
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
      'Content-Length': String(range.end - range.start + 1),
    },
    bytes: range,
  };
}
