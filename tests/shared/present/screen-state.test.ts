import { describe, expect, it } from 'vitest';
import { parsePresenterState, samePresenterState } from '../../../src/shared/present/presenter-state';

describe('the audience screen in a presenter state', () => {
  it('reads black and white, and refuses any other screen', () => {
    expect(parsePresenterState({ h: 1, v: 0, f: -1, screen: 'black' })).toEqual({ h: 1, v: 0, f: -1, screen: 'black' });
    expect(parsePresenterState({ h: 1, v: 0, f: -1, screen: 'white' })).toEqual({ h: 1, v: 0, f: -1, screen: 'white' });
    expect(parsePresenterState({ h: 1, v: 0, f: -1 })).toEqual({ h: 1, v: 0, f: -1 });
    expect(parsePresenterState({ h: 1, v: 0, f: -1, screen: '<img onerror=alert(1)>' })).toBeNull();
  });

  it('tells a black screen from the same slide shown', () => {
    expect(samePresenterState({ h: 1, v: 0, f: -1, screen: 'black' }, { h: 1, v: 0, f: -1 })).toBe(false);
    expect(samePresenterState({ h: 1, v: 0, f: -1, screen: 'white' }, { h: 1, v: 0, f: -1, screen: 'white' })).toBe(true);
  });
});
