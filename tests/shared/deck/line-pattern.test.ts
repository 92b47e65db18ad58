import { describe, expect, it } from 'vitest';
import { compileDeckPattern, lineFormOfSeparator } from '../../../src/shared/deck/line-pattern';

describe('lineFormOfSeparator', () => {
  it.each([
    [String.raw`^\r?\n---\r?\n$`, '^---$'],
    [String.raw`\n---\n`, '^---$'],
    [String.raw`^\n--\n$`, '^--$'],
    [String.raw`^(\r\n?|\n)---(\r\n?|\n)$`, '^---$'],
    [String.raw`(?:\r\n|\n)\*\*\*(?:\r\n|\n)`, String.raw`^\*\*\*$`],
    ['^---$', '^---$'],
    ['^Note:', '^Note:'],
    ['notes?:', 'notes?:'],
  ])('reads %s as the line pattern %s', (source, line) => {
    expect(lineFormOfSeparator(source)).toBe(line);
  });

  it('matches the lines reveal.js splits on, and no others', () => {
    const pattern = compileDeckPattern(lineFormOfSeparator(String.raw`^\r?\n---\r?\n$`));
    expect(['---', '--- ', 'a---', '----'].map((line) => pattern.test(line))).toEqual([true, false, false, false]);
  });
});
