import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { parseSegment } from '../../../src/shared/deck/parse-segment';

// Lines built from the pieces that steer the parser, so that random input reaches its corners:
// fences, separators, notes, front matter, headings, comments.
const steeringLine = fc.constantFrom(
  '---',
  '--',
  '...',
  '```',
  '~~~~',
  '```js [1-2|3]',
  'Note: a note',
  'notes:',
  '# Heading',
  'Title',
  '===',
  '<!-- .slide: data-background-color="#000" class="x" -->',
  '<!-- .element: class="fragment" -->',
  'title: [unclosed',
  'key: value',
  '',
  '   ',
  '\r',
);
const line = fc.oneof(steeringLine, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const source = fc.oneof(
  fc.array(line, { maxLength: 60 }).map((lines) => lines.join('\n')),
  fc.array(line, { maxLength: 60 }).map((lines) => lines.join('\r\n')),
  fc.string({ unit: 'binary', maxLength: 400 }),
);

describe('parseSegment on any input', () => {
  it('never throws, and every slide line points inside its file', () => {
    fc.assert(
      fc.property(source, (text) => {
        const parsed = parseSegment(text, 'any.md');
        const lineCount = text.split(/\r?\n/).length;
        for (const slide of parsed.slides) {
          expect(slide.line).toBeGreaterThanOrEqual(1);
          expect(slide.line).toBeLessThanOrEqual(lineCount);
        }
        for (const problem of parsed.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('numbers slides of any deck contiguously, as reveal.js will', () => {
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 5 }), (sources) => {
        const deck = buildDeck({
          fallbackTitle: 'deck',
          segments: sources.map((text, index) => ({ file: `${index}.md`, source: text })),
        });
        let expectedH = 0;
        deck.slides.forEach((slide, index) => {
          const previous = deck.slides[index - 1];
          if (slide.v === 0) {
            expect(slide.h).toBe(index === 0 ? 0 : expectedH);
            expectedH = slide.h + 1;
          } else {
            expect(slide.h).toBe(previous?.h);
            expect(slide.v).toBe((previous?.v ?? -1) + 1);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('parses a 20 MB segment in bounded time without failing', () => {
    const huge = '# Big\n\n' + 'word '.repeat(4_000_000);
    const parsed = parseSegment(huge, 'huge.md');
    expect(parsed.slides).toHaveLength(1);
  });
});
