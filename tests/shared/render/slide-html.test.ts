import { describe, expect, it } from 'vitest';
import { loadMath, mayContainMath, renderSlideHtml } from '../../../src/shared/render/slide-html';

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

  it('resolves inline HTML images, links and videos against the segment file, as Markdown images', () => {
    const html = renderSlideHtml(
      '<img src="img/photo.jpg" width="300">\n\nText with <a href=\'notes/more.md\'>a link</a>.\n\n<video src="clip.mp4" poster="img/poster.png"></video>',
      { segmentFile: 'parts/one.md' },
    );
    expect(html).toContain('<img src="deck/parts/img/photo.jpg" width="300">');
    expect(html).toContain('<a href="deck/parts/notes/more.md">');
    expect(html).toContain('src="deck/parts/clip.mp4" poster="deck/parts/img/poster.png"');
  });

  it('empties inline HTML paths that leave the deck, and keeps web and data URLs', () => {
    const html = renderSlideHtml(
      '<img src="../../etc/passwd"> <img src="https://example.com/a.png"> <img src="data:image/png;base64,AAAA"> <a href="  JaVaScRiPt:x">',
      { segmentFile: 'one.md' },
    );
    expect(html).not.toContain('passwd');
    expect(html).toContain('src="https://example.com/a.png"');
    expect(html).toContain('src="data:image/png;base64,AAAA"');
    // Left as written for the sanitizer, not turned into a path of the deck.
    expect(html).toContain('href="  JaVaScRiPt:x"');
  });

  it('renders math once KaTeX is loaded, and tells which slides may need it', async () => {
    const slide = 'Energy: $E = mc^2$\n\n$$\n\\sum_{i=1}^{n} i\n$$';
    expect(mayContainMath(slide)).toBe(true);
    expect(mayContainMath('# No math here, 5 EUR')).toBe(false);
    await loadMath();
    const html = renderSlideHtml(slide, { segmentFile: 'one.md' });
    expect(html).toContain('class="katex"');
    expect(html).toContain('katex-display');
    // Loading twice adds nothing: the same math renders the same way.
    await loadMath();
    expect(renderSlideHtml(slide, { segmentFile: 'one.md' })).toBe(html);
  });
});
