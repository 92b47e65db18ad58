import { checkDeck } from '../../node/check/check-deck';
import { formatProblem } from '../../shared/deck/build-deck';
import { RENDERER_DIR } from '../paths';

export interface CheckOptions {
  browser?: string;
  render: boolean;
  timeout: number;
  json?: boolean;
}

/** `podium check`: the preflight; exit code 1 when anything would break on stage or in the PDF. */
export async function checkCommand(deckPath: string, options: CheckOptions): Promise<number> {
  const { deck, problems } = await checkDeck({
    deckPath,
    rendererDir: RENDERER_DIR,
    browserPath: options.browser,
    render: options.render,
    timeoutMs: options.timeout * 1000,
  });
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  if (options.json) {
    // For an editor: the same problems, each with its code, file, line, severity and message.
    console.log(JSON.stringify({ slides: deck.slides.length, errors, warnings, problems }, null, 2));
    return errors > 0 ? 1 : 0;
  }
  for (const problem of problems) console.log(formatProblem(problem));
  console.log(
    `podium: ${deck.slides.length} slides checked: ${errors} error${errors === 1 ? '' : 's'}, ` +
      `${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return errors > 0 ? 1 : 0;
}
