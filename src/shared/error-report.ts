/**
 * An error as it crosses a boundary, the main process's IPC answer or serve mode's HTTP body: its
 * sentence, and the kind and problems it was thrown with. Both paths make it with `errorReportOf`
 * and read it back with `reportedError`, so the app and the browser show the same sentence.
 */
export interface ErrorReport {
  readonly message: string;
  /** A PodiumError's kind, when the error had one. */
  readonly kind?: string;
  /** An error's list of problems (file, line, sentence), when it had one. */
  readonly problems?: readonly unknown[];
}

/** An Error as it arrives in the page: its message, and the kind and problems it was thrown with. */
export class ReportedError extends Error {
  override name = 'ReportedError';
  readonly kind: string | undefined;
  readonly problems: readonly unknown[] | undefined;
  constructor(report: ErrorReport) {
    super(report.message);
    this.kind = report.kind;
    this.problems = report.problems;
  }
}

export function errorReportOf(error: unknown): ErrorReport {
  if (!(error instanceof Error)) return { message: String(error) };
  const { kind, problems } = error as { kind?: unknown; problems?: unknown };
  return {
    message: error.message,
    ...(typeof kind === 'string' ? { kind } : {}),
    ...(Array.isArray(problems) ? { problems } : {}),
  };
}

/** The error a report stands for; `fallback` when `value` is not one (a body some other server sent). */
export function reportedError(value: unknown, fallback: string): ReportedError {
  if (typeof value !== 'object' || value === null) return new ReportedError({ message: fallback });
  const { message, kind, problems } = value as Record<string, unknown>;
  if (typeof message !== 'string') return new ReportedError({ message: fallback });
  return new ReportedError({
    message,
    ...(typeof kind === 'string' ? { kind } : {}),
    ...(Array.isArray(problems) ? { problems } : {}),
  });
}
