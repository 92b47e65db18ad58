import { describe, expect, it } from 'vitest';
import { renderSlideHtml } from '../../../src/shared/render/slide-html';

describe('renderSlideHtml', () => {
  it('renders GFM Markdown', () => {
    const html = renderSlideHtml('# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', { segmentFile: 'one.md' });
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<table>');
  });

  it('serves relative images from the deck, relative to the segment file', () => {
    expect(renderSlideHtml('![pic](img/a%20b.svg)', { segmentFile: 'parts/one.md' })).toContain('src="deck/parts/img/a%20b.svg"');
  });

  it('empties an image path that leaves the deck', () => {
    const html = renderSlideHtml('![x](../../etc/passwd)', { segmentFile: 'one.md' });
    expect(html).not.toContain('passwd');
  });

  it('leaves web links and anchors alone', () => {
    const html = renderSlideHtml('[site](https://example.com) [next](#/2)', { segmentFile: 'one.md' });
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="#/2"');
  });
});
