import { describe, expect, it } from 'vitest';
import { findStylesheetReferences, isRemoteUrl } from '../../../src/node/export/stylesheet-references';

describe('findStylesheetReferences', () => {
  it('finds @import and url(), quoted or not, each with its line', () => {
    const css = [
      '@import "fonts/title.css";',
      "@import url('print.css');",
      '@font-face { font-family: Stage; src: url(fonts/stage.woff2) format("woff2"); }',
      '.cover { background: url( "art/cover.svg" ) no-repeat; }',
    ].join('\n');
    expect(findStylesheetReferences(css)).toEqual([
      { href: 'fonts/title.css', line: 1 },
      { href: 'print.css', line: 2 },
      { href: 'fonts/stage.woff2', line: 3 },
      { href: 'art/cover.svg', line: 4 },
    ]);
  });

  it('skips commented-out URLs and keeps counting lines through comments', () => {
    const css = '/* old:\n  url(art/old.png)\n*/\n.a { background: url(art/new.png); }';
    expect(findStylesheetReferences(css)).toEqual([{ href: 'art/new.png', line: 4 }]);
  });
});

describe('isRemoteUrl', () => {
  it('is true for http, https and protocol-relative URLs only', () => {
    expect(['https://fonts.example/x.css', 'http://x/y.png', '//cdn.example/z.woff2'].map(isRemoteUrl)).toEqual([true, true, true]);
    expect(['fonts/x.woff2', 'data:font/woff2;base64,AA', '../x.png'].map(isRemoteUrl)).toEqual([false, false, false]);
  });
});
