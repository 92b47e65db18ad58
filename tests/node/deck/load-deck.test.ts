import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { PodiumError } from '../../../src/shared/errors';

const decks = join(import.meta.dirname, '../../fixtures/decks');

describe('loadDeck', () => {
  describe('a folder of segment files', () => {
    it('orders segments naturally: 2-intro.md before 10-end.md', async () => {
      const { deck } = await loadDeck(join(decks, 'basic'));
      expect(deck.segments.map((segment) => segment.file)).toEqual(['2-intro.md', '10-end.md']);
    });

    it('numbers slides as reveal.js does, with vertical slides under their horizontal one', async () => {
      const { deck } = await loadDeck(join(decks, 'basic'));
      expect(deck.slides.map(({ h, v, segment, line, title }) => ({ h, v, segment, line, title }))).toEqual([
        { h: 0, v: 0, segment: 0, line: 7, title: 'Welcome to the deck' },
        { h: 1, v: 0, segment: 0, line: 16, title: 'Code keeps its separators' },
        { h: 1, v: 1, segment: 0, line: 26, title: 'A vertical slide' },
        { h: 2, v: 0, segment: 1, line: 1, title: 'The end' },
        { h: 3, v: 0, segment: 1, line: 7, title: 'Closing words' },
      ]);
      expect(deck.slides[0]?.notes).toBe('Greet the audience.\nThen pause.');
      expect(deck.segments[0]?.meta).toEqual({ title: 'Introduction', performers: ['Zaho de Sagazan'], duration: 2 });
      expect(deck.title).toBe('Introduction');
      expect(deck.problems).toEqual([]);
    });
  });

  describe('a folder with deck.yaml', () => {
    it('takes the segment order, title and size from deck.yaml and leaves unlisted files out', async () => {
      const { deck } = await loadDeck(join(decks, 'ordered'));
      expect(deck.segments.map((segment) => segment.file)).toEqual(['b.md', 'a.md']);
      expect(deck.title).toBe('Ordered by deck.yaml');
      expect(deck.settings).toMatchObject({ author: 'Podium', width: 1024, height: 768 });
    });
  });

  describe('a single .md file', () => {
    it('is a deck of one segment served from its folder', async () => {
      const { root, deck } = await loadDeck(join(decks, 'single-file/talk.md'));
      expect(root).toBe(join(decks, 'single-file'));
      expect(deck.title).toBe('A single-file talk');
      expect(deck.slides.map((slide) => slide.title)).toEqual(['One', 'Two']);
    });
  });

  describe('when a segment has broken front matter', () => {
    it('reports file and line, and puts one error slide in place of that segment', async () => {
      const { deck } = await loadDeck(join(decks, 'broken-front-matter'));
      expect(deck.problems).toHaveLength(1);
      expect(deck.problems[0]).toMatchObject({ severity: 'error', file: '2-bad.md' });
      expect(deck.problems[0]?.line).toBeGreaterThanOrEqual(3);
      expect(deck.slides.map((slide) => slide.title ?? slide.error?.file)).toEqual([
        'First good slide',
        '2-bad.md',
        'Last good slide',
      ]);
    });
  });

  describe('bad input', () => {
    let dir = '';
    afterEach(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('throws a usage error naming a path that does not exist', async () => {
      await expect(loadDeck('/no/such/deck')).rejects.toThrow(new PodiumError('usage', 'deck not found: /no/such/deck'));
    });

    it('throws a usage error for a file that is not Markdown', async () => {
      await expect(loadDeck(join(decks, 'outside/secret.txt'))).rejects.toMatchObject({ kind: 'usage' });
    });

    it('reports a binary segment and an empty folder as errors, without throwing', async () => {
      dir = await mkdtemp(join(tmpdir(), 'podium-deck-'));
      await writeFile(join(dir, '1.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
      const { deck } = await loadDeck(dir);
      expect(deck.problems).toEqual([{ code: 'unreadable-segment', severity: 'error', file: '1.md', line: 1, message: 'segment is not a text file' }]);
      await rm(join(dir, '1.md'));
      const empty = await loadDeck(dir);
      expect(empty.deck.problems[0]?.message).toMatch(/no slides/);
    });

    it('follows a symlinked segment inside the deck, and names one that leads out as an error', async () => {
      dir = await mkdtemp(join(tmpdir(), 'podium-deck-'));
      await writeFile(join(dir, '1-real.md'), '# Real\n');
      await writeFile(join(tmpdir(), 'podium-outside-segment.md'), '# Secret from outside\n');
      await symlink(join(dir, '1-real.md'), join(dir, '2-alias.md'));
      await symlink(join(tmpdir(), 'podium-outside-segment.md'), join(dir, '3-out.md'));
      const { deck } = await loadDeck(dir);
      expect(deck.slides.map((slide) => slide.title ?? slide.error?.file)).toEqual(['Real', 'Real', '3-out.md']);
      expect(deck.problems).toEqual([
        { code: 'outside-deck', severity: 'error', file: '3-out.md', line: 1, message: 'segment is a link to a file outside the deck folder' },
      ]);
      expect(JSON.stringify(deck)).not.toContain('Secret from outside');
    });

    it('reports a deck.yaml segment that does not exist', async () => {
      dir = await mkdtemp(join(tmpdir(), 'podium-deck-'));
      await writeFile(join(dir, 'deck.yaml'), 'segments:\n  - missing.md\n');
      const { deck } = await loadDeck(dir);
      expect(deck.problems[0]).toMatchObject({ file: 'missing.md', severity: 'error' });
      expect(deck.problems[0]?.message).toMatch(/cannot read segment: ENOENT/);
    });

    it('reports invalid deck.yaml with its line', async () => {
      dir = await mkdtemp(join(tmpdir(), 'podium-deck-'));
      await writeFile(join(dir, 'deck.yaml'), 'title: ok\nsize: huge\n');
      await writeFile(join(dir, 'a.md'), '# A\n');
      const { deck } = await loadDeck(dir);
      expect(deck.problems).toEqual([
        { code: 'unknown-size', severity: 'error', file: 'deck.yaml', line: 2, message: 'unknown size "huge": use 16:9, 4:3 or WIDTHxHEIGHT' },
      ]);
    });

    it('takes the language from deck.yaml, English when it names none, and refuses one that is not a language tag', async () => {
      dir = await mkdtemp(join(tmpdir(), 'podium-deck-'));
      await writeFile(join(dir, 'a.md'), '# A\n');
      expect((await loadDeck(dir)).deck.settings.lang).toBe('en');
      await writeFile(join(dir, 'deck.yaml'), 'lang: pt-BR\n');
      expect((await loadDeck(dir)).deck.settings.lang).toBe('pt-BR');
      await writeFile(join(dir, 'deck.yaml'), 'title: ok\nlang: Portuguese (Brazil)\n');
      const { deck } = await loadDeck(dir);
      expect(deck.settings.lang).toBe('en');
      expect(deck.problems).toEqual([
        {
          code: 'bad-deck-settings',
          severity: 'error',
          file: 'deck.yaml',
          line: 2,
          message: 'lang "Portuguese (Brazil)" is not a language tag: write one such as en, fr or pt-BR',
        },
      ]);
    });

    it("takes the talk's length in minutes from deck.yaml's duration, and refuses one that is not a length, naming its line", async () => {
      dir = await mkdtemp(join(tmpdir(), 'podium-deck-'));
      await writeFile(join(dir, 'a.md'), '# A\n');
      expect((await loadDeck(dir)).deck.settings.duration).toBeUndefined();
      await writeFile(join(dir, 'deck.yaml'), 'duration: 45\n');
      expect((await loadDeck(dir)).deck.settings.duration).toBe(45);
      await writeFile(join(dir, 'deck.yaml'), 'duration: "12.5"\n');
      expect((await loadDeck(dir)).deck.settings.duration).toBe(12.5);
      for (const [value, shown] of [['0', ' "0"'], ['-5', ' "-5"'], ['forty', ' "forty"'], ['100000', ' "100000"'], ['[45]', '']]) {
        await writeFile(join(dir, 'deck.yaml'), `title: ok\nduration: ${value}\n`);
        const { deck } = await loadDeck(dir);
        expect(deck.settings.duration).toBeUndefined();
        expect(deck.problems).toEqual([
          {
            code: 'bad-deck-settings',
            severity: 'error',
            file: 'deck.yaml',
            line: 2,
            message: `duration${shown} is not a talk length: write the minutes, a number above 0 and at most 1440 (such as 45)`,
          },
        ]);
      }
    });
  });
});

describe('loadDeck on huge input', () => {
  it('refuses a 20 MB segment with a clear error naming it, and loads the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podium-huge-'));
    try {
      await writeFile(join(dir, '1-huge.md'), `# Huge\n\n${'x'.repeat(20 * 1024 * 1024)}\n`);
      await writeFile(join(dir, '2-fine.md'), '# Fine\n');
      const { deck } = await loadDeck(dir);
      expect(deck.problems).toEqual([
        { code: 'unreadable-segment', severity: 'error', file: '1-huge.md', line: 1, message: 'segment is too large (20.0 MB; the limit is 10 MB)' },
      ]);
      expect(deck.slides.map((slide) => slide.title ?? slide.error?.file)).toEqual(['1-huge.md', 'Fine']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("loadDeck with a deck's own separators", () => {
  let root = '';
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function deckWith(settings: string, segment: string): Promise<string> {
    root = await mkdtemp(join(tmpdir(), 'podium-separators-'));
    await writeFile(join(root, 'deck.yaml'), settings);
    await writeFile(join(root, '01-talk.md'), segment);
    return root;
  }

  it('splits on them as reveal.js does', async () => {
    const { deck } = await loadDeck(await deckWith('separator: "^\\\\*\\\\*\\\\*$"\nnotesSeparator: "^Speaker:"\n', '# One\n\nspeaker: hi\n***\n# Two\n'));
    expect(deck.slides.map((slide) => [slide.title, slide.notes])).toEqual([
      ['One', 'hi'],
      ['Two', null],
    ]);
  });

  it('cannot be made to backtrack for ever: ^(a+)+$ against a long line loads at once', async () => {
    const line = `${'a'.repeat(50_000)}!`;
    const { deck } = await loadDeck(await deckWith('separator: "^(a+)+$"\nverticalSeparator: "^(a|aa)+$"\n', `# One\n\n${line}\n`));
    expect(deck.slides).toHaveLength(1);
    expect(deck.problems).toEqual([]);
  });

  it('refuses lookaround and backreferences, naming deck.yaml and the line', async () => {
    const { deck } = await loadDeck(await deckWith('title: T\nseparator: "^(?=---)---$"\n', '# One\n---\n# Two\n'));
    expect(deck.problems).toEqual([
      expect.objectContaining({
        file: 'deck.yaml',
        line: 2,
        severity: 'error',
        message: expect.stringContaining('`separator` is not a regular expression Podium can run'),
      }),
    ]);
    // The default separator still splits the deck.
    expect(deck.slides).toHaveLength(2);
  });

  it("reads a deck's own attribute comments, and refuses a pattern without a group for the attributes", async () => {
    const { deck } = await loadDeck(
      await deckWith(
        "elementAttributes: '{_\\s*?([^}]+?)}'\nslideAttributes: '@slide'\n",
        '<!-- @slide class="x" -->\n# One\n\n- a\n- b <!-- {_class="fragment"} -->\n',
      ),
    );
    expect(deck.problems).toEqual([
      expect.objectContaining({ code: 'bad-attribute-pattern', file: 'deck.yaml', line: 2, severity: 'error' }),
    ]);
    // The element pattern still applies; the slide's falls back to reveal.js's `.slide:`.
    expect(deck.slides[0]?.fragments).toBe(1);
    expect(deck.slides[0]?.attributes).toEqual({});
  });
});

describe('a single .md file with reveal-md front matter', () => {
  let root = '';
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('splits on the separators its front matter declares, and takes its theme', async () => {
    root = await mkdtemp(join(tmpdir(), 'podium-reveal-md-'));
    const file = join(root, 'talk.md');
    await writeFile(file, '---\ntitle: My talk\ntheme: night\nseparator: ===\nverticalSeparator: ----\n---\n# One\n\n===\n\n# Two\n\n----\n\n# Two below\n\n---\n\nstill two below\n');
    const { deck } = await loadDeck(file);
    expect(deck.problems).toEqual([]);
    expect(deck.settings.theme).toBe('night');
    expect(deck.slides.map((slide) => [slide.title, slide.v])).toEqual([
      ['One', 0],
      ['Two', 0],
      ['Two below', 1],
    ]);
  });

  it('names the file and its line for a bad separator there', async () => {
    root = await mkdtemp(join(tmpdir(), 'podium-reveal-md-'));
    const file = join(root, 'talk.md');
    await writeFile(file, '---\ntitle: T\nseparator: "(?=x)"\n---\n# One\n');
    const { deck } = await loadDeck(file);
    expect(deck.problems).toEqual([expect.objectContaining({ file: 'talk.md', line: 3, severity: 'error' })]);
  });
});

describe("deck.yaml's reveal.js options", () => {
  let root = '';
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function deckWithSettings(settings: string): Promise<Awaited<ReturnType<typeof loadDeck>>['deck']> {
    root = await mkdtemp(join(tmpdir(), 'podium-reveal-options-'));
    await writeFile(join(root, 'deck.yaml'), settings);
    await writeFile(join(root, '01-talk.md'), '# One\n');
    return (await loadDeck(root)).deck;
  }

  it('takes the ones reveal.js knows, at the top level and under revealOptions', async () => {
    const deck = await deckWithSettings('controls: false\nslideNumber: c\nloop: true\nrevealOptions:\n  transitionSpeed: fast\n  navigationMode: linear\n  transition: zoom\n');
    expect(deck.problems).toEqual([]);
    expect(deck.settings.reveal).toEqual({ controls: false, slideNumber: 'c', loop: true, transitionSpeed: 'fast', navigationMode: 'linear' });
    expect(deck.settings.transition).toBe('zoom');
  });

  it('names a misspelt or unknown key, and a value reveal.js does not accept, with file and line', async () => {
    const deck = await deckWithSettings('title: T\nslidenumber: true\nrevealOptions:\n  contrls: false\nprogress: maybe\nfavourite: blue\n');
    expect(deck.problems.map((problem) => [problem.file, problem.line, problem.severity, problem.message])).toEqual([
      ['deck.yaml', 4, 'warning', 'unknown reveal.js option `contrls`: did you mean `controls`?'],
      ['deck.yaml', 2, 'warning', 'unknown setting `slidenumber`: did you mean `slideNumber`?'],
      ['deck.yaml', 5, 'error', '`progress` takes true or false'],
      ['deck.yaml', 6, 'warning', 'unknown setting `favourite`'],
    ]);
  });
});
