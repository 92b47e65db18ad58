import { describe, expect, it } from 'vitest';
import { deckArgument } from '../../src/main/deck-argument';

const electron = ['/usr/lib/electron/electron', 'out/main/index.js'];

describe('deckArgument', () => {
  it('takes --deck=<path> as the CLI passes it', () => {
    expect(deckArgument([...electron, '--deck=/talks/paris'], '/work')).toBe('/talks/paris');
  });

  it('resolves a relative --deck against the working folder', () => {
    expect(deckArgument([...electron, '--deck=slides'], '/work')).toBe('/work/slides');
  });

  it('takes --deck <path> as two arguments', () => {
    expect(deckArgument([...electron, '--deck', 'talk.md'], '/work')).toBe('/work/talk.md');
  });

  it('finds --deck in a packaged app, where no script path comes first', () => {
    expect(deckArgument(['/Applications/Podium.app/Contents/MacOS/Podium', '--deck=/d'], '/')).toBe('/d');
  });

  it('reads the file:// URL a Linux desktop entry (--deck %U) may pass', () => {
    expect(deckArgument(['/opt/Podium/podium', '--deck', 'file:///home/ana/My%20talk'], '/')).toBe('/home/ana/My talk');
  });

  it("takes a bare .md path, as Windows' Open with passes it", () => {
    expect(deckArgument(['C:\\Program Files\\Podium\\Podium.exe', '--allow-file-access', '/talks/keynote.md'], '/')).toBe('/talks/keynote.md');
  });

  it('names no deck when there is none, and never takes the app script for one', () => {
    expect(deckArgument(electron, '/work')).toBeNull();
    expect(deckArgument(['/opt/Podium/podium'], '/work')).toBeNull();
  });

  it('ignores an empty --deck= and a --deck followed by another switch', () => {
    expect(deckArgument([...electron, '--deck='], '/work')).toBeNull();
    expect(deckArgument([...electron, '--deck', '--no-sandbox'], '/work')).toBeNull();
  });
});
