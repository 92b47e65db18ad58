import { describe, expect, it } from 'vitest';
import { outlineTree } from '../../../src/node/export/outline-tree';

const entry = (title: string, page: number, children: { title: string; page: number }[] = []) => ({
  title,
  page,
  children: children.map((child) => ({ ...child, children: [] })),
});

describe('outlineTree', () => {
  it('links each sibling list, then its children, and counts the items an expanded outline shows', () => {
    const tree = outlineTree([entry('Opening', 0, [{ title: 'Welcome', page: 0 }]), entry('Finale', 2, [{ title: 'Handover', page: 2 }, { title: 'Fireworks', page: 3 }])], 4);
    expect(tree).toEqual({
      first: 0,
      last: 1,
      count: 5,
      items: [
        { title: 'Opening', page: 0, parent: -1, next: 1, first: 2, last: 2, count: 1 },
        { title: 'Finale', page: 2, parent: -1, prev: 0, first: 3, last: 4, count: 2 },
        { title: 'Welcome', page: 0, parent: 0 },
        { title: 'Handover', page: 2, parent: 1, next: 4 },
        { title: 'Fireworks', page: 3, parent: 1, prev: 3 },
      ],
    });
  });

  describe('when an entry opens a page past the last', () => {
    it('opens the last page instead', () => {
      expect(outlineTree([entry('Late', 9)], 3).items[0]?.page).toBe(2);
    });
  });
});
