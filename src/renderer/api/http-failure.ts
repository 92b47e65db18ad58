import { reportedError, type ReportedError } from '../../shared/error-report';

/**
 * The error a failed response stands for: the server's `{message, kind, problems}` rethrown as the
 * preload rethrows a failed IPC answer, so the browser shows the app's sentence. A body that is no
 * such report (the server's plain-text refusals) is quoted after the status.
 */
export async function failureOf(response: Response): Promise<ReportedError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Plain text: the fallback below quotes it.
  }
  return reportedError(body, `the Podium server answered ${response.status}${text === '' ? '' : `: ${text}`}`);
}
