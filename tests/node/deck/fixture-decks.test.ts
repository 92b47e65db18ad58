import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { toInspectModel } from '../../../src/shared/deck/inspect-model';

const decks = join(import.meta.dirname, '../../fixtures/decks');
const cases = readdirSync(decks).filter((name) => existsSync(join(decks, name, 'expected.json')));

// Each fixture deck carries the model `podium inspect --json` must print for it. After a deliberate
// change to the model, PODIUM_UPDATE_FIXTURES=1 rewrites them; review the diff before committing.
describe('fixture decks', () => {
  it('has a corpus to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('%s loads into its expected model', async (name) => {
    const expectedPath = join(decks, name, 'expected.json');
    const { deck } = await loadDeck(join(decks, name));
    const actual = toInspectModel(deck);
    if (process.env.PODIUM_UPDATE_FIXTURES === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});
