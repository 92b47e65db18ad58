import type { Problem, ProblemCode, Severity } from './model';

const ERROR: Severity = 'error';
const WARNING: Severity = 'warning';

/**
 * How grave each kind of problem is: the one place that decides it, the same in the editor, in
 * serve mode's output, in `podium inspect` and in `podium check`.
 */
const SEVERITY: Record<ProblemCode, Severity> = {
  'missing-file': ERROR,
  // What the audience sees is the same as for a missing image: a blank or a broken-image icon.
  'bad-image': ERROR,
  'outside-deck': ERROR,
  'unreadable-segment': ERROR,
  'no-slides': ERROR,
  // The slide is dropped, as reveal.js drops it: nothing breaks, but a `---` too many is likely.
  'empty-slide': WARNING,
  'bad-front-matter': ERROR,
  'front-matter-read-as-slide': WARNING,
  'unknown-attribute-comment': WARNING,
  'bad-deck-settings': ERROR,
  'unknown-theme': ERROR,
  // The deck presents as it would without the plugin.
  'unknown-plugin': WARNING,
  'unknown-transition': ERROR,
  'unknown-size': ERROR,
  'bad-separator': ERROR,
  'bad-attribute-pattern': ERROR,
  'unknown-setting': WARNING,
  'bad-reveal-option': ERROR,
  // The slide shows without the frame: the talk goes on, but the author must know it is missing.
  'refused-frame': WARNING,
  'network-media': WARNING,
  'network-file': WARNING,
  'no-notes': WARNING,
  overflow: ERROR,
  'layout-not-checked': WARNING,
  // For the hall (podium check): what a reader, or the back row, cannot read.
  'missing-alt': ERROR,
  'low-contrast': ERROR,
  'small-text': WARNING,
  'no-heading': WARNING,
  'duplicate-heading': WARNING,
  'url-link-text': WARNING,
  'no-lang': WARNING,
};

/** A problem of this kind at this place, with the severity of its kind. */
export function createProblem(code: ProblemCode, file: string, line: number, message: string): Problem {
  return { code, severity: SEVERITY[code], file, line, message };
}
