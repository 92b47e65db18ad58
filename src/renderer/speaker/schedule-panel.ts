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

export function createScheduleView(document: Document): ScheduleView {
  const status = document.createElement('div');
  status.className = 'speaker-schedule-status';
  const table = document.createElement('table');
  table.className = 'speaker-segments';
  return { status, table };
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
  const document = view.table.ownerDocument;
  const header = document.createElement('tr');
  for (const label of ['Segment', 'Planned', 'Rehearsed', 'Spent']) {
    const cell = document.createElement('th');
    cell.textContent = label;
    header.append(cell);
  }
  const rows = deck.segments.map((segment, index) => {
    const row = document.createElement('tr');
    const plannedMs = planned[index] ?? null;
    const rehearsedMs = rehearsed[index] ?? null;
    const spentMs = spent[index] ?? 0;
    if (index === current) row.className = 'current';
    if (plannedMs !== null && spentMs > plannedMs) row.classList.add('overrun');
    for (const text of [
      segment.title ?? segment.file,
      plannedMs === null ? '—' : formatDuration(plannedMs),
      rehearsedMs === null ? '—' : formatDuration(rehearsedMs),
      formatDuration(spentMs),
    ]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
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
