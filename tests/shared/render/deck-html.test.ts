import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { selectSlides } from '../../../src/shared/export/slide-range';
import { withSlideHtml } from '../../../src/shared/render/deck-html';
import { buildAgenda } from '../../../src/shared/render/agenda';
import { renderSlideHtml } from '../../../src/shared/render/slide-html';

describe('withSlideHtml', () => {
  const deck = buildDeck({
    fallbackTitle: 'deck',
    segments: [
      { file: 'intro.md', source: '---\ntitle: Welcome\n---\n\n# Welcome\n\n<!-- podium:agenda -->\n' },
      { file: 'parts/maths.md', source: '---\ntitle: Maths\n---\n\n# Sums\n\n$$\n\\sum_{k=1}^{n} k\n$$\n\n![plot](img/plot.svg)\n' },
      { file: 'broken.md', source: '---\ntitle: [never closed\n---\n\n# Broken\n' },
    ],
  });

  it('renders each slide as the page would, math included, and leaves error slides alone', async () => {
    const rendered = await withSlideHtml(deck);
    const [agenda, maths, broken] = rendered.slides;
    expect(agenda?.html).toBe(renderSlideHtml(deck.slides[0]?.markdown ?? '', { segmentFile: 'intro.md', agenda: buildAgenda(deck, 0) }));
    expect(agenda?.html).toContain('href="#/1"');
    expect(maths?.html).toContain('katex-display');
    expect(maths?.html).toContain('src="deck/parts/img/plot.svg"');
    expect(broken?.error).not.toBeNull();
    expect(broken).not.toHaveProperty('html');
    // The model itself is not changed.
    expect(deck.slides[0]).not.toHaveProperty('html');
  });

  it('is kept on slides renumbered for a range: it does not depend on slide numbers (an agenda is redone in selectSlides)', async () => {
    const rendered = await withSlideHtml(deck);
    const selected = selectSlides(rendered, [0, 1]);
    expect(selected.slides.map((slide) => slide.title)).toEqual(['Welcome', 'Sums']);
    for (const [index, slide] of selected.slides.entries()) expect(slide.html).toBe(rendered.slides[index]?.html);
  });
});
