import { copyFile, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/node/browser/find-browser';
import { checkDeck } from '../../../src/node/check/check-deck';
import { diskProblems, fileProblems } from '../../../src/node/check/file-problems';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { findMissingAssets } from '../../../src/node/export/missing-assets';
import { CEREMONY_DECK, FIXTURE_DECKS, REPO_ROOT } from '../../support/podium-cli';

const rendererDir = join(REPO_ROOT, 'out/renderer');
/** Runs `test` on a new empty folder, removed afterwards whatever the test does. */
async function inTempFolder(test: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'podium-check-'));
  try {
    await test(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const check = (deck: string, render = true) =>
  checkDeck({ deckPath: deck, rendererDir, browserPath: findBrowser(), render, timeoutMs: 60_000 });

describe('checkDeck', () => {
  describe('on a deck with every kind of problem', () => {
    it('names file and line for each, errors before the audience sees them', async () => {
      const { problems } = await check(join(FIXTURE_DECKS, 'check-problems'));
      expect(problems).toEqual([
        // The fixture has no deck.yaml: the folder is named (first, as the whole deck's), and the message says to add one.
        { code: 'no-lang', severity: 'warning', file: '.', line: 1, message: expect.stringContaining('no `lang`') },
        { code: 'missing-file', severity: 'error', file: '1-problems.md', line: 3, message: 'image "img/missing.svg" not found (img/missing.svg)' },
        { code: 'outside-deck', severity: 'error', file: '1-problems.md', line: 11, message: 'image "../../outside/secret.txt" points outside the deck folder' },
        { code: 'empty-slide', severity: 'warning', file: '1-problems.md', line: 15, message: 'empty slide' },
        {
          code: 'overflow',
          severity: 'error',
          file: '1-problems.md',
          line: 19,
          message: expect.stringMatching(/^slide content overflows the 1920×1080 slide \(1920×\d+ px\)/),
        },
        { code: 'no-notes', severity: 'warning', file: '1-problems.md', line: 49, message: 'slide has no speaker notes' },
      ]);
    });

    it('skips the layout check with render off', async () => {
      const { problems } = await check(join(FIXTURE_DECKS, 'check-problems'), false);
      expect(problems.some((problem) => problem.message.includes('overflows'))).toBe(false);
    });
  });

  describe('for the hall', () => {
    it('names each image without alt text, slide without heading, repeated heading and URL link text', async () => {
      const { problems } = await check(join(FIXTURE_DECKS, 'check-hall'), false);
      expect(problems.map(({ code, severity, file, line }) => ({ code, severity, file, line }))).toEqual([
        { code: 'no-lang', severity: 'warning', file: '.', line: 1 },
        { code: 'missing-alt', severity: 'error', file: '1-hall.md', line: 3 },
        { code: 'missing-alt', severity: 'error', file: '1-hall.md', line: 18 },
        { code: 'no-heading', severity: 'warning', file: '1-hall.md', line: 18 },
        { code: 'url-link-text', severity: 'warning', file: '1-hall.md', line: 26 },
        { code: 'duplicate-heading', severity: 'warning', file: '1-hall.md', line: 32 },
        { code: 'missing-alt', severity: 'error', file: '1-hall.md', line: 34 },
      ]);
      expect(problems[5]?.message).toContain('line 24');
    });

    it('warns of no lang only when deck.yaml gives none', async () => {
      await inTempFolder(async (dir) => {
        await writeFile(join(dir, 'deck.yaml'), 'title: T\nlang: fr\n');
        await writeFile(join(dir, '1.md'), '# Bonjour\n\nNote: n\n');
        expect((await check(dir, false)).problems).toEqual([]);
        await writeFile(join(dir, 'deck.yaml'), 'title: T\nlang: "français"\n');
        // An invalid lang is one error on its line, not also a deck "without" lang.
        expect((await check(dir, false)).problems).toEqual([
          expect.objectContaining({ code: 'bad-deck-settings', severity: 'error', file: 'deck.yaml', line: 2, message: expect.stringContaining('not a language tag') }),
        ]);
      });
    });

    it('names the file a missing lang goes in: deck.yaml, the folder that has none, or a one-file deck', async () => {
      const noLang = async (deck: string) => (await check(deck, false)).problems.filter((problem) => problem.code === 'no-lang');
      await inTempFolder(async (dir) => {
        await writeFile(join(dir, '1.md'), '# Hello\n\nNote: n\n');
        expect(await noLang(dir)).toEqual([
          expect.objectContaining({ severity: 'warning', file: '.', line: 1, message: expect.stringContaining('add a deck.yaml to the deck folder with `lang: en`') }),
        ]);
        await writeFile(join(dir, 'deck.yaml'), 'title: T\n');
        expect(await noLang(dir)).toEqual([expect.objectContaining({ file: 'deck.yaml', line: 1, message: expect.stringContaining('to deck.yaml') })]);
        expect(await noLang(join(dir, '1.md'))).toEqual([expect.objectContaining({ file: '1.md', line: 1, message: expect.stringContaining('to its front matter') })]);
        await writeFile(join(dir, 'talk.md'), '---\nlang: fr\n---\n\n# Bonjour\n\nNote: n\n');
        expect(await noLang(join(dir, 'talk.md'))).toEqual([]);
      });
    });

    it('measures contrast against what is behind the text: colour, gradient, background picture; and text size', async () => {
      const { problems } = await check(join(FIXTURE_DECKS, 'check-contrast'));
      expect(problems.map(({ code, severity, file, line }) => ({ code, severity, file, line }))).toEqual([
        { code: 'low-contrast', severity: 'error', file: '1-contrast.md', line: 11 },
        { code: 'low-contrast', severity: 'error', file: '1-contrast.md', line: 19 },
        { code: 'low-contrast', severity: 'error', file: '1-contrast.md', line: 27 },
        { code: 'small-text', severity: 'warning', file: '1-contrast.md', line: 35 },
      ]);
      // #aaaaaa on white is 2.32:1; a light picture under white text, barely above 1:1.
      expect(problems[0]?.message).toMatch(/contrast of 2\.3\d:1 .* 3:1/);
      expect(Number(/of ([\d.]+):1/.exec(problems[2]?.message ?? '')?.[1])).toBeLessThan(1.5);
      expect(problems[3]?.message).toContain('16.0 px high at 1080p, below the 24 px');
    }, 120_000);

    it('takes deck.yaml minFontSize as the smallest text, and names its line when it is not a size', async () => {
      await inTempFolder(async (dir) => {
        await writeFile(join(dir, '1.md'), '## Small\n\n<p style="font-size: 20px">Twenty pixels</p>\n\nNote: n\n');
        await writeFile(join(dir, 'deck.yaml'), 'lang: en\nminFontSize: 18\n');
        expect((await check(dir)).problems).toEqual([]);
        await writeFile(join(dir, 'deck.yaml'), 'lang: en\nminFontSize: 32\n');
        expect((await check(dir)).problems).toEqual([expect.objectContaining({ code: 'small-text', file: '1.md', line: 3 })]);
        await writeFile(join(dir, 'deck.yaml'), 'lang: en\nminFontSize: big\n');
        expect((await check(dir, false)).problems).toEqual([expect.objectContaining({ code: 'bad-deck-settings', file: 'deck.yaml', line: 2 })]);
      });
    }, 120_000);

    it('passes the ceremony deck with no error and no warning', async () => {
      expect((await check(CEREMONY_DECK)).problems).toEqual([]);
    }, 120_000);
  });

  it('reports broken front matter and deck.yaml problems from the loader', async () => {
    const { problems } = await check(join(FIXTURE_DECKS, 'broken-front-matter'), false);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file: '2-bad.md', line: 3 }));
  });

  it('reports a symlinked image that leads out of the deck', async () => {
    await inTempFolder(async (dir) => {
      await writeFile(join(dir, 'deck.yaml'), 'lang: en\n');
      await writeFile(join(dir, '1.md'), '# Linked\n\n![x](link.svg)\n\nNote: n\n');
      await symlink(join(FIXTURE_DECKS, 'outside/secret.txt'), join(dir, 'link.svg'));
      const { problems } = await check(dir, false);
      expect(problems).toEqual([
        { code: 'outside-deck', severity: 'error', file: '1.md', line: 3, message: 'image "link.svg": a link that leads outside the deck folder' },
      ]);
    });
  });

  it('reports a missing or outside file with the sentence export refuses it with', async () => {
    const deck = join(FIXTURE_DECKS, 'check-problems');
    const { problems } = await check(deck, false);
    const loaded = await loadDeck(deck);
    const refused = await findMissingAssets(loaded.root, loaded.deck);
    expect(refused.map((problem) => problem.message)).toEqual([
      'image "img/missing.svg" not found (img/missing.svg)',
      'image "../../outside/secret.txt" points outside the deck folder',
    ]);
    expect(problems.filter((problem) => problem.code === 'missing-file' || problem.code === 'outside-deck')).toEqual(refused);
  });

  it('reports an image that is there but no picture (a .png holding text), as inspect, serve and export do', async () => {
    await inTempFolder(async (dir) => {
      await writeFile(join(dir, 'deck.yaml'), 'lang: en\n');
      await copyFile(join(FIXTURE_DECKS, 'handout-images/images/red-flag.png'), join(dir, 'flag.png'));
      await writeFile(join(dir, 'photo.png'), 'not a picture at all, only text saved with the wrong name\n');
      await writeFile(join(dir, 'stage.jpg'), '');
      await writeFile(join(dir, 'rings.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      await writeFile(join(dir, 'torch.svg'), '<html><body>saved from a web page</body></html>');
      // A video is not a picture: its bytes are the player's business, not checked here.
      await writeFile(join(dir, 'clip.mp4'), 'text');
      await writeFile(
        join(dir, '1.md'),
        [
          '# Pictures',
          '',
          '![A red flag](flag.png)',
          '![The stadium](photo.png)',
          '<img src="rings.svg" alt="Rings">',
          '',
          'Note: n',
          '',
          '---',
          '<!-- .slide: data-background-image="stage.jpg" data-background-video="clip.mp4" -->',
          '# Stage',
          '',
          '<img src="torch.svg" alt="The torch">',
          '',
          'Note: n',
          '',
        ].join('\n'),
      );
      const { problems } = await check(dir, false);
      expect(problems).toEqual([
        { code: 'bad-image', severity: 'error', file: '1.md', line: 4, message: 'image "photo.png" cannot be shown: it is not a PNG, JPEG, GIF, WebP, AVIF, BMP or ICO image, or a broken one (photo.png)' },
        { code: 'bad-image', severity: 'error', file: '1.md', line: 10, message: 'background "stage.jpg" cannot be shown: the file is empty (stage.jpg)' },
        { code: 'bad-image', severity: 'error', file: '1.md', line: 13, message: 'image "torch.svg" cannot be shown: it holds no <svg> element (torch.svg)' },
      ]);
      const loaded = await loadDeck(dir);
      expect(await fileProblems(loaded.root, loaded.deck)).toEqual(problems);
      expect(await diskProblems(loaded.root, loaded.deck)).toEqual(problems);
      expect(await findMissingAssets(loaded.root, loaded.deck)).toEqual(problems);
      // Fixed on disk, it is no longer reported (the verdict is not kept past a change).
      await copyFile(join(FIXTURE_DECKS, 'handout-images/images/red-flag.png'), join(dir, 'photo.png'));
      expect((await check(dir, false)).problems.map((problem) => problem.line)).toEqual([10, 13]);
    });
  });

  it('reports deck.yaml\'s stylesheet when the deck does not have it, at its line', async () => {
    await inTempFolder(async (dir) => {
      await writeFile(join(dir, 'deck.yaml'), 'css: style/stage.css\nlang: en\n');
      await writeFile(join(dir, '1.md'), '# Styled\n\nNote: n\n');
      const { problems } = await check(dir, false);
      expect(problems).toEqual([
        { code: 'missing-file', severity: 'error', file: 'deck.yaml', line: 1, message: 'css "style/stage.css" not found (style/stage.css)' },
      ]);
    });
  });

  it('passes the ceremony deck', async () => {
    const { problems } = await check(CEREMONY_DECK);
    expect(problems).toEqual([]);
  });
});
