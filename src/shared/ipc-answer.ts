// Electron does not pass a thrown error through `ipcRenderer.invoke` intact: "Errors thrown through
// `handle` in the main process are not transparent as they are serialized and only the `message`
// property from the original error is provided to the renderer process" (ipcRenderer.invoke docs),
// and the message gains "Error invoking remote method '<channel>': Error: ". So the main process
// answers every call with a value of this shape, and the preload turns a failure back into an Error.
import { reportedError, type ErrorReport } from './error-report';

export type IpcAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorReport };

/** The value of a successful answer; throws a ReportedError for a failed one, or for a malformed answer. */
export function unwrapIpcAnswer<T>(answer: unknown): T {
  const malformed = 'the app answered in a shape it never sends';
  if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
    const known = answer as IpcAnswer<T>;
    if (known.ok) return known.value;
    throw reportedError(known.error, malformed);
  }
  throw reportedError(null, malformed);
}
