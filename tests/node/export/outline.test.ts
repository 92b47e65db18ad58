import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { buildOutline } from '../../../src/node/export/outline';

const DECK = join(import.meta.dirname, '../../fixtures/decks/export-outline');

describe('buildOutline', () => {
  it('makes one entry per segment with its slides nested by title, each opening its page', async () => {
    const { deck } = await loadDeck(DECK);
    const onePagePerSlide = deck.slides.map((_, index) => [index]);
    expect(buildOutline(deck, onePagePerSlide)).toEqual([
      {
        title: 'Opening',
        page: 0,
        children: [
          { title: 'Welcome to the Stade de France', page: 0, children: [] },
          { title: 'Programme', page: 1, children: [] },
        ],
      },
      {
        title: 'Finale',
        page: 2,
        children: [
          { title: 'Handover', page: 2, children: [] },
          { title: 'Tom Cruise drops in', page: 3, children: [] },
          { title: 'Fireworks over Saint-Denis', page: 4, children: [] },
        ],
      },
    ]);
  });

  it('points each slide at its first page when it spans several (fragments, notes pages)', async () => {
    const { deck } = await loadDeck(DECK);
    const pages = [[0], [0], [1], [1], [1], [2], [3], [4]];
    const [opening, finale] = buildOutline(deck, pages);
    expect(opening?.children.map((entry) => entry.page)).toEqual([0, 2]);
    expect(finale?.children.map((entry) => entry.page)).toEqual([5, 6, 7]);
  });

  it('leaves out segments and slides that were not printed', async () => {
    const { deck } = await loadDeck(DECK);
    const outline = buildOutline(deck, [[3], [4]]);
    expect(outline).toEqual([
      {
        title: 'Finale',
        page: 0,
        children: [
          { title: 'Tom Cruise drops in', page: 0, children: [] },
          { title: 'Fireworks over Saint-Denis', page: 1, children: [] },
        ],
      },
    ]);
  });
});
