import { describe, expect, it } from 'vitest';
import { sideBySide } from '../../../src/shared/edit/side-by-side';

describe('sideBySide', () => {
  it('faces equal lines, pairs a replaced line with its replacement and leaves a gap opposite an added one', () => {
    const rows = sideBySide('# Title\nmine\nsame\n', '# Title\ntheirs\nsame\nnew on disk\n');
    expect(rows).toEqual([
      { kind: 'same', mine: { line: 1, text: '# Title' }, theirs: { line: 1, text: '# Title' } },
      { kind: 'changed', mine: { line: 2, text: 'mine' }, theirs: { line: 2, text: 'theirs' } },
      { kind: 'same', mine: { line: 3, text: 'same' }, theirs: { line: 3, text: 'same' } },
      { kind: 'theirs-only', mine: null, theirs: { line: 4, text: 'new on disk' } },
    ]);
  });

  it('numbers each side on its own after lines only one side has', () => {
    const rows = sideBySide('a\nb\nc\nd\n', 'a\nd\n');
    expect(rows.map((row) => row.kind)).toEqual(['same', 'mine-only', 'mine-only', 'same']);
    expect(rows.at(-1)).toEqual({ kind: 'same', mine: { line: 4, text: 'd' }, theirs: { line: 2, text: 'd' } });
  });

  it('reads a last line without a newline as a line', () => {
    expect(sideBySide('one', 'one\ntwo')).toEqual([
      { kind: 'same', mine: { line: 1, text: 'one' }, theirs: { line: 1, text: 'one' } },
      { kind: 'theirs-only', mine: null, theirs: { line: 2, text: 'two' } },
    ]);
  });
});
