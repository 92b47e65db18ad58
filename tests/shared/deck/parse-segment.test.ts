import { describe, expect, it } from 'vitest';
import { parseSegment } from '../../../src/shared/deck/parse-segment';
import { safeSlideAttributes } from '../../../src/shared/deck/slide-attributes';

describe('parseSegment', () => {
  describe('when the file has front matter', () => {
    const source = '---\ntitle: Opening\nperformers: [Zaho de Sagazan, choir]\nduration: 3\n---\n\n# Under the Paris sky\n';

    it('keeps every field as metadata and uses `title` as the segment title', () => {
      const parsed = parseSegment(source, '01-open.md');
      expect(parsed.meta).toEqual({ title: 'Opening', performers: ['Zaho de Sagazan', 'choir'], duration: 3 });
      expect(parsed.title).toBe('Opening');
    });

    it('does not take the front matter fences for slide separators', () => {
      const parsed = parseSegment(source, '01-open.md');
      expect(parsed.slides).toHaveLength(1);
      expect(parsed.slides[0]).toMatchObject({ title: 'Under the Paris sky', line: 7 });
    });
  });

  describe('when the file opens with `---` and a heading rather than YAML', () => {
    it('reads the heading as a slide, as reveal.js does, instead of swallowing it as comments', () => {
      const parsed = parseSegment('---\n## Intro\n\n---\n\n## B\n', 'intro.md');
      expect(parsed.problems).toEqual([]);
      expect(parsed.meta).toEqual({});
      expect(parsed.slides.map((slide) => [slide.title, slide.line])).toEqual([
        ['Intro', 2],
        ['B', 6],
      ]);
    });

    it('still reads an empty block as empty front matter', () => {
      const parsed = parseSegment('---\n---\n# Only\n', 'empty.md');
      expect(parsed.slides.map((slide) => slide.title)).toEqual(['Only']);
    });
  });

  describe('when a comment looks like an attribute comment reveal.js does not read', () => {
    it('warns with its file and line instead of ignoring it, and keeps the slide', () => {
      const parsed = parseSegment('## Steps\n\n- one <!-- .elemnt: class="fragment" -->\n\n```\n<!-- .code: in a fence -->\n```\n', 'typo.md');
      expect(parsed.problems).toEqual([expect.objectContaining({ severity: 'warning', file: 'typo.md', line: 3, message: expect.stringContaining('.elemnt') })]);
      expect(parsed.slides[0]?.fragments).toBe(0);
    });
  });

  describe('when a slide asks for a frame, which the CSP forbids', () => {
    it('warns at the line of each `data-background-iframe` and `<iframe>`, but not of one in code, and keeps the slides', () => {
      const source = [
        '<!-- .slide: data-background-iframe="https://example.com" -->',
        '# Web page',
        '',
        '---',
        '',
        'Embedded:',
        '<iframe src="https://example.com/embed"></iframe>',
        'Write `<iframe>` or `data-background-iframe` to embed one.',
        '',
        '```html',
        '<iframe src="in-a-fence.html"></iframe>',
        '```',
      ].join('\n');
      const parsed = parseSegment(source, 'web.md');
      expect(parsed.slides).toHaveLength(2);
      expect(parsed.problems).toEqual([
        { code: 'refused-frame', severity: 'warning', file: 'web.md', line: 1, message: expect.stringMatching(/^`data-background-iframe` is not shown: .*Content-Security-Policy/) },
        { code: 'refused-frame', severity: 'warning', file: 'web.md', line: 7, message: expect.stringMatching(/^`<iframe>` is not shown/) },
      ]);
    });
  });

  describe('when a slide takes a picture, a video or a background from the web, which the pages never load', () => {
    it('warns at the line of each, but not of one in code, a link, or a frame (whose own warning says it), and keeps the slides', () => {
      const source = [
        '<!-- .slide: data-background-video="https://example.com/clip.mp4" data-background-video-loop -->',
        '# Clip',
        '',
        '---',
        "<!-- .slide: data-background-image='http://example.com/stage.jpg' -->",
        '# Stage',
        '',
        '![The logo](https://example.com/logo.png) and [the site](https://example.com/)',
        '<video src="https://example.com/talk.mp4" poster="https://example.com/talk.jpg"></video>',
        '<iframe src="https://example.com/embed"></iframe>',
        '',
        '---',
        '<!-- .slide: data-background-video="media/clip.mp4" -->',
        '# Local',
        '',
        '![A local logo](logo.png)',
        '',
        '---',
        '# How not to',
        '',
        'Write `![logo](https://example.com/logo.png)` to get this warning.',
        '',
        '```html',
        '<!-- .slide: data-background-video="https://example.com/in-a-fence.mp4" -->',
        '```',
      ].join('\n');
      const parsed = parseSegment(source, 'web.md');
      expect(parsed.slides).toHaveLength(4);
      const network = parsed.problems.filter((problem) => problem.code === 'network-media');
      expect(network).toEqual([
        {
          code: 'network-media',
          severity: 'warning',
          file: 'web.md',
          line: 1,
          message: expect.stringMatching(/^`data-background-video` "https:\/\/example\.com\/clip\.mp4" is not played: .*network .*Content-Security-Policy.*deck folder/),
        },
        { code: 'network-media', severity: 'warning', file: 'web.md', line: 5, message: expect.stringMatching(/^`data-background-image` "http:\/\/example\.com\/stage\.jpg" is not shown/) },
        { code: 'network-media', severity: 'warning', file: 'web.md', line: 8, message: expect.stringMatching(/^image "https:\/\/example\.com\/logo\.png" is not shown/) },
        { code: 'network-media', severity: 'warning', file: 'web.md', line: 9, message: expect.stringMatching(/^`src` "https:\/\/example\.com\/talk\.mp4" is not loaded/) },
        { code: 'network-media', severity: 'warning', file: 'web.md', line: 9, message: expect.stringMatching(/^`poster` "https:\/\/example\.com\/talk\.jpg" is not shown/) },
      ]);
      expect(parsed.problems.filter((problem) => problem.code === 'refused-frame').map((problem) => problem.line)).toEqual([10]);
      // As it warns, the page drops the background: nothing on the slide asks the network for it.
      expect(safeSlideAttributes(parsed.slides[0]?.attributes ?? {}, 'web.md')['data-background-video']).toBe('');
      expect(safeSlideAttributes(parsed.slides[2]?.attributes ?? {}, 'web.md')['data-background-video']).not.toBe('');
    });
  });

  describe('when the front matter is not valid YAML', () => {
    it('reports an error naming the file and the line of the mistake', () => {
      const parsed = parseSegment('---\ntitle: ok\nsongs: [unclosed\nduration: 3\n---\n# Slide\n', 'bad.md');
      expect(parsed.slides).toEqual([]);
      expect(parsed.problems).toHaveLength(1);
      expect(parsed.problems[0]).toMatchObject({ severity: 'error', file: 'bad.md' });
      expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(3);
      expect(parsed.problems[0]?.line).toBeLessThanOrEqual(5);
      expect(parsed.problems[0]?.message).toMatch(/invalid front matter/);
    });

    it('reports front matter that is never closed', () => {
      const parsed = parseSegment('---\ntitle: open\n# Slide\n', 'open.md');
      expect(parsed.problems[0]).toMatchObject({ severity: 'error', line: 1 });
    });

    it('reads a list between the first two `---` as a slide, and warns that it is not front matter', () => {
      const parsed = parseSegment('---\n- a\n- b\n---\n# Slide\n', 'list.md');
      expect(parsed.problems).toEqual([expect.objectContaining({ severity: 'warning', file: 'list.md', line: 2, message: expect.stringMatching(/key: value/) })]);
      expect(parsed.slides.map((slide) => slide.title)).toEqual([null, 'Slide']);
    });
  });

  describe('when slides are separated', () => {
    it('splits on `---` lines and numbers each slide by its first non-blank line', () => {
      const parsed = parseSegment('# One\n\n---\n\n\n# Two\ntext\n---\n## Three\n', 'a.md');
      expect(parsed.slides.map((slide) => [slide.title, slide.line])).toEqual([
        ['One', 1],
        ['Two', 6],
        ['Three', 9],
      ]);
    });

    it('treats `---` and `--` inside a code fence as text', () => {
      const source = '# Code\n\n```yaml\n---\na: 1\n--\n```\n\n~~~~\n---\n~~~~\n';
      const parsed = parseSegment(source, 'code.md');
      expect(parsed.slides).toHaveLength(1);
      expect(parsed.slides[0]?.markdown).toContain('a: 1');
    });

    it('marks slides after `--` as vertical', () => {
      const parsed = parseSegment('# Top\n--\n# Below\n---\n# Next\n', 'v.md');
      expect(parsed.slides.map((slide) => slide.vertical)).toEqual([false, true, false]);
    });

    it('reads CRLF files the same as LF files', () => {
      const lf = parseSegment('---\ntitle: T\n---\n# One\n---\n# Two\n', 'lf.md');
      const crlf = parseSegment('---\r\ntitle: T\r\n---\r\n# One\r\n---\r\n# Two\r\n', 'crlf.md');
      expect(crlf.slides.map((slide) => [slide.title, slide.line])).toEqual(
        lf.slides.map((slide) => [slide.title, slide.line]),
      );
      expect(crlf.meta).toEqual({ title: 'T' });
    });

    it('warns about an empty slide between two separators and drops it', () => {
      const parsed = parseSegment('# One\n---\n\n---\n# Two\n', 'e.md');
      expect(parsed.slides).toHaveLength(2);
      expect(parsed.problems).toEqual([{ code: 'empty-slide', severity: 'warning', file: 'e.md', line: 2, message: 'empty slide' }]);
    });
  });

  describe('when a slide has notes', () => {
    it('takes everything from `Note:` to the end of the slide as notes, not content', () => {
      const parsed = parseSegment('# Title\nbody\n\nNote: first line\nsecond line\n---\n# Next\nnotes: lower case\n', 'n.md');
      expect(parsed.slides[0]?.notes).toBe('first line\nsecond line');
      expect(parsed.slides[0]?.markdown).toBe('# Title\nbody');
      expect(parsed.slides[1]?.notes).toBe('lower case');
    });
  });

  describe('titles', () => {
    it('uses the first heading, ATX or setext, without inline Markdown', () => {
      expect(parseSegment('intro\n\n## The **golden** [voyager](x.md) ##\n', 't.md').slides[0]?.title).toBe(
        'The golden voyager',
      );
      expect(parseSegment('Closing words\n===\n', 's.md').slides[0]?.title).toBe('Closing words');
    });

    it('has no title when the slide has no heading, and ignores headings in code', () => {
      expect(parseSegment('just text\n```\n# not a heading\n```\n', 'x.md').slides[0]?.title).toBeNull();
    });

    it('falls back to the first slide title when the front matter has none', () => {
      expect(parseSegment('# Fireworks\n', 'f.md').title).toBe('Fireworks');
    });
  });
});

