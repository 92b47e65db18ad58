/**
 * Where the presenter is: reveal.js's indices of the slide and of the last fragment shown. Every
 * window of one talk (presentation, speaker view, followers) shows this state and, except
 * followers, may change it.
 */
export interface PresenterState {
  h: number;
  v: number;
  /** Index of the last fragment shown; -1 when none is shown or the slide has none. */
  f: number;
  /** What the audience sees instead of the slide (B blacks out, W a whiteboard); absent: the slide. */
  screen?: AudienceScreen;
}

export type AudienceScreen = 'black' | 'white';

/** The largest index accepted from another window or the network: far above any real deck. */
const MAX_INDEX = 100_000;

/** Reads a state that came from another window or over the network; null when it is not one. */
export function parsePresenterState(value: unknown): PresenterState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { h, v, f, screen } = value as Record<string, unknown>;
  if (!isIndex(h, 0) || !isIndex(v, 0) || !isIndex(f, -1)) return null;
  if (screen === undefined) return { h, v, f };
  return screen === 'black' || screen === 'white' ? { h, v, f, screen } : null;
}

/** reveal.js reports `f` as undefined on a slide without fragments: both mean "no fragment shown". */
export function presenterStateOf(indices: { h: number; v?: number; f?: number }, screen?: AudienceScreen): PresenterState {
  const state: PresenterState = { h: indices.h, v: indices.v ?? 0, f: indices.f ?? -1 };
  if (screen) state.screen = screen;
  return state;
}

export function samePresenterState(a: PresenterState | null, b: PresenterState | null): boolean {
  return a !== null && b !== null && a.h === b.h && a.v === b.v && a.f === b.f && a.screen === b.screen;
}

/** `#/h/v/f`, reveal.js's hash for a slide and fragment. */
export function presenterStateHash(state: PresenterState): string {
  return `#/${state.h}/${state.v}/${state.f}`;
}

/** Reads `#/h`, `#/h/v` or `#/h/v/f`; null for any other hash. */
export function presenterStateFromHash(hash: string): PresenterState | null {
  const match = /^#\/(\d+)(?:\/(\d+))?(?:\/(-1|\d+))?$/.exec(hash);
  if (!match) return null;
  return parsePresenterState({ h: Number(match[1]), v: Number(match[2] ?? 0), f: Number(match[3] ?? -1) });
}

function isIndex(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_INDEX;
}
