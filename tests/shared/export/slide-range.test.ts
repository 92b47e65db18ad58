import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { parseSlideRange, selectSlides, slideRangeProblem } from '../../../src/shared/export/slide-range';

describe('parseSlideRange', () => {
  it('reads 1-based numbers and ranges as sorted 0-based indices without repeats', () => {
    expect(parseSlideRange('1-3,8,2', 10)).toEqual([0, 1, 2, 7]);
  });

  it('reads an open range as "to the last slide"', () => {
    expect(parseSlideRange('8-', 10)).toEqual([7, 8, 9]);
  });

  it('refuses numbers past the end, naming the part and the slide count', () => {
    expect(() => parseSlideRange('1-5,12', 10)).toThrow('--range: "12" goes past the last slide (the deck has 10)');
  });

  it('refuses what is not a range', () => {
    expect(() => parseSlideRange('two', 10)).toThrow(/"two" is not a slide number/);
    expect(() => parseSlideRange('5-3', 10)).toThrow(/"5-3" is empty/);
    expect(() => parseSlideRange('0', 10)).toThrow(/"0" is empty/);
  });
});

describe('slideRangeProblem', () => {
  it('says what is wrong with a range without the command line\'s option name, for a field beside it', () => {
    expect(slideRangeProblem('2-9', 5)).toBe('"2-9" goes past the last slide (the deck has 5)');
    expect(slideRangeProblem('1,x', 5)).toBe('"x" is not a slide number or a range like 1-5');
    expect(slideRangeProblem('1-3', 5)).toBeNull();
  });
});

describe('selectSlides', () => {
  const deck = buildDeck({
    fallbackTitle: 'deck',
    segments: [{ file: 'a.md', source: '# One\n\n---\n\n# Two\n\n--\n\n# Two below\n\n---\n\n# Three\n' }],
  });

  it('keeps the chosen slides, renumbered as reveal.js will show them', () => {
    const selected = selectSlides(deck, [1, 2, 3]);
    expect(selected.slides.map((slide) => [slide.title, slide.h, slide.v])).toEqual([
      ['Two', 0, 0],
      ['Two below', 0, 1],
      ['Three', 1, 0],
    ]);
  });

  it('makes a vertical slide printed without the slide above it a slide of its own', () => {
    const selected = selectSlides(deck, [0, 2]);
    expect(selected.slides.map((slide) => [slide.title, slide.h, slide.v])).toEqual([
      ['One', 0, 0],
      ['Two below', 1, 0],
    ]);
  });

  it('keeps the agenda listing every segment, linking only those whose slides are kept, at their new numbers', () => {
    const withAgenda = buildDeck({
      fallbackTitle: 'deck',
      segments: [
        { file: '1-a.md', source: '---\ntitle: Intro\n---\n# Intro\n\n<!-- podium:agenda -->\n' },
        { file: '2-b.md', source: '---\ntitle: Middle\n---\n# Middle\n\n---\n\n# Middle 2\n' },
        { file: '3-c.md', source: '---\ntitle: End\n---\n# End\n' },
      ],
    });
    const html = selectSlides(withAgenda, [0, 3]).slides[0]?.html ?? '';
    expect(html).toContain('<li>Middle</li>');
    expect(html).toContain('<a href="#/1">End</a>');
  });
});
