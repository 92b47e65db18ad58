// reveal.js's syntax for line highlights: ```js [1-2|3] steps through lines 1-2, then 3;
// ```js [5: 1-2] numbers the lines from 5.
export const LINE_NUMBERS = /\[\s*(?:(\d+)\s*:)?\s*([\s\d,|-]*)\]/;

/** Fragments reveal.js's highlight plugin adds for a code block's info string: one a step after the first. */
export function highlightStepFragments(info: string): number {
  const steps = LINE_NUMBERS.exec(info)?.[2]?.split('|').length ?? 1;
  return steps - 1;
}
