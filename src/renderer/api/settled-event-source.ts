/**
 * When the page has settled: the window's `load`, then a quiet spell in which no request finishes.
 * Server-sent event streams are opened only then (shared-event-stream.ts). An open stream is a request that never ends, so a page
 * that opened one at once would never be "network idle", and tools that wait for that (decktape,
 * Puppeteer's `networkidle0`, which wants 500 ms with no request open) would time out on it.
 * Whatever the stream would have said in the meantime is caught up on by the stream's `onOpen` (the deck) or by
 * the server itself (a follower's stream starts with the presenter's state and the drawings).
 */
const QUIET_MS = 1000;
/** A page whose requests never stop (a streaming video) still gets its streams, after this long. */
const LONGEST_WAIT_MS = 10_000;

let settled: Promise<void> | undefined;

/** Resolves once the page has loaded and then been quiet for QUIET_MS (LONGEST_WAIT_MS at most). */
export function whenPageSettled(): Promise<void> {
  settled ??= new Promise<void>((resolve) => {
    const afterLoad = (): void => {
      let quiet: ReturnType<typeof setTimeout>;
      const done = (): void => {
        clearTimeout(quiet);
        clearTimeout(longest);
        observer.disconnect();
        resolve();
      };
      const observer = new PerformanceObserver(() => {
        clearTimeout(quiet);
        quiet = setTimeout(done, QUIET_MS);
      });
      observer.observe({ type: 'resource' });
      quiet = setTimeout(done, QUIET_MS);
      const longest = setTimeout(done, LONGEST_WAIT_MS);
    };
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
  });
  return settled;
}
