import { REVEAL_TRANSITIONS, type RevealOptions } from './model';

const oneOf =
  (...values: readonly unknown[]) =>
  (value: unknown): boolean =>
    values.includes(value);
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

/** Each option reveal.js documents that a deck may set, with what it accepts, said as a person reads it. */
export const REVEAL_OPTION_RULES: Record<keyof RevealOptions, { accepts: (value: unknown) => boolean; expected: string }> = {
  controls: { accepts: isBoolean, expected: 'true or false' },
  progress: { accepts: isBoolean, expected: 'true or false' },
  slideNumber: { accepts: (value) => isBoolean(value) || oneOf('h.v', 'h/v', 'c', 'c/t')(value), expected: 'true, false, h.v, h/v, c or c/t' },
  hash: { accepts: isBoolean, expected: 'true or false' },
  center: { accepts: isBoolean, expected: 'true or false' },
  loop: { accepts: isBoolean, expected: 'true or false' },
  showNotes: { accepts: isBoolean, expected: 'true or false' },
  transitionSpeed: { accepts: oneOf('default', 'fast', 'slow'), expected: 'default, fast or slow' },
  backgroundTransition: { accepts: oneOf(...REVEAL_TRANSITIONS), expected: REVEAL_TRANSITIONS.join(', ') },
  navigationMode: { accepts: oneOf('default', 'linear', 'grid'), expected: 'default, linear or grid' },
  autoSlide: { accepts: (value) => value === false || (typeof value === 'number' && value >= 0), expected: 'milliseconds, or false' },
  margin: { accepts: (value) => typeof value === 'number' && value >= 0 && value < 1, expected: 'a fraction of the slide, 0 to 1' },
};

export function isRevealOption(key: string): key is keyof RevealOptions {
  return Object.hasOwn(REVEAL_OPTION_RULES, key);
}

/** The known name closest to a misspelt one (one or two letters off, or another case), if any. */
export function closestName(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
