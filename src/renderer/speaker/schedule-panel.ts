import { h } from '../dom';
import type { Deck } from '../../shared/deck/model';
import { formatDuration, scheduleDeltaMs } from '../../shared/present/talk-clock';

/** The minimum gap shown as ahead or behind: a few seconds either way is being on time. */
const ON_TIME_TOLERANCE_MS = 5_000;

export interface ScheduleView {
  /** One line for the top bar: ahead of, behind or on the plan. */
  status: HTMLElement;
  /** A table: each segment's planned and rehearsed durations against the time spent in it. */
  table: HTMLTableElement;
}

export function createScheduleView(): ScheduleView {
  return { status: h('div', { className: 'speaker-schedule-status' }), table: h('table', { className: 'speaker-segments' }) };
}

/** Redraws the schedule for the time spent so far while the presenter is in segment `current`. */
export function renderSchedule(
  view: ScheduleView,
  deck: Deck,
  planned: readonly (number | null)[],
  /** From the deck's last rehearsal; null for a segment it never reached. */
  rehearsed: readonly (number | null)[],
  spent: readonly number[],
  current: number,
): void {
  const header = h('tr', {}, ...['Segment', 'Planned', 'Rehearsed', 'Spent'].map((label) => h('th', {}, label)));
  const rows = deck.segments.map((segment, index) => {
    const plannedMs = planned[index] ?? null;
    const rehearsedMs = rehearsed[index] ?? null;
    const spentMs = spent[index] ?? 0;
    const classes = [index === current && 'current', plannedMs !== null && spentMs > plannedMs && 'overrun'];
    return h(
      'tr',
      { className: classes.filter(Boolean).join(' ') },
      h('td', {}, segment.title ?? segment.file),
      h('td', {}, plannedMs === null ? '—' : formatDuration(plannedMs)),
      h('td', {}, rehearsedMs === null ? '—' : formatDuration(rehearsedMs)),
      h('td', {}, formatDuration(spentMs)),
    );
  });
  view.table.replaceChildren(header, ...rows);
  // Scrolled only when the segment changes: the table redraws every second and must not jump.
  if (view.table.dataset.current !== String(current)) {
    view.table.dataset.current = String(current);
    rows[current]?.scrollIntoView({ block: 'nearest' });
  }

  if (planned.every((duration) => duration === null)) {
    view.status.className = 'speaker-schedule-status unplanned';
    view.status.textContent = 'No plan: give segments a `duration` (minutes)';
    return;
  }
  const delta = scheduleDeltaMs(planned, spent, current);
  const state = delta > ON_TIME_TOLERANCE_MS ? 'behind' : delta < -ON_TIME_TOLERANCE_MS ? 'ahead' : 'on-time';
  view.status.className = `speaker-schedule-status ${state}`;
  view.status.dataset.deltaMs = String(Math.round(delta));
  view.status.textContent =
    state === 'behind'
      ? `Behind by ${formatDuration(delta)}`
      : state === 'ahead'
        ? `Ahead by ${formatDuration(-delta)}`
        : 'On time';
}
