import type { PodiumErrorKind } from '../shared/errors';

/** The one table from error kinds to the CLI's exit codes. */
export const EXIT_CODES: Record<PodiumErrorKind | 'ok' | 'internal', number> = {
  ok: 0,
  /** The deck has errors: `export` writes nothing. */
  deck: 1,
  runtime: 1,
  internal: 1,
  /** Bad command line: missing path, unknown option. */
  usage: 2,
  /** This machine lacks something: no browser for export. */
  environment: 3,
};
