import type { OutlineEntry } from './outline';

/** One outline item as PDF 32000-1, 12.3.3 links it; numbers are indices into OutlineTree.items, -1 for the outline's root. */
interface OutlineItem {
  title: string;
  /** 0-based page it opens; past the last page, the last; -1 for a document without pages. */
  page: number;
  parent: number;
  prev?: number;
  next?: number;
  first?: number;
  last?: number;
  /** Positive: the item opens expanded, its children listed. */
  count?: number;
}

export interface OutlineTree {
  /** In the order the objects are best allocated: each sibling list, then its children's. */
  items: OutlineItem[];
  first: number;
  last: number;
  /** The root's Count: every item shown when each opens expanded. */
  count: number;
}

/**
 * The bookmarks' links (parent, siblings, children, counts) worked out once, for both PDF back
 * ends: finish-pdf.ts appends them to Chromium's file, finish-pdf-lib.ts writes them with pdf-lib.
 * Each only turns items into its own objects.
 */
export function outlineTree(entries: readonly OutlineEntry[], pageCount: number): OutlineTree {
  const items: OutlineItem[] = [];
  const place = (list: readonly OutlineEntry[], parent: number): { first: number; last: number; visible: number } => {
    const start = items.length;
    for (const entry of list) items.push({ title: entry.title, page: Math.min(entry.page, pageCount - 1), parent });
    let visible = list.length;
    list.forEach((entry, offset) => {
      const index = start + offset;
      const item = items[index] as OutlineItem;
      if (offset > 0) item.prev = index - 1;
      if (offset < list.length - 1) item.next = index + 1;
      if (entry.children.length > 0) {
        const children = place(entry.children, index);
        item.first = children.first;
        item.last = children.last;
        item.count = children.visible;
        visible += children.visible;
      }
    });
    return { first: start, last: start + list.length - 1, visible };
  };
  const top = place(entries, -1);
  return { items, first: top.first, last: top.last, count: top.visible };
}
