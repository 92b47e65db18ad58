import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { findMissingAssets } from '../../../src/node/export/missing-assets';

const FIXTURES = join(import.meta.dirname, '../../fixtures/decks');

describe('findMissingAssets', () => {
  it('names the segment file and line of an image the deck does not have', async () => {
    const loaded = await loadDeck(join(FIXTURES, 'export-missing-image'));
    expect(await findMissingAssets(loaded.root, loaded.deck)).toEqual([
      {
        code: 'missing-file',
        severity: 'error',
        file: '1-pictures.md',
        line: 9,
        message: 'image "images/parade.jpg" not found (images/parade.jpg)',
      },
    ]);
  });

  it('finds nothing to complain about when every image is there', async () => {
    const loaded = await loadDeck(join(FIXTURES, 'export-outline'));
    expect(await findMissingAssets(loaded.root, loaded.deck)).toEqual([]);
  });

  it('also checks images in inline HTML and slide backgrounds, and refuses paths out of the deck', async () => {
    const root = await mkdtemp(join(tmpdir(), 'podium-missing-'));
    try {
      await mkdir(join(root, 'art'));
      await writeFile(join(root, 'art/rings.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      await writeFile(
        join(root, '1-art.md'),
        [
          '# Rings',
          '',
          '<img src="art/rings.svg" alt="found">',
          '<img src="art/torch.png" alt="missing">',
          '',
          '---',
          '<!-- .slide: data-background-image="art/night.jpg" -->',
          '',
          '# Night',
          '',
          '![Secret](../secret.png)',
          '',
        ].join('\n'),
      );
      const loaded = await loadDeck(root);
      const problems = await findMissingAssets(loaded.root, loaded.deck);
      expect(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual([
        '1-art.md:4: image "art/torch.png" not found (art/torch.png)',
        '1-art.md:7: background "art/night.jpg" not found (art/night.jpg)',
        '1-art.md:11: image "../secret.png" points outside the deck folder',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
