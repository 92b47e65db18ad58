import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/node/deck/load-deck';
import { exportHtml } from '../../../src/node/export/export-html';
import { STATIC_CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import type { StaticPageData } from '../../../src/shared/export/static-page';

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The page's data block, read back as the static page reads it. */
function pageData(html: string): StaticPageData {
  const match = /<script type="application\/json" id="podium-deck">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(match?.[1] ?? 'null') as StaticPageData;
}

const REHEARSAL = { recordedAt: 1723400000000, slides: [{ h: 0, v: 0, ms: 61000 }] };

describe('exportHtml', () => {
  let work = '';
  let deck = '';
  let staticDir = '';
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-export-html-'));
    deck = join(work, 'deck');
    staticDir = join(work, 'static');
    // A stand-in for out/static: the page's script and stylesheet, a font, and two themes.
    await writeFiles(staticDir, {
      'podium.js': '(function(){})();',
      'podium.css': '.katex { font-family: KaTeX_Main; }',
      'assets/KaTeX_Main-Regular.woff2': 'font',
      'themes/night.css': '@import "https://fonts.googleapis.com/css?family=Montserrat:700";\n.reveal { color: #eee; }\n',
      'themes/white.css': '.reveal { color: #222; }\n',
    });
    await writeFiles(deck, {
      'deck.yaml': 'title: Closing night\ntheme: night\ncss: style/deck.css\n',
      '1-talk.md': [
        '<!-- .slide: data-background-image="art/stage.svg" -->',
        '# Closing night',
        '',
        '![The torch](art/torch.svg)',
        '',
        '[The handout](files/handout.pdf)',
        '',
        'A line that says </script><script>alert(1)</script> and <!-- nothing -->',
        '',
        'Note: Welcome everyone.',
      ].join('\n'),
      'art/stage.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'art/torch.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'art/unused.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'files/handout.pdf': '%PDF-1.7',
      'style/deck.css': [
        '@import "more.css";',
        '@import "https://fonts.example/stage.css";',
        '@font-face { font-family: Stage; src: url(../fonts/stage.woff2); }',
      ].join('\n'),
      'style/more.css': '.cover { background: url("../art/texture.png"); }\n',
      'fonts/stage.woff2': 'font',
      'art/texture.png': 'png',
      'private/notes.txt': 'not for the audience',
      '.podium/rehearsal.json': JSON.stringify(REHEARSAL),
    });
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const exportTo = (outputDir: string, allowMissing = false) => exportHtml({ deckPath: deck, outputDir, staticDir, allowMissing });

  describe('when every file is there', () => {
    it('writes the page, the static build with only the deck theme, and exactly the deck files referred to', async () => {
      const output = join(work, 'copy');
      const result = await exportTo(output);
      expect(await listFiles(output)).toEqual([
        '.podium-html-export',
        'assets/KaTeX_Main-Regular.woff2',
        'deck/art/stage.svg',
        'deck/art/texture.png',
        'deck/art/torch.svg',
        'deck/files/handout.pdf',
        'deck/fonts/stage.woff2',
        'deck/style/deck.css',
        'deck/style/more.css',
        'index.html',
        'podium.css',
        'podium.js',
        'themes/night.css',
      ]);
      expect(result).toMatchObject({ output, slides: 1, files: 12 });
      expect(await readdir(work)).toEqual(expect.arrayContaining(['copy']));
      expect((await readdir(work)).filter((name) => name.startsWith('.'))).toEqual([]);
    });

    it("drops the theme's web-font imports, which the page's CSP would refuse", async () => {
      const output = join(work, 'copy');
      await exportTo(output);
      expect(await readFile(join(output, 'themes/night.css'), 'utf8')).toBe('\n.reveal { color: #eee; }\n');
    });

    it("warns, with file and line, about the deck stylesheet's own network imports", async () => {
      const result = await exportTo(join(work, 'copy'));
      expect(result.warnings).toEqual([
        {
          code: 'network-file',
          severity: 'warning',
          file: 'style/deck.css',
          line: 2,
          message: '"https://fonts.example/stage.css" is on the network: the static copy does not load it',
        },
      ]);
    });

    it('embeds the deck and its last rehearsal in a data block no slide text can break out of', async () => {
      const output = join(work, 'copy');
      await exportTo(output);
      const html = await readFile(join(output, 'index.html'), 'utf8');
      const loaded = await loadDeck(deck);
      expect(pageData(html)).toEqual({ deck: loaded.deck, rehearsal: REHEARSAL });
      // The only scripts: the data block and the classic script beside the page; nothing inline runs.
      expect(html.match(/<script\b[^>]*>/g)).toEqual([
        '<script type="application/json" id="podium-deck">',
        '<script src="podium.js" defer>',
      ]);
      expect(html).toContain('<title>Closing night</title>');
      expect(html).toContain(`content="${STATIC_CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}"`);
    });
  });

  describe('when a slide refers to a file the deck does not have', () => {
    it('refuses with file and line and writes nothing; --allow-missing writes the rest', async () => {
      await writeFile(join(deck, '2-more.md'), '# More\n\n![Gone](art/gone.png)\n');
      const output = join(work, 'copy');
      await expect(exportTo(output)).rejects.toThrow(/no HTML export written[\s\S]*2-more\.md:3: error: image "art\/gone\.png" not found/);
      expect(await readdir(work)).toEqual(['deck', 'static']);
      await exportTo(output, true);
      expect(await listFiles(join(output, 'deck/art'))).toEqual(['stage.svg', 'texture.png', 'torch.svg']);
    });

    it('never copies a file outside the deck, whatever a link or symlink says', async () => {
      await writeFile(join(work, 'secret.txt'), 'outside');
      await symlink(join(work, 'secret.txt'), join(deck, 'art/escape.svg'));
      await writeFile(join(deck, '2-more.md'), '# More\n\n![Escape](art/escape.svg)\n\n![Up](../secret.txt)\n');
      const output = join(work, 'copy');
      const refused = exportTo(output);
      await expect(refused).rejects.toThrow(/2-more\.md:3: error: image "art\/escape\.svg": a link that leads outside the deck folder/);
      await expect(refused).rejects.toThrow(/2-more\.md:5: error: image "\.\.\/secret\.txt" points outside the deck folder/);
      await exportTo(output, true);
      const copied = await listFiles(output);
      expect(copied.filter((path) => /escape|secret/.test(path))).toEqual([]);
      for (const path of copied) expect(await readFile(join(output, path), 'utf8')).not.toBe('outside');
    });
  });

  it('refuses a deck with errors, naming file and line', async () => {
    await writeFile(join(deck, '2-broken.md'), '---\ntitle: [unclosed\n---\n# Broken\n');
    await expect(exportTo(join(work, 'copy'))).rejects.toThrow(/the deck has errors; no HTML export written:\n2-broken\.md:\d+: error/);
  });
});
