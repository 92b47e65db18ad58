import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/**
 * reveal.js's own Markdown plugin, run in Chromium on a text, as the reference Podium's reading
 * of the same text is compared with: a page on a made-up origin whose only files are reveal.js's
 * and its plugin's, straight from node_modules.
 */
const REVEAL_DIST = join(dirname(createRequire(import.meta.url).resolve('reveal.js/reveal.css')));
const ORIGIN = 'http://reveal-reference.test';

export interface PresentedSlide {
  heading: string | null;
  /** The slide's visible text, notes left out, whitespace collapsed. */
  text: string;
  notes: string;
  /** Tag names of the fragments, in order (`LI`, `P`, `UL`…). */
  fragments: string[];
  /** The `<section>`'s `class` and `data-*` attributes that Markdown comments set. */
  attributes: Record<string, string>;
}

export interface RevealMarkdownOptions {
  separator?: string;
  verticalSeparator?: string;
  notesSeparator?: string;
  /** reveal.js's `data-element-attributes`; Podium's `elementAttributes` in deck.yaml. */
  elementAttributes?: string;
  /** reveal.js's `data-attributes`; Podium's `slideAttributes` in deck.yaml. */
  slideAttributes?: string;
}

/** The slides reveal.js's Markdown plugin makes of `markdown`, read from the laid-out page. */
export async function revealMarkdownSlides(page: Page, markdown: string, options: RevealMarkdownOptions = {}): Promise<PresentedSlide[]> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      const attributes = Object.entries({ 'data-separator': options.separator, 'data-separator-vertical': options.verticalSeparator, 'data-separator-notes': options.notesSeparator,
        'data-element-attributes': options.elementAttributes,
        'data-attributes': options.slideAttributes,
      })
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => `${name}="${escapeAttribute(value ?? '')}"`)
        .join(' ');
      const body = `<!doctype html><link rel="stylesheet" href="/reveal.css"><div class="reveal"><div class="slides">
        <section data-markdown ${attributes}><textarea data-template>${escapeText(markdown)}</textarea></section></div></div>
        <script src="/reveal.js"></script><script src="/plugin/markdown.js"></script>`;
      return route.fulfill({ contentType: 'text/html', body });
    }
    return route.fulfill({ contentType: 'text/javascript', body: await readFile(join(REVEAL_DIST, path)) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate('Reveal.initialize({ plugins: [RevealMarkdown], hash: false, transition: "none" })');
  await expect(page.locator('.reveal.ready')).toBeAttached();
  return presentedSlides(page);
}

/** The slides as a presented page (reveal.js's or Podium's) shows them. */
export function presentedSlides(page: Page): Promise<PresentedSlide[]> {
  // A string, not a function: this file is type-checked without the DOM library.
  return page.evaluate(`window.Reveal.getSlides().map((slide) => {
    const copy = slide.cloneNode(true);
    const notes = [...copy.querySelectorAll('aside.notes')].map((aside) => { aside.remove(); return aside.textContent.trim(); }).join('\\n');
    const heading = slide.querySelector('h1, h2, h3, h4, h5, h6');
    const attributes = {};
    for (const attribute of slide.attributes) {
      if (attribute.name === 'class' || (attribute.name.startsWith('data-') && !attribute.name.startsWith('data-podium') && !['data-index-h', 'data-index-v', 'data-fragment', 'data-markdown', 'data-markdown-parsed', 'data-attributes', 'data-element-attributes'].includes(attribute.name))) attributes[attribute.name] = attribute.value;
    }
    if (attributes.class !== undefined) {
      const kept = attributes.class.split(/\\s+/).filter((name) => name && !['present', 'past', 'future', 'stack'].includes(name) && !name.startsWith('podium'));
      if (kept.length) attributes.class = kept.join(' '); else delete attributes.class;
    }
    return {
      heading: heading ? heading.textContent.trim() : null,
      text: copy.textContent.replace(/\\s+/g, ' ').trim(),
      notes,
      fragments: [...slide.querySelectorAll('.fragment')].map((element) => element.tagName),
      attributes,
    };
  })`) as Promise<PresentedSlide[]>;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
