import type { Problem } from './deck/model';

/** What went wrong, by who can fix it; the CLI maps each kind to an exit code in one table. */
export type PodiumErrorKind =
  /** The command line is wrong: a missing path, an unknown option. */
  | 'usage'
  /** The deck has errors (each names file and line). */
  | 'deck'
  /** Something this machine lacks: a browser, the Electron binary. */
  | 'environment'
  /** Export or serve failed at run time. */
  | 'runtime';

export class PodiumError extends Error {
  override name = 'PodiumError';
  constructor(
    readonly kind: PodiumErrorKind,
    message: string,
    /** The deck's problems the message lists, each with its place: they travel with the error. */
    readonly problems?: readonly Problem[],
  ) {
    super(message);
  }
}

/** What a thrown value says to a person: an Error's message, or the value itself as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
