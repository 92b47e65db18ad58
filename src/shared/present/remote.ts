import type { Deck } from '../deck/model';
import { parsePresenterState, type PresenterState } from './presenter-state';

/**
 * The phone as a clicker: what it asks of the presentation, and what it is shown. The phone never
 * receives the deck: only the current slide's notes and title, the next slide's title, where the
 * talk is and the speaker view's clock.
 */

export type RemoteDirection = 'next' | 'previous';

/**
 * A press on the phone, as the presentation windows receive it: step `direction` from `from`, the
 * state the server last knew. A window that is elsewhere ignores it; windows that are there all
 * take the same step and land on the same state, so two open presentations never step twice.
 */
export interface RemoteStep {
  direction: RemoteDirection;
  from: PresenterState;
}

/** The speaker view's clock, as the phone shows it. */
export interface RemoteClock {
  elapsedMs: number;
  running: boolean;
  /** The talk's length (deck.yaml's `duration`, or the segments' plan); null without one. */
  lengthMs: number | null;
}

export interface RemoteView {
  /** Where the talk is; null while no presenter window is open and none has said. */
  state: PresenterState | null;
  /** 1-based slide number and the number of slides. */
  position: { slide: number; slides: number } | null;
  title: string | null;
  notes: string | null;
  /** The next slide's title; null on the last slide (or a slide without a title: see `hasNext`). */
  nextTitle: string | null;
  hasNext: boolean;
  /** The speaker view's clock; null while no speaker view is open. */
  clock: RemoteClock | null;
  /** Whether a presentation or speaker view is open to move: without one, the phone's buttons do nothing. */
  presenting: boolean;
  /** The deck's slide size: the phone's laser pad has its shape, and points in its units. */
  slideSize: { width: number; height: number };
}

/** Whether the remote is on and, when it is, the URL its QR code carries. */
export interface RemoteStatus {
  on: boolean;
  /** The phone's URL, with the remote's own token; null while off. */
  url: string | null;
  /** The address the remote listens on (or would): what the speaker view warns about. */
  address: string;
}

/** What the phone is shown at `state`, from the deck as the server holds it. */
export function remoteViewOf(deck: Deck, state: PresenterState | null, clock: RemoteClock | null, presenting: boolean): RemoteView {
  const index = state === null ? -1 : deck.slides.findIndex((slide) => slide.h === state.h && slide.v === state.v);
  const slide = deck.slides[index];
  const next = index < 0 ? undefined : deck.slides[index + 1];
  return {
    state,
    position: slide ? { slide: index + 1, slides: deck.slides.length } : null,
    title: slide?.title ?? null,
    notes: slide?.notes ?? null,
    nextTitle: next?.title ?? null,
    hasNext: next !== undefined,
    clock,
    presenting,
    slideSize: { width: deck.settings.width, height: deck.settings.height },
  };
}

/** A day: no talk's clock reads more, and anything larger is not a clock. */
const MAX_CLOCK_MS = 24 * 60 * 60_000;

export function parseRemoteClock(value: unknown): RemoteClock | null {
  if (typeof value !== 'object' || value === null) return null;
  const { elapsedMs, running, lengthMs } = value as Record<string, unknown>;
  const isDuration = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= MAX_CLOCK_MS;
  if (!isDuration(elapsedMs) || typeof running !== 'boolean') return null;
  if (lengthMs !== null && !isDuration(lengthMs)) return null;
  return { elapsedMs, running, lengthMs };
}

export function parseRemoteDirection(value: unknown): RemoteDirection | null {
  if (typeof value !== 'object' || value === null) return null;
  const { direction } = value as Record<string, unknown>;
  return direction === 'next' || direction === 'previous' ? direction : null;
}

export function parseRemoteStep(value: unknown): RemoteStep | null {
  const direction = parseRemoteDirection(value);
  const from = parsePresenterState((value as { from?: unknown } | null)?.from);
  return direction && from ? { direction, from } : null;
}
