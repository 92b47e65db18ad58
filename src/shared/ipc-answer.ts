// Electron does not pass a thrown error through `ipcRenderer.invoke` intact: "Errors thrown through
// `handle` in the main process are not transparent as they are serialized and only the `message`
// property from the original error is provided to the renderer process" (ipcRenderer.invoke docs),
// and the message gains "Error invoking remote method '<channel>': Error: ". So the main process
// answers every call with a value of this shape, and the preload turns a failure back into an Error.

export interface IpcFailure {
  readonly message: string;
  /** A PodiumError's kind, when the error had one. */
  readonly kind?: string;
  /** An error's list of problems (file, line, sentence), when it had one. */
  readonly problems?: readonly unknown[];
}

export type IpcAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcFailure };

/** An Error as it arrives in the page: its message, and the kind and problems it was thrown with. */
export class IpcError extends Error {
  override name = 'IpcError';
  readonly kind: string | undefined;
  readonly problems: readonly unknown[] | undefined;
  constructor(failure: IpcFailure) {
    super(failure.message);
    this.kind = failure.kind;
    this.problems = failure.problems;
  }
}

export function ipcFailureOf(error: unknown): IpcFailure {
  if (!(error instanceof Error)) return { message: String(error) };
  const { kind, problems } = error as { kind?: unknown; problems?: unknown };
  return {
    message: error.message,
    ...(typeof kind === 'string' ? { kind } : {}),
    ...(Array.isArray(problems) ? { problems } : {}),
  };
}

/** The value of a successful answer; throws an IpcError for a failed one, or for a malformed answer. */
export function unwrapIpcAnswer<T>(answer: unknown): T {
  if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
    const known = answer as IpcAnswer<T>;
    if (known.ok) return known.value;
    if (typeof known.error?.message === 'string') throw new IpcError(known.error);
  }
  throw new IpcError({ message: 'the app answered in a shape it never sends' });
}
