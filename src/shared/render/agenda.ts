import type { Deck } from '../deck/model';
import { escapeHtml } from './escape-html';

/** Written on a slide, this comment becomes the deck's agenda, made from the segments' front matter. */
export const AGENDA_DIRECTIVE = '<!-- podium:agenda -->';

export interface AgendaEntry {
  title: string;
  /** The horizontal index of the segment's first slide: the agenda links to it. Null when the
   * segment's slides are not shown (an export of a range): listed, not linked. */
  h: number | null;
  /** Planned minutes from the segment's `duration`. */
  duration: number | null;
}

/**
 * The agenda of a deck: every segment but the one showing the agenda, in order, titled by its
 * front matter; a segment with `agenda: false` is left out (a closing slide, say).
 */
export function buildAgenda(deck: Deck, fromSegment: number): AgendaEntry[] {
  const entries: AgendaEntry[] = [];
  deck.segments.forEach((segment, index) => {
    const first = deck.slides.find((slide) => slide.segment === index);
    if (index === fromSegment || !first || !segment.title || segment.meta.agenda === false) return;
    const duration = segment.meta.duration;
    entries.push({ title: segment.title, h: first.h, duration: typeof duration === 'number' ? duration : null });
  });
  return entries;
}

export function agendaHtml(entries: readonly AgendaEntry[]): string {
  const items = entries.map(
    (entry) =>
      `<li>${entry.h === null ? escapeHtml(entry.title) : `<a href="#/${entry.h}">${escapeHtml(entry.title)}</a>`}` +
      (entry.duration === null ? '' : ` <span class="podium-agenda-duration">${entry.duration} min</span>`) +
      '</li>',
  );
  return `<ol class="podium-agenda">${items.join('')}</ol>`;
}
