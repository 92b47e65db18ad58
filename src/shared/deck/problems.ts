import type { Problem, ProblemCode, Severity } from './model';

interface SeverityRule {
  /** As the deck is shown, edited and exported. */
  readonly shown: Severity;
  /** As `podium check` preflights it for the stage, where an empty slide is a mistake too. */
  readonly checked: Severity;
}

const ERROR: SeverityRule = { shown: 'error', checked: 'error' };
const WARNING: SeverityRule = { shown: 'warning', checked: 'warning' };

/** How grave each kind of problem is: the one place that decides it. */
const SEVERITY: Record<ProblemCode, SeverityRule> = {
  'missing-file': ERROR,
  'outside-deck': ERROR,
  'unreadable-segment': ERROR,
  'no-slides': ERROR,
  'empty-slide': { shown: 'warning', checked: 'error' },
  'bad-front-matter': ERROR,
  'front-matter-read-as-slide': WARNING,
  'unknown-attribute-comment': WARNING,
  'bad-deck-settings': ERROR,
  'unknown-theme': ERROR,
  'unknown-transition': ERROR,
  'unknown-size': ERROR,
  'bad-separator': ERROR,
  'bad-attribute-pattern': ERROR,
  'unknown-setting': WARNING,
  'bad-reveal-option': ERROR,
  'network-file': WARNING,
  'no-notes': WARNING,
  overflow: ERROR,
  'layout-not-checked': WARNING,
};

/** A problem of this kind at this place, with the severity its kind has when the deck is shown. */
export function createProblem(code: ProblemCode, file: string, line: number, message: string): Problem {
  return { code, severity: SEVERITY[code].shown, file, line, message };
}

/** The problem with the severity `podium check` gives its kind. */
export function asCheckedProblem(problem: Problem): Problem {
  return { ...problem, severity: SEVERITY[problem.code].checked };
}
