import { h } from '../dom';
import type { Deck } from '../../shared/deck/model';
import { formatDuration, type ScheduleVerdict } from '../../shared/present/talk-clock';

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
  verdict: ScheduleVerdict,
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
  view.status.className = `speaker-schedule-status ${verdict.state}`;
  if (verdict.state === 'not-started') {
    delete view.status.dataset.deltaMs;
    view.status.textContent = 'Timer not started';
    view.status.title = 'The timer starts on the first move past the title slide, or with Start';
    return;
  }
  view.status.title = verdict.state === 'on-time' && verdict.deltaMs < 0 ? 'Ahead or behind is said from the first minute on' : '';
  view.status.dataset.deltaMs = String(Math.round(verdict.deltaMs));
  view.status.textContent =
    verdict.state === 'behind'
      ? `Behind by ${formatDuration(verdict.deltaMs)}`
      : verdict.state === 'ahead'
        ? `Ahead by ${formatDuration(-verdict.deltaMs)}`
        : 'On time';
}
