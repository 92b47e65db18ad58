import type { Deck, Slide } from '../deck/model';
import type { ExportOptions, PrintLayout } from './export-options';
import { PodiumError } from '../errors';
import { AGENDA_DIRECTIVE, buildAgenda } from '../render/agenda';
import { renderSlideHtml } from '../render/slide-html';

/**
 * Parses `--range 1-5,8`: 1-based slide numbers in deck order (vertical slides count too), as
 * 0-based indices, sorted and without repeats. A number past the end is an error, not ignored:
 * a range that silently prints less than asked is worse than one that refuses.
 */
export function parseSlideRange(text: string, slideCount: number): number[] {
  const read = readSlideRange(text, slideCount);
  if (typeof read === 'string') throw new PodiumError('usage', `--range: ${read}`);
  return read;
}

/** What is wrong with a range, as the Export dialog shows it beside its field, or null when it fits. */
export function slideRangeProblem(text: string, slideCount: number): string | null {
  const read = readSlideRange(text, slideCount);
  return typeof read === 'string' ? read : null;
}

/** The range's indices, or the sentence saying what is wrong with it. */
function readSlideRange(text: string, slideCount: number): number[] | string {
  const indices = new Set<number>();
  for (const part of text.split(',').map((piece) => piece.trim())) {
    const match = /^(\d+)(?:\s*-\s*(\d+)?)?$/.exec(part);
    if (!match) return `"${part}" is not a slide number or a range like 1-5`;
    const first = Number(match[1]);
    const last = match[2] !== undefined ? Number(match[2]) : part.includes('-') ? slideCount : first;
    if (first < 1 || last < first) return `"${part}" is empty`;
    if (last > slideCount) return `"${part}" goes past the last slide (the deck has ${slideCount})`;
    for (let number = first; number <= last; number++) indices.add(number - 1);
  }
  return [...indices].sort((a, b) => a - b);
}

/**
 * The deck with only the given slides, renumbered as reveal.js will show them: slides that shared
 * a vertical stack still do, and each kept stack gets the next horizontal index. An agenda still
 * lists the whole deck, as the talk does (segments left out are listed, not linked): it is
 * rendered here, while the whole deck is known, since the kept deck no longer holds their slides.
 */
export function selectSlides(deck: Deck, indices: readonly number[]): Deck {
  const kept = new Set(indices);
  const slides: Slide[] = [];
  const newH = new Map<number, number>();
  let previousH = -1;
  let h = -1;
  let v = 0;
  deck.slides.forEach((slide, index) => {
    if (!kept.has(index)) return;
    if (slide.h !== previousH) {
      h++;
      v = 0;
    } else {
      v++;
    }
    previousH = slide.h;
    newH.set(slide.h, h);
    slides.push({ ...slide, h, v });
  });
  return {
    ...deck,
    slides: slides.map((slide) => {
      if (slide.error || !slide.markdown.includes(AGENDA_DIRECTIVE)) return slide;
      const agenda = buildAgenda(deck, slide.segment).map((entry) => ({ ...entry, h: entry.h === null ? null : (newH.get(entry.h) ?? null) }));
      return { ...slide, html: renderSlideHtml(slide.markdown, { segmentFile: deck.segments[slide.segment]?.file ?? '', agenda }) };
    }),
  };
}

/** The print layout for these options on this deck (the range checked against its slides). */
export function printLayoutFor(options: ExportOptions, deck: Deck): PrintLayout {
  return {
    size: options.size,
    slides: options.range === null ? null : parseSlideRange(options.range, deck.slides.length),
    fragments: options.fragments,
    notes: options.notes,
    perPage: options.perPage,
    paper: options.paper,
    maxImageDpi: options.maxImageDpi,
    drawings: options.drawings,
  };
}
