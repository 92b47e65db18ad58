import type { Deck } from '../deck/model';
import { plannedDurationsMs } from './talk-clock';

const MINUTE_MS = 60_000;
/** The two warnings a speaker expects from a stage clock: five minutes left, then one. */
const WARNING_LEFT_MS = 5 * MINUTE_MS;
const FINAL_WARNING_LEFT_MS = 1 * MINUTE_MS;

/**
 * How long the talk is planned to last: deck.yaml's `duration`, else the sum of the segments'
 * planned minutes; null when the deck plans neither (the speaker view then shows no countdown).
 */
export function talkLengthMs(deck: Deck): number | null {
  if (deck.settings.duration !== undefined) return deck.settings.duration * MINUTE_MS;
  const planned = plannedDurationsMs(deck).filter((duration): duration is number => duration !== null);
  const total = planned.reduce((sum, duration) => sum + duration, 0);
  return planned.length > 0 && total > 0 ? total : null;
}

/** How urgent the time left is: plenty, under five minutes, under one, or none (time's up). */
export type CountdownLevel = 'plenty' | 'warning' | 'final' | 'over';

export function countdownLevel(leftMs: number): CountdownLevel {
  if (leftMs <= 0) return 'over';
  if (leftMs <= FINAL_WARNING_LEFT_MS) return 'final';
  return leftMs <= WARNING_LEFT_MS ? 'warning' : 'plenty';
}

/** How far the segment the presenter is in runs past its planned time; null while it does not (or has no plan). */
export function segmentOverrunMs(planned: readonly (number | null)[], spent: readonly number[], current: number): number | null {
  const plan = planned[current];
  if (plan === null || plan === undefined) return null;
  const over = (spent[current] ?? 0) - plan;
  return over > 0 ? over : null;
}
