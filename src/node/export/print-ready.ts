import { READY_ATTRIBUTE } from '../../shared/api';
import { PodiumError } from '../../shared/errors';

/** True once <html> carries READY_ATTRIBUTE: slides laid out, images and fonts loaded. */
const PRINT_READY_EXPRESSION = `document.documentElement.hasAttribute(${JSON.stringify(READY_ATTRIBUTE)})`;

/** Only while a navigation's new document has not replaced the old one yet. */
const NAVIGATION_POLL_MS = 10;

/**
 * Waits until the print page is laid out, in headless Chromium or the app's hidden window alike:
 * `evaluate` runs a script in the page. Gives up after `timeoutMs`.
 */
export function waitUntilPrintReady(evaluate: (script: string) => Promise<unknown>, timeoutMs?: number): Promise<void> {
  return waitUntilTrue(evaluate, PRINT_READY_EXPRESSION, timeoutMs);
}

/**
 * Resolves once `expression` is true in the page. One promise inside the page that watches the
 * DOM with a MutationObserver, rather than polling from the host: no round trip per check. Without
 * `timeoutMs`, the caller's own deadline bounds the wait.
 */
export async function waitUntilTrue(evaluate: (script: string) => Promise<unknown>, expression: string, timeoutMs?: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  const deadline = new Promise<never>((_, reject) => {
    if (timeoutMs === undefined) return;
    timer = setTimeout(() => {
      gaveUp = true;
      reject(new PodiumError('runtime', `the print view was not ready after ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
  });
  const watch = async (): Promise<void> => {
    while (!gaveUp) {
      try {
        if ((await evaluate(watchScript(expression))) === true) return;
      } catch (error) {
        // Asked while the previous document was being replaced: ask the new one.
        if (!(error instanceof Error) || !/context was destroyed|Cannot find context/i.test(error.message)) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, NAVIGATION_POLL_MS));
    }
  };
  try {
    await Promise.race([watch(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** False at once while the page is still about:blank; otherwise a promise of true once `expression` is. */
function watchScript(expression: string): string {
  return `location.href === 'about:blank' ? false : new Promise((resolve) => {
    const check = () => {
      let done = false;
      try { done = Boolean(${expression}); } catch {}
      if (done) { observer.disconnect(); resolve(true); }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { attributes: true, childList: true, subtree: true });
    check();
  })`;
}
