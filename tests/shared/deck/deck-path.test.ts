import { describe, expect, it } from 'vitest';
import { isExternalOrAnchor, resolveInDeck } from '../../../src/shared/deck/deck-path';

describe('resolveInDeck', () => {
  it('resolves a link relative to the segment file', () => {
    expect(resolveInDeck('parts/intro.md', 'img/a.svg')).toBe('parts/img/a.svg');
    expect(resolveInDeck('parts/intro.md', '../img/a%20b.svg')).toBe('img/a b.svg');
    expect(resolveInDeck('intro.md', './a.svg?x=1#frag')).toBe('a.svg');
  });

  it.each([
    ['../secret.txt'],
    ['..%2Fsecret.txt'],
    ['%2e%2e/secret.txt'],
    ['/etc/passwd'],
    ['C:\\Windows\\win.ini'],
    ['..\\..\\secret.txt'],
    ['a/../../secret.txt'],
    ['%zz'],
    ['%252e%252e/secret.txt'],
  ])('refuses %s, which leaves the deck', (href) => {
    expect(resolveInDeck('intro.md', href)).toBeNull();
  });
});

describe('isExternalOrAnchor', () => {
  it('recognises schemes and anchors but not Windows drive paths', () => {
    expect(isExternalOrAnchor('https://example.com')).toBe(true);
    expect(isExternalOrAnchor('#/2')).toBe(true);
    expect(isExternalOrAnchor('data:image/png;base64,AAAA')).toBe(true);
    expect(isExternalOrAnchor('C:\\x.png')).toBe(false);
    expect(isExternalOrAnchor('img/x.png')).toBe(false);
  });
});
