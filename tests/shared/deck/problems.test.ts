import { describe, expect, it } from 'vitest';
import { createProblem } from '../../../src/shared/deck/problems';
import { parseSegment } from '../../../src/shared/deck/parse-segment';

describe('createProblem', () => {
  it('gives a problem the severity of its code', () => {
    expect(createProblem('missing-file', 'a.md', 3, 'image "x.png" not found (x.png)')).toEqual({
      code: 'missing-file',
      severity: 'error',
      file: 'a.md',
      line: 3,
      message: 'image "x.png" not found (x.png)',
    });
    expect(createProblem('unknown-attribute-comment', 'a.md', 1, 'anything').severity).toBe('warning');
  });
});

describe('one severity per code', () => {
  it('gives an empty slide the same severity whatever its sentence says', () => {
    const [empty] = parseSegment('# One\n---\n\n---\n# Two\n', 'e.md').problems;
    expect(empty).toMatchObject({ code: 'empty-slide', severity: 'warning' });
    expect(createProblem('empty-slide', 'e.md', 2, 'reworded').severity).toBe('warning');
    expect(createProblem('no-notes', 'a.md', 1, 'empty slide').severity).toBe('warning');
  });
});
