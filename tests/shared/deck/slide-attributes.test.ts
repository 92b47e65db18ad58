import { describe, expect, it } from 'vitest';
import { readSlideAttributes } from '../../../src/shared/deck/slide-attributes';

describe('readSlideAttributes', () => {
  describe('when a `data-*` attribute has no value', () => {
    it('reads it as reveal.js does, present and empty, beside the quoted ones', () => {
      const markdown = '<!-- .slide: data-background-video="clip.webm" data-background-video-loop data-background-video-muted -->\n# Clip';
      expect(readSlideAttributes(markdown)).toEqual({
        'data-background-video': 'clip.webm',
        'data-background-video-loop': '',
        'data-background-video-muted': '',
      });
    });

    it('does not read one inside a quoted value', () => {
      expect(readSlideAttributes('<!-- .slide: class="data-x wide" data-state="intro" -->')).toEqual({ class: 'data-x wide', 'data-state': 'intro' });
    });
  });

  describe('when a `.slide` comment is shown as code', () => {
    it('reads only the real comments, as reveal.js does: not one in a fence, an indented block or a code span', () => {
      const markdown = [
        '<!-- .slide: data-background-color="#002" -->',
        '# Backgrounds <!-- .slide: class="wide" -->',
        '',
        'Write `<!-- .slide: data-background-color="red" -->` above a slide:',
        '',
        '```html',
        '<!-- .slide: data-background-image="in-a-fence.jpg" -->',
        '```',
        '',
        '    <!-- .slide: data-state="indented" -->',
        '',
        '<!-- .slide: data-transition="fade" -->',
      ].join('\n');
      expect(readSlideAttributes(markdown)).toEqual({ 'data-background-color': '#002', class: 'wide', 'data-transition': 'fade' });
    });
  });
});
