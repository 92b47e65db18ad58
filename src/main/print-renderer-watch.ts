import type { WebContents } from 'electron';
import { PodiumError } from '../shared/errors';

/**
 * Runs `work` on a hidden print window's page, and gives up when its renderer dies, hangs, or the
 * export's deadline passes. A dead renderer never settles a pending `executeJavaScript` or
 * `printToPDF`: without this race an export would wait forever and keep the export lock taken.
 * The caller destroys the window whichever way this ends.
 */
export async function whilePrintRendererLives<T>(
  contents: Pick<WebContents, 'on' | 'off'>,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let stop: (reason: PodiumError) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const onGone = (_event: unknown, details: { reason: string; exitCode: number }): void =>
    stop(new PodiumError('runtime', `the print view's renderer ${rendererEnd(details.reason)} (exit code ${details.exitCode}); nothing written`));
  const onUnresponsive = (): void => stop(new PodiumError('runtime', 'the print view stopped responding; nothing written'));
  const timer = setTimeout(
    () => stop(new PodiumError('runtime', `export timed out after ${timeoutMs / 1000} s; nothing written`)),
    timeoutMs,
  );
  contents.on('render-process-gone', onGone);
  contents.on('unresponsive', onUnresponsive);
  try {
    return await Promise.race([work(), stopped]);
  } finally {
    clearTimeout(timer);
    contents.off('render-process-gone', onGone);
    contents.off('unresponsive', onUnresponsive);
  }
}

/** Electron's `RenderProcessGoneDetails.reason`, as a person reads it. */
function rendererEnd(reason: string): string {
  switch (reason) {
    case 'crashed':
      return 'crashed';
    case 'oom':
      return 'ran out of memory';
    case 'killed':
      return 'was killed';
    case 'launch-failed':
      return 'could not start';
    default:
      return `ended (${reason})`;
  }
}
