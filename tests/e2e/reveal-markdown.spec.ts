import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { inspectDeck, servePodium } from '../support/podium-cli';
import { presentedSlides, revealMarkdownSlides, type PresentedSlide, type RevealMarkdownOptions } from './reveal-reference';

/**
 * Podium reads a segment's Markdown as reveal.js's Markdown plugin does: the same text, presented
 * by reveal.js's plugin and by `podium serve`, gives the same slides, notes and fragments.
 */

/** The slides `podium serve` presents for a one-file deck holding `markdown`. */
async function podiumSlides(page: Page, markdown: string, options: RevealMarkdownOptions = {}): Promise<PresentedSlide[]> {
  const deck = await mkdtemp(join(tmpdir(), 'podium-reveal-markdown-'));
  await writeFile(join(deck, '01-talk.md'), markdown);
  const settings = Object.entries(options).map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`);
  if (settings.length > 0) await writeFile(join(deck, 'deck.yaml'), settings.join(''));
  const served = await servePodium(deck);
  try {
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    return await presentedSlides(page);
  } finally {
    await served.stop();
    await rm(deck, { recursive: true, force: true });
  }
}

const CASES: Record<string, string> = {
  'a file that opens with --- and a heading': '---\n## Intro\n\nWords.\n\n---\n\n## B\n',
  'a fragment comment right after a list': '## Steps\n\n- one\n- two\n<!-- .element: class="fragment" -->\n',
  'a fragment comment after a paragraph': '## Said\n\nA sentence.\n<!-- .element: class="fragment" -->\n\nAnother.\n',
  'slide attributes and notes': '<!-- .slide: data-background="#123456" -->\n## Dark\n\nBody\n\nNote: spoken words\n\n---\n\n## Next\n',
};

for (const [name, markdown] of Object.entries(CASES)) {
  test(`${name}: the same slides as reveal.js's Markdown plugin`, async ({ page, browser }) => {
    const reference = await revealMarkdownSlides(await browser.newPage(), markdown);
    const podium = await podiumSlides(page, markdown);
    expect(podium).toEqual(reference);
  });
}

// Separators as reveal.js's own examples and reveal-md write them: matched against the whole text.
const SEPARATOR_CASES: Record<string, RevealMarkdownOptions> = {
  'reveal.js\'s example separators ^\\r?\\n---\\r?\\n$ and ^\\r?\\n--\\r?\\n$': {
    separator: String.raw`^\r?\n---\r?\n$`,
    verticalSeparator: String.raw`^\r?\n--\r?\n$`,
  },
  'reveal-md\'s ^(\\r\\n?|\\n)---(\\r\\n?|\\n)$': {
    separator: String.raw`^(\r\n?|\n)---(\r\n?|\n)$`,
    verticalSeparator: String.raw`^(\r\n?|\n)----(\r\n?|\n)$`,
  },
  'bare \\n***\\n and a notes separator of its own': {
    separator: String.raw`\n\*\*\*\n`,
    notesSeparator: '^Speaker:',
  },
};
const SEPARATED = '## One\n\nFirst.\n\n---\n\n## Two\n\n--\n\n## Two below\n\n----\n\n## Deeper\n\n***\n\n## Three\n\nSpeaker: said aloud\n';

for (const [name, options] of Object.entries(SEPARATOR_CASES)) {
  test(`${name}: the same slides as reveal.js's Markdown plugin`, async ({ page, browser }) => {
    const reference = await revealMarkdownSlides(await browser.newPage(), SEPARATED, options);
    const podium = await podiumSlides(page, SEPARATED, options);
    expect(podium).toEqual(reference);
    expect(podium.length).toBeGreaterThan(1);
  });
}

// reveal.js's docs' own example of `data-element-attributes`, and a slide pattern of the deck's own.
const ATTRIBUTE_PATTERNS: RevealMarkdownOptions = {
  elementAttributes: String.raw`{_\s*?([^}]+?)}`,
  slideAttributes: String.raw`^\s*@slide\s+(.+?)$`,
};
const WITH_OWN_ATTRIBUTE_COMMENTS = [
  '<!-- @slide data-background="#123456" class="dark" -->',
  '## Steps',
  '',
  '- one',
  '- two <!-- {_class="fragment"} -->',
  '- three',
  '<!-- {_class="fragment" data-fragment-index="1"} -->',
  '',
  'Said last.',
  '<!-- {_class="fragment highlight-red"} -->',
  '',
  '```html',
  '<!-- {_class="fragment"} --> is code here',
  '```',
  '',
  '---',
  '',
  '## Default comments no longer read',
  '',
  'Plain.',
  '<!-- .element: class="fragment" -->',
  '',
].join('\n');

test("a deck's own elementAttributes and slideAttributes: the same slides as reveal.js's data-element-attributes and data-attributes", async ({ page, browser }) => {
  const reference = await revealMarkdownSlides(await browser.newPage(), WITH_OWN_ATTRIBUTE_COMMENTS, ATTRIBUTE_PATTERNS);
  const podium = await podiumSlides(page, WITH_OWN_ATTRIBUTE_COMMENTS, ATTRIBUTE_PATTERNS);
  expect(podium).toEqual(reference);
  expect(reference[0]?.fragments).toEqual(['LI', 'LI', 'P']);
  expect(reference[0]?.attributes).toMatchObject({ 'data-background': '#123456', class: expect.stringMatching(/^dark\b/) });
});

test("inspect counts a deck's own attribute comments and warns of a .element: comment they no longer read", async () => {
  const deck = await mkdtemp(join(tmpdir(), 'podium-attribute-patterns-'));
  try {
    await writeFile(join(deck, '01-talk.md'), WITH_OWN_ATTRIBUTE_COMMENTS);
    await writeFile(
      join(deck, 'deck.yaml'),
      Object.entries(ATTRIBUTE_PATTERNS).map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`).join(''),
    );
    const inspected = inspectDeck(deck);
    expect(inspected.slides.map((slide) => slide.fragments)).toEqual([3, 0]);
    expect(inspected.problems.filter((problem) => problem.code !== 'no-notes')).toEqual([
      expect.objectContaining({ code: 'unknown-attribute-comment', file: '01-talk.md', line: 21, severity: 'warning' }),
    ]);
  } finally {
    await rm(deck, { recursive: true, force: true });
  }
});

test("inspect counts the fragments a presented slide steps through, no more, no fewer", async ({ page }) => {
  const deck = await mkdtemp(join(tmpdir(), 'podium-fragment-count-'));
  await writeFile(
    join(deck, '01-talk.md'),
    [
      '## Code steps',
      '',
      '```js [1|2-3|4]',
      'const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;',
      '```',
      '',
      '---',
      '',
      '## Not fragments',
      '',
      '<!-- .unknown: class="fragment" -->',
      '',
      '```html',
      '<p class="fragment">shown as code</p>',
      '```',
      '',
      'Said as `class="fragment"` in a sentence.',
      '',
      '---',
      '',
      '## Real ones',
      '',
      '- one',
      '- two',
      '<!-- .element: class="fragment" -->',
      '',
      '<p class="fragment">html</p>',
      '',
    ].join('\n'),
  );
  const served = await servePodium(deck);
  try {
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const presented = (await presentedSlides(page)).map((slide) => slide.fragments.length);
    expect(presented).toEqual([2, 0, 2]);
    expect(inspectDeck(deck).slides.map((slide) => slide.fragments)).toEqual(presented);
  } finally {
    await served.stop();
    await rm(deck, { recursive: true, force: true });
  }
});
