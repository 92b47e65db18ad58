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
});
