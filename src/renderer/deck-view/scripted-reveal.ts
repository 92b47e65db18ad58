import type { RevealApi } from 'reveal.js';

/**
 * reveal.js's methods that move or reconfigure a deck. A script calling one through `window.Reveal`
 * (decktape, which steps through every slide to print it; a test) drives the deck itself.
 */
const DRIVING_METHODS: ReadonlySet<PropertyKey> = new Set([
  'configure',
  'slide',
  'next',
  'prev',
  'left',
  'right',
  'up',
  'down',
  'navigateLeft',
  'navigateRight',
  'navigateUp',
  'navigateDown',
  'navigateNext',
  'navigatePrev',
  'nextFragment',
  'prevFragment',
]);

const takeOverListeners = new Set<() => void>();
let drivenByScript = false;

/**
 * Exposes the deck as `window.Reveal`, as reveal.js decks conventionally do, through a proxy that
 * notices when a script starts driving it. Podium's own code holds the instance itself and never
 * goes through the proxy, so only an outside script (the page runs no deck scripts) is counted.
 */
export function exposeRevealToScripts(reveal: RevealApi): void {
  const proxy = new Proxy(reveal, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function' || !DRIVING_METHODS.has(key)) return value;
      return (...args: unknown[]): unknown => {
        takeOver();
        return (value as (...params: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  Object.assign(window, { Reveal: proxy });
}

function takeOver(): void {
  if (drivenByScript) return;
  drivenByScript = true;
  for (const listener of takeOverListeners) listener();
  takeOverListeners.clear();
}

/**
 * Calls `listener` once, before the first call a script makes to move the deck through
 * `window.Reveal`. Returns a function that stops waiting.
 */
export function whenScriptDrivesReveal(listener: () => void): () => void {
  if (drivenByScript) {
    listener();
    return () => undefined;
  }
  takeOverListeners.add(listener);
  return () => takeOverListeners.delete(listener);
}
