import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/node/browser/find-browser';
import { checkDeck } from '../../../src/node/check/check-deck';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { findMissingAssets } from '../../../src/node/export/missing-assets';
import { CEREMONY_DECK, FIXTURE_DECKS, REPO_ROOT } from '../../support/podium-cli';

const rendererDir = join(REPO_ROOT, 'out/renderer');
const check = (deck: string, render = true) =>
  checkDeck({ deckPath: deck, rendererDir, browserPath: findBrowser(), render, timeoutMs: 60_000 });

describe('checkDeck', () => {
  describe('on a deck with every kind of problem', () => {
    it('names file and line for each, errors before the audience sees them', async () => {
      const { problems } = await check(join(FIXTURE_DECKS, 'check-problems'));
      expect(problems).toEqual([
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

  it('reports broken front matter and deck.yaml problems from the loader', async () => {
    const { problems } = await check(join(FIXTURE_DECKS, 'broken-front-matter'), false);
    expect(problems[1]).toMatchObject({ severity: 'error', file: '2-bad.md', line: 3 });
  });

  it('reports a symlinked image that leads out of the deck', async () => {
    const { mkdtemp, writeFile, symlink, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'podium-check-'));
    try {
      await writeFile(join(dir, '1.md'), '# Linked\n\n![x](link.svg)\n\nNote: n\n');
      await symlink(join(FIXTURE_DECKS, 'outside/secret.txt'), join(dir, 'link.svg'));
      const { problems } = await check(dir, false);
      expect(problems).toEqual([
        { code: 'outside-deck', severity: 'error', file: '1.md', line: 3, message: 'image "link.svg": a link that leads outside the deck folder' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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

  it('reports deck.yaml\'s stylesheet when the deck does not have it, at its line', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'podium-check-'));
    try {
      await writeFile(join(dir, 'deck.yaml'), 'css: style/stage.css\n');
      await writeFile(join(dir, '1.md'), '# Styled\n\nNote: n\n');
      const { problems } = await check(dir, false);
      expect(problems).toEqual([
        { code: 'missing-file', severity: 'error', file: 'deck.yaml', line: 1, message: 'css "style/stage.css" not found (style/stage.css)' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('passes the ceremony deck', async () => {
    const { problems } = await check(CEREMONY_DECK);
    expect(problems).toEqual([]);
  });
});
