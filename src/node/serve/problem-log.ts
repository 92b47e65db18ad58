import { formatProblem } from '../../shared/deck/build-deck';
import type { Problem } from '../../shared/deck/model';

/**
 * What serve mode prints about a deck's problems as it is edited: each problem once, when it
 * appears (not again on every save while it stays), and one line when the last one is fixed.
 */
const LINES_AT_ONCE = 10;

export class ProblemLog {
  private shown = new Set<string>();

  /** The lines to print for the deck's problems now. */
  report(problems: readonly Problem[]): string[] {
    const now = new Set(problems.map(formatProblem));
    const fresh = [...now].filter((line) => !this.shown.has(line));
    const lines = fresh.slice(0, LINES_AT_ONCE).map((line) => `podium: ${line}`);
    if (fresh.length > LINES_AT_ONCE) {
      lines.push(`podium: … and ${fresh.length - LINES_AT_ONCE} more (podium check lists them all)`);
    }
    if (now.size === 0 && this.shown.size > 0) lines.push('podium: no problems left');
    this.shown = now;
    return lines;
  }
}
