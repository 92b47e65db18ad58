import { describe, expect, it } from 'vitest';
import { deckPathFromArgv } from '../../src/main/deck-argument';

const electron = ['/usr/lib/electron/electron', 'out/main/index.js'];

describe('deckPathFromArgv', () => {
  it('takes --deck=<path> as the CLI passes it', () => {
    expect(deckPathFromArgv([...electron, '--deck=/talks/paris'], '/work')).toBe('/talks/paris');
  });

  it('resolves a relative --deck against the working folder', () => {
    expect(deckPathFromArgv([...electron, '--deck=slides'], '/work')).toBe('/work/slides');
  });

  it('takes --deck <path> as two arguments', () => {
    expect(deckPathFromArgv([...electron, '--deck', 'talk.md'], '/work')).toBe('/work/talk.md');
  });

  it('finds --deck in a packaged app, where no script path comes first', () => {
    expect(deckPathFromArgv(['/Applications/Podium.app/Contents/MacOS/Podium', '--deck=/d'], '/')).toBe('/d');
  });

  it('falls back to slides in the working folder', () => {
    expect(deckPathFromArgv(electron, '/work')).toBe('/work/slides');
  });

  it('ignores an empty --deck= and a --deck followed by another switch', () => {
    expect(deckPathFromArgv([...electron, '--deck='], '/work')).toBe('/work/slides');
    expect(deckPathFromArgv([...electron, '--deck', '--no-sandbox'], '/work')).toBe('/work/slides');
  });
});
