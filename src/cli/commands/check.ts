import { checkDeck } from '../../node/check/check-deck';
import { formatProblem } from '../../shared/deck/build-deck';
import { RENDERER_DIR } from '../paths';

export interface CheckOptions {
  browser?: string;
  render: boolean;
  timeout: number;
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
  for (const problem of problems) console.log(formatProblem(problem));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  console.log(
    `podium: ${deck.slides.length} slides checked: ${errors} error${errors === 1 ? '' : 's'}, ` +
      `${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return errors > 0 ? 1 : 0;
}
