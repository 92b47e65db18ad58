import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runPodium } from '../support/podium-cli';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** Every link and image target in the README's prose (not in code, where a path is an example). */
function targets(tokens: Token[]): string[] {
  const found: string[] = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'link' || token.type === 'image') found.push(token.href);
  });
  return found;
}

describe('README.md', () => {
  it('points only to files that are in the project', () => {
    const relative = targets(marked.lexer(README)).filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#'));
    expect(relative.length).toBeGreaterThan(3);
    const missing = relative.filter((href) => !existsSync(join(REPO_ROOT, decodeURI(href.split('#')[0] ?? ''))));
    expect(missing).toEqual([]);
  });

  describe('its "Your first deck" example', () => {
    // The section's tokens: from its heading to the next heading of its level (code blocks hold `## ` lines too).
    const tokens = marked.lexer(README);
    const start = tokens.findIndex((token) => token.type === 'heading' && token.text === 'Your first deck');
    const end = tokens.findIndex((token, index) => index > start && token.type === 'heading' && token.depth === 2);
    const blocks = tokens.slice(start, end === -1 ? undefined : end).filter((token): token is Token & { type: 'code'; lang: string; text: string } => token.type === 'code');

    it('passes podium check as written', async () => {
      const yaml = blocks.find((block) => block.lang === 'yaml')?.text;
      const markdown = blocks.find((block) => block.lang === 'markdown')?.text;
      expect(yaml).toContain('01-hello.md');
      expect(markdown).toContain('Note:');
      const work = await mkdtemp(join(tmpdir(), 'podium-readme-'));
      try {
        const deck = join(work, 'my-talk');
        await mkdir(deck);
        await writeFile(join(deck, 'deck.yaml'), `${yaml}\n`);
        await writeFile(join(deck, '01-hello.md'), `${markdown}\n`);
        const checked = runPodium(['check', deck]);
        expect(checked.stdout).toContain('2 slides checked: 0 errors, 0 warnings');
        expect(checked.stderr).toBe('');
        expect(checked.status).toBe(0);
        const inspected = runPodium(['inspect', deck]);
        expect(inspected.status).toBe(0);
        expect(inspected.stdout).toContain('Two things to remember');
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    }, 60_000);
  });
});