describe('withSegmentSource', () => {
  it('re-parses one segment and renumbers the deck as buildDeck would', async () => {
    const { buildDeck, withSegmentSource } = await import('../../../src/shared/deck/build-deck');
    const sources = [
      { file: 'a.md', source: '# A1\n---\n# A2\n' },
      { file: 'b.md', source: '---\ntitle: [broken\n---\n# B\n' },
      { file: 'c.md', source: '# C1\n--\n# C2\n' },
    ];
    const deck = buildDeck({ fallbackTitle: 'd', segments: sources });
    const edited = withSegmentSource(deck, 0, '# A1\n---\n# A2\n---\n# A3 added\n');
    const rebuilt = buildDeck({
      fallbackTitle: 'd',
      segments: [{ file: 'a.md', source: '# A1\n---\n# A2\n---\n# A3 added\n' }, sources[1]!, sources[2]!],
    });
    expect(edited.slides).toEqual(rebuilt.slides);
    expect(edited.problems).toHaveLength(1);
    expect(edited.segments).toEqual(rebuilt.segments);
  });
});

describe('front matter that YAML can parse but not resolve', () => {
  it('is a problem naming the file, not a thrown error: an alias to no anchor', () => {
    for (const source of ['---\ntitle: *missing\n---\n\n# Hi\n', '---\r\n*!\r\n---']) {
      const parsed = parseSegment(source, 'alias.md');
      expect(parsed.problems).toEqual([expect.objectContaining({ code: 'bad-front-matter', file: 'alias.md', line: 2, message: expect.stringContaining('alias') })]);
    }
  });

  it('names the line of the alias itself, not the first line of the block', () => {
    const source = '---\r\nbase: &base 1\r\nother: *base\r\nlang: *nowhere\r\n---\r\n\r\n# Hi\r\n';
    const parsed = parseSegment(source, 'alias.md');
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'bad-front-matter', file: 'alias.md', line: 4, message: expect.stringContaining('nowhere') })]);
  });
});
