/** True when `box` shows all of its content: nothing hidden below its bottom edge. */
function showsAll(box: HTMLElement): boolean {
  // A pixel of slack: Chromium rounds a line box's height up where the box's height is a fraction.
  return box.scrollHeight <= box.clientHeight + 1;
}

/**
 * Makes `text` fit `box` by shrinking its font, no further than `smallest` times its own size.
 * Returns whether it fits; when it does not, the font is left at its own size.
 */
export function shrinkToFit(box: HTMLElement, smallest: number): boolean {
  if (showsAll(box)) return true;
  const size = Number.parseFloat(getComputedStyle(box).fontSize);
  for (let factor = 0.95; factor >= smallest - 1e-9; factor -= 0.05) {
    box.style.fontSize = `${size * factor}px`;
    if (showsAll(box)) return true;
  }
  box.style.fontSize = '';
  return false;
}

/**
 * Puts in `text` (a text node laid out in `box`) the longest start of `content`, cut between
 * words, that `box` shows whole, and returns the rest ('' when all of it shows). `atLeastOneWord`
 * keeps the first word even when it does not fit, so that text continued page after page always
 * moves on: one word taller than a whole page cannot be continued anywhere.
 */
export function fillWithText(box: HTMLElement, text: Text, content: string, atLeastOneWord: boolean): string {
  // Each piece is a word with the spaces and line breaks after it, so that joined they give `content` back.
  const pieces = content.match(/\s*\S+\s*/g) ?? [];
  const show = (count: number): void => {
    text.data = pieces.slice(0, count).join('').trimEnd();
  };
  let fitting = 0;
  let overflowing = pieces.length + 1;
  show(pieces.length);
  if (showsAll(box)) return '';
  // Binary search: `fitting` pieces show whole, `overflowing` do not.
  while (overflowing - fitting > 1) {
    const middle = Math.floor((fitting + overflowing) / 2);
    show(middle);
    if (showsAll(box)) fitting = middle;
    else overflowing = middle;
  }
  const kept = fitting === 0 && atLeastOneWord ? 1 : fitting;
  show(kept);
  return pieces.slice(kept).join('').trimStart();
}
