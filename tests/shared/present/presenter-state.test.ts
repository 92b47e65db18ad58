import { describe, expect, it } from 'vitest';
import {
  parsePresenterState,
  presenterStateFromHash,
  presenterStateHash,
  presenterStateOf,
} from '../../../src/shared/present/presenter-state';

describe('parsePresenterState', () => {
  it('accepts slide and fragment indices', () => {
    expect(parsePresenterState({ h: 3, v: 1, f: -1 })).toEqual({ h: 3, v: 1, f: -1 });
  });

  it('keeps only the indices of what it was given', () => {
    expect(parsePresenterState({ h: 1, v: 0, f: 2, script: 'x' })).toEqual({ h: 1, v: 0, f: 2 });
  });

  it.each([
    ['not an object', 'h=1'],
    ['null', null],
    ['a missing index', { h: 1, v: 0 }],
    ['a fraction', { h: 1.5, v: 0, f: -1 }],
    ['a negative slide', { h: -1, v: 0, f: -1 }],
    ['a fragment below -1', { h: 0, v: 0, f: -2 }],
    ['a string', { h: '1', v: 0, f: -1 }],
    ['an absurdly large index', { h: 1e9, v: 0, f: -1 }],
  ])('refuses %s', (_case, value) => {
    expect(parsePresenterState(value)).toBeNull();
  });
});

describe('presenterStateOf', () => {
  it("reads reveal.js's missing fragment index as no fragment shown", () => {
    expect(presenterStateOf({ h: 2, v: 0, f: undefined })).toEqual({ h: 2, v: 0, f: -1 });
  });
});

describe('presenter state hashes', () => {
  it('round-trip through #/h/v/f', () => {
    const state = { h: 4, v: 2, f: 1 };
    expect(presenterStateFromHash(presenterStateHash(state))).toEqual(state);
  });

  it('read the shorter hashes reveal.js writes', () => {
    expect(presenterStateFromHash('#/5')).toEqual({ h: 5, v: 0, f: -1 });
    expect(presenterStateFromHash('#/5/1')).toEqual({ h: 5, v: 1, f: -1 });
  });

  it('ignore any other hash', () => {
    expect(presenterStateFromHash('')).toBeNull();
    expect(presenterStateFromHash('#/intro')).toBeNull();
  });
});
