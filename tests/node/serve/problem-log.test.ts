import { describe, expect, it } from 'vitest';
import { createProblem } from '../../../src/shared/deck/problems';
import { ProblemLog } from '../../../src/node/serve/problem-log';

const missing = createProblem('missing-file', '1.md', 3, 'image "a.png" not found (a.png)');
const empty = createProblem('empty-slide', '2.md', 7, 'empty slide');

describe('ProblemLog', () => {
  it('prints a problem when it appears, not again while it stays, and once when all are fixed', () => {
    const log = new ProblemLog();
    expect(log.report([])).toEqual([]);
    expect(log.report([missing])).toEqual(['podium: 1.md:3: error: image "a.png" not found (a.png)']);
    expect(log.report([missing, empty])).toEqual(['podium: 2.md:7: warning: empty slide']);
    expect(log.report([empty])).toEqual([]);
    expect(log.report([])).toEqual(['podium: no problems left']);
    expect(log.report([])).toEqual([]);
  });

  it('prints ten new problems at a time and counts the rest', () => {
    const many = Array.from({ length: 14 }, (_, index) => createProblem('no-notes', 'a.md', index + 1, 'slide has no speaker notes'));
    const lines = new ProblemLog().report(many);
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe('podium: … and 4 more (podium check lists them all)');
  });
});
