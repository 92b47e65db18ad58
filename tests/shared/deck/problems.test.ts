import { describe, expect, it } from 'vitest';
import { asCheckedProblem, createProblem } from '../../../src/shared/deck/problems';
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

describe('asCheckedProblem', () => {
  it('makes an empty slide an error for `podium check`, whatever its sentence says', () => {
    const [empty] = parseSegment('# One\n---\n\n---\n# Two\n', 'e.md').problems;
    expect(empty).toMatchObject({ code: 'empty-slide', severity: 'warning' });
    expect(asCheckedProblem({ ...empty!, message: 'reworded' })).toMatchObject({ code: 'empty-slide', severity: 'error' });
  });

  it('leaves a warning of another code a warning, even one whose sentence reads "empty slide"', () => {
    const notes = createProblem('no-notes', 'a.md', 1, 'empty slide');
    expect(asCheckedProblem(notes).severity).toBe('warning');
  });
});
