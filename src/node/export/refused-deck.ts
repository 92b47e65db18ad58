import { formatProblem } from '../../shared/deck/build-deck';
import type { Problem } from '../../shared/deck/model';
import { PodiumError } from '../../shared/errors';

/**
 * A refused export lists this many problems at most, in the CLI, the app and serve mode alike:
 * enough to fix a batch, short enough to read in a dialog; `podium inspect` lists them all.
 */
export const MAX_PROBLEMS_LISTED = 20;

/** The problems of a refused deck, one `file:line: severity: message` a line, at most MAX_PROBLEMS_LISTED. */
export function listProblems(problems: readonly Problem[]): string {
  const lines = problems.map(formatProblem);
  const listed = lines.slice(0, MAX_PROBLEMS_LISTED);
  if (lines.length > listed.length) listed.push(`…and ${lines.length - listed.length} more`);
  return listed.join('\n');
}

/** A refusal to export: the headline, then the problems; the error carries them all, across IPC and HTTP. */
export function exportRefusal(headline: string, problems: readonly Problem[]): PodiumError {
  return new PodiumError('deck', `${headline}:\n${listProblems(problems)}`, problems);
}
