const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Orders file names as people number them: `2-a.md` before `10-b.md`. */
export function compareNaturally(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
