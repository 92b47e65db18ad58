/**
 * reveal.js's text fitting (fitty) listens to the window's resize for the whole page and fits
 * again 100 ms after one (its `observeWindowDelay`); nothing a test can destroy removes that
 * timer. happy-dom takes the window's methods away when a file ends, so a timer still pending
 * then throws "cancelAnimationFrame is not a function". A file that lays out reveal.js decks lets
 * that delay run out before it ends. Teardown only: no assertion waits on it.
 */
export function waitOutRevealTimers(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 150));
}
