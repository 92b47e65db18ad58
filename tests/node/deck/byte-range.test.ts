import { describe, expect, it } from 'vitest';
import { answerByteRange, parseByteRange } from '../../../src/node/deck/byte-range';

describe('parseByteRange', () => {
  describe('for a file of 1000 bytes', () => {
    it.each([
      ['a closed range', 'bytes=0-499', { start: 0, end: 499 }],
      ['a range in the middle', 'bytes=500-599', { start: 500, end: 599 }],
      ['a single byte', 'bytes=999-999', { start: 999, end: 999 }],
      ['an open range', 'bytes=100-', { start: 100, end: 999 }],
      ['a suffix range', 'bytes=-500', { start: 500, end: 999 }],
      ['a suffix longer than the file', 'bytes=-5000', { start: 0, end: 999 }],
      ['an end past the file, cut to its last byte', 'bytes=900-5000', { start: 900, end: 999 }],
      ['the unit in capitals, with spaces', ' BYTES = 10 - 20 ', { start: 10, end: 20 }],
    ])('reads %s', (_name, header, expected) => {
      expect(parseByteRange(header, 1000)).toEqual(expected);
    });

    it.each([
      ['a start at the end of the file', 'bytes=1000-'],
      ['a start past the file', 'bytes=5000-6000'],
      ['a zero-length suffix', 'bytes=-0'],
      ['a start too large for a number', 'bytes=99999999999999999999999999-'],
    ])('finds %s unsatisfiable', (_name, header) => {
      expect(parseByteRange(header, 1000)).toBe('unsatisfiable');
    });

    it.each([
      ['no header', undefined],
      ['an empty header', ''],
      ['another unit', 'items=0-5'],
      ['no bytes named', 'bytes=-'],
      ['a last byte before the first', 'bytes=500-100'],
      ['a negative number', 'bytes=-5-10'],
      ['not a number', 'bytes=a-b'],
      ['several ranges', 'bytes=0-99,200-299'],
      ['several ranges, the first unsatisfiable', 'bytes=5000-,0-99'],
    ])('ignores %s: the whole file is sent', (_name, header) => {
      expect(parseByteRange(header, 1000)).toBeNull();
    });
  });

  it('ignores any range of an empty file', () => {
    expect(parseByteRange('bytes=0-', 0)).toBeNull();
    expect(parseByteRange('bytes=-10', 0)).toBeNull();
  });
});

describe('answerByteRange', () => {
  it('answers a range with 206, its Content-Range and its length', () => {
    expect(answerByteRange('bytes=100-199', undefined, 1000)).toEqual({
      status: 206,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Range': 'bytes 100-199/1000', 'Content-Length': '100' },
      bytes: { start: 100, end: 199 },
    });
  });

  it('answers no range with 200, the whole length, and says ranges are accepted', () => {
    expect(answerByteRange(undefined, undefined, 1000)).toEqual({
      status: 200,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '1000' },
      bytes: { start: 0, end: 999 },
    });
  });

  it('answers an unsatisfiable range with 416 and the size, and sends nothing', () => {
    expect(answerByteRange('bytes=1000-', undefined, 1000)).toEqual({
      status: 416,
      headers: { 'Accept-Ranges': 'bytes', 'Content-Range': 'bytes */1000' },
      bytes: null,
    });
  });

  it('sends the whole file when If-Range is set, having no validator to match it against', () => {
    expect(answerByteRange('bytes=100-199', '"an-etag"', 1000).status).toBe(200);
  });

  it('sends no bytes for an empty file', () => {
    expect(answerByteRange(undefined, undefined, 0)).toMatchObject({ status: 200, bytes: null });
  });
});
