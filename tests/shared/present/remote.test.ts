import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../src/shared/deck/build-deck';
import { parseRemoteClock, parseRemoteStep, remoteViewOf } from '../../../src/shared/present/remote';

const deck = buildDeck({
  fallbackTitle: 'Talk',
  settings: {},
  segments: [{ file: '1.md', source: '# One\n\nNote: Say hello.\n\n---\n\n# Two\n' }],
});

describe('remoteViewOf', () => {
  it("shows the phone the current slide's title and notes, the next slide's title and where the talk is", () => {
    const view = remoteViewOf(deck, { h: 0, v: 0, f: -1 }, null, true);
    expect(view).toMatchObject({ position: { slide: 1, slides: 2 }, title: 'One', nextTitle: 'Two', hasNext: true, presenting: true });
    expect(view.notes).toContain('Say hello.');
  });

  it('says the last slide has no next, and knows no position before the presenter has said where it is', () => {
    expect(remoteViewOf(deck, { h: 1, v: 0, f: -1 }, null, true)).toMatchObject({ nextTitle: null, hasNext: false });
    expect(remoteViewOf(deck, null, null, false)).toMatchObject({ position: null, title: null, hasNext: false, presenting: false });
  });
});

describe('the messages a phone and a speaker view send', () => {
  it('takes a clock of finite, non-negative times within a day, and nothing else', () => {
    expect(parseRemoteClock({ elapsedMs: 1000, running: true, lengthMs: null })).toEqual({ elapsedMs: 1000, running: true, lengthMs: null });
    for (const bad of [null, {}, { elapsedMs: -1, running: true, lengthMs: null }, { elapsedMs: 1, running: 'yes', lengthMs: null }, { elapsedMs: 1, running: true, lengthMs: 1e12 }]) {
      expect(parseRemoteClock(bad)).toBeNull();
    }
  });

  it('takes a step only with a direction and the state it steps from', () => {
    expect(parseRemoteStep({ direction: 'next', from: { h: 1, v: 0, f: -1 } })).toEqual({ direction: 'next', from: { h: 1, v: 0, f: -1 } });
    expect(parseRemoteStep({ direction: 'sideways', from: { h: 1, v: 0, f: -1 } })).toBeNull();
    expect(parseRemoteStep({ direction: 'next' })).toBeNull();
  });
});
