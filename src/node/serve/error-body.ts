import type { ErrorReport } from '../../shared/error-report';

/**
 * The JSON body of a route's error response, `{message, kind?, problems?}`, as the main process
 * answers a failed IPC call: the renderer's HTTP APIs rethrow it with `reportedError`.
 */
export function errorBody(report: ErrorReport | string): string {
  return JSON.stringify(typeof report === 'string' ? { message: report } : report);
}
