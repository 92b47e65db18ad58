import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { devices, expect, test, type Page } from '@playwright/test';
import { CEREMONY_DECK, runPodium } from '../support/podium-cli';
import { expectAllAt, openPresenter, openSpeakerView, revealIndices, servePresenting, speakerIndices, type PresentingServer } from './present-support';
import { serveWithRemote } from './remote-support';
import { axeContext, seriousViolations } from './axe-support';

test.describe('the ceremony deck, for a screen reader and a keyboard', () => {
  let served: PresentingServer | null = null;
  let work = '';
  test.beforeEach(async () => {
    // A copy: the edit view and the drawings may write to the deck they serve.
    work = await mkdtemp(join(tmpdir(), 'podium-a11y-'));
    await cp(CEREMONY_DECK, join(work, 'slides'), { recursive: true });
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    await rm(work, { recursive: true, force: true });
  });

  test('axe finds no serious or critical violation on the presentation and its speaker view', async ({ browser }) => {
    served = await servePresenting(join(work, 'slides'));
    const context = await axeContext(browser);
    const presenter = await openPresenter(context, served.url);
    expect.soft(await seriousViolations(presenter), 'present').toEqual([]);
    const speaker = await openSpeakerView(presenter);
    expect.soft(await seriousViolations(speaker), 'speaker').toEqual([]);
    for (const page of [presenter, speaker]) expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await context.close();
  });

  test('axe finds no serious or critical violation on the speaker view with the phone remote on (its panel open, then closed), its ? help, the phone page and the follower', async ({ browser }) => {
    const remote = await serveWithRemote(join(work, 'slides'));
    try {
      const context = await axeContext(browser);
      const presenter = await openPresenter(context, remote.url);
      const speaker = await openSpeakerView(presenter);
      await speaker.setViewportSize({ width: 1280, height: 720 });
      await expect(speaker.locator('.speaker-remote-panel canvas.speaker-remote-qr')).toBeVisible();
      expect.soft(await seriousViolations(speaker), 'speaker, remote panel open').toEqual([]);
      await speaker.locator('.speaker-remote-close').click();
      await expect(speaker.locator('.speaker-remote-button')).toHaveText('Remote on');
      expect.soft(await seriousViolations(speaker), 'speaker, remote on, panel closed').toEqual([]);
      await speaker.keyboard.press('Shift+Slash');
      await expect(speaker.locator('.speaker-key-help')).toBeVisible();
      expect.soft(await seriousViolations(speaker), 'speaker, ? help').toEqual([]);
      const follower = await openPresenter(context, remote.followUrl);
      expect.soft(await seriousViolations(follower), 'follower').toEqual([]);
      const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
      const phoneContext = await browser.newContext({ ...pixel, bypassCSP: true });
      const phone = await phoneContext.newPage();
      await phone.goto(remote.remoteUrl);
      await expect(phone.locator('body[data-presenting="true"]')).toBeAttached();
      expect.soft(await seriousViolations(phone), 'phone remote').toEqual([]);
      await phoneContext.close();
      await context.close();
    } finally {
      await remote.stop();
    }
  });

  test('axe finds no serious or critical violation on the edit view and its export dialog', async ({ browser }) => {
    served = await servePresenting(join(work, 'slides'));
    const context = await axeContext(browser);
    const editor = await openPresenter(context, `${served.url}&view=edit`);
    expect.soft(await seriousViolations(editor), 'edit').toEqual([]);
    await editor.getByRole('button', { name: 'Export PDF…' }).click();
    await expect(editor.locator('dialog[open]')).toBeVisible();
    expect.soft(await seriousViolations(editor), 'edit, export dialog').toEqual([]);
    expect(await editor.evaluate('document.documentElement.lang')).toBe('en');
    await context.close();
  });

  test('axe finds no serious or critical violation on any slide of the --html copy', async ({ browser }) => {
    // 25 runs of axe, one per slide: about 20 s alone, more beside other tests on 2 cores.
    test.setTimeout(180_000);
    const copy = join(work, 'html');
    expect(runPodium(['export', join(work, 'slides'), '--html', copy]).status).toBe(0);
    const context = await axeContext(browser);
    const html = await openPresenter(context, pathToFileURL(join(copy, 'index.html')).href);
    expect(await html.evaluate('document.documentElement.lang')).toBe('en');
    expect.soft(await seriousViolations(html), '--html, slide 1').toEqual([]);
    // reveal.js hides every slide but the current one from readers: each is checked where it shows.
    const slideCount = Number(await html.evaluate('Reveal.getTotalSlides()'));
    expect(slideCount).toBe(25);
    for (let index = 1; index < slideCount; index += 1) {
      // Space is reveal.js's "next": down a vertical stack as well as across.
      await html.keyboard.press('Space');
      await expect.poll(() => html.evaluate('Reveal.getSlidePastCount()')).toBe(index);
      // Measured mid-transition (reveal.js's arrows grow in as they are enabled), a target looks too small.
      await html.evaluate(`Promise.all([...document.querySelectorAll('.reveal .controls *')]
        .flatMap((element) => element.getAnimations())
        .map((animation) => animation.finished.catch(() => undefined)))`);
      expect.soft(await seriousViolations(html), `--html, slide ${index + 1}`).toEqual([]);
    }
    await context.close();
  });

  test('the presentation gives each slide of the ceremony one h1 or h2', async ({ page }) => {
    served = await servePresenting(join(work, 'slides'));
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const slides = page.locator('.reveal .slides section:not(.stack)');
    const headings = await slides.evaluateAll((sections) => sections.map((section) => section.querySelectorAll('h1, h2').length));
    expect(headings).toEqual(Array.from({ length: 25 }, () => 1));
  });

  test('the --html copy keeps alt text, and alt="" marks a decoration', async ({ page }) => {
    const deck = join(work, 'pictures');
    await mkdir(deck);
    await writeFile(join(deck, 'deck.yaml'), 'lang: fr\n');
    const picture = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="gold"/></svg>\n';
    await writeFile(join(deck, 'disc.svg'), picture);
    await writeFile(join(deck, '1.md'), '## Le disque d’or\n\n![Un disque doré envoyé dans l’espace](disc.svg)\n\n![](disc.svg)\n');
    const copy = join(work, 'pictures-html');
    expect(runPodium(['export', deck, '--html', copy]).status).toBe(0);
    await page.goto(pathToFileURL(join(copy, 'index.html')).href);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
    const alts = await page.locator('.reveal .slides img').evaluateAll((images) => images.map((image) => image.getAttribute('alt')));
    expect(alts).toEqual(['Un disque doré envoyé dans l’espace', '']);
    await expect(page.getByRole('img', { name: 'Un disque doré envoyé dans l’espace' })).toBeVisible();
  });

  test("reveal.js's live region reads out the slide moved to", async ({ page }) => {
    served = await servePresenting(join(work, 'slides'));
    await page.goto(served.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const status = page.locator('.reveal > .aria-status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    for (const heading of ["Tonight's programme", 'Under The Paris Sky', 'A choir from the garden']) {
      // Down into the vertical stack for the last one: Space is "next", whichever way it goes.
      await page.keyboard.press('Space');
      await expect(page.locator('.reveal .slides section.present:not(.stack) h2')).toHaveText(heading);
      await expect(status).toContainText(heading);
    }
    await page.keyboard.press('ArrowUp');
    await expect(status).toContainText('Under The Paris Sky');
  });
});

/** What has focus: its name as a reader would give it, where it is, and whether its focus shows. */
interface FocusStop {
  name: string;
  inPreview: boolean;
  /** The focus ring's width in px, on the element or (CodeMirror) its editor frame; 0 for none. */
  ringPx: number;
}

// A string, not a function: this file is type-checked without the DOM's types.
const FOCUS_STOP = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const ring = (node) => {
    const style = node && getComputedStyle(node);
    return style && style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) || 0 : 0;
  };
  // The name from content, as a reader computes it: without what is hidden from readers.
  const text = (node) => node.nodeType === Node.TEXT_NODE ? node.textContent
    : node.nodeType === Node.ELEMENT_NODE && node.getAttribute('aria-hidden') !== 'true' ? [...node.childNodes].map(text).join('') : '';
  const name = element.getAttribute('aria-label') || text(element).trim().replace(/\\s+/g, ' ').slice(0, 60) || element.className;
  return {
    name,
    inPreview: element.closest('.speaker-current-slide, .speaker-next-slide, .podium-thumb-frame') !== null,
    ringPx: Math.max(ring(element), ring(element.closest('.cm-editor'))),
  };
})()`;

/** Presses Tab (or Shift+Tab) until `wanted` has focus, checking that every stop on the way shows it. */
async function tabTo(page: Page, wanted: (stop: FocusStop) => boolean, options: { backwards?: boolean } = {}): Promise<FocusStop[]> {
  const passed: FocusStop[] = [];
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const stop = (await page.evaluate(FOCUS_STOP)) as FocusStop | null;
    if (stop === null) continue;
    passed.push(stop);
    expect(stop.ringPx, `focus ring of "${stop.name}"`).toBeGreaterThanOrEqual(2);
    if (wanted(stop)) return passed;
  }
  throw new Error(`never reached the wanted control; passed ${passed.map((stop) => stop.name).join(', ')}`);
}

const named = (name: string) => (stop: FocusStop) => stop.name === name;

test.describe('from the keyboard alone', () => {
  let served: PresentingServer | null = null;
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-keys-'));
    await cp(CEREMONY_DECK, join(work, 'slides'), { recursive: true });
    served = await servePresenting(join(work, 'slides'));
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    await rm(work, { recursive: true, force: true });
  });

  test('the speaker view: each control a tab stop with its focus shown, pressed with Enter or Space, the notes scrolled with ↓', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const presenter = await openPresenter(context, served!.url);
    const speaker = await openSpeakerView(presenter);

    // Once round the page: every control, none of the previews' links, and back to the start.
    const first = await tabTo(speaker, () => true);
    const round = [...first, ...(await tabTo(speaker, named(first[0]!.name)))].slice(0, -1).map((stop) => stop.name);
    for (const control of ['Start', 'Reset', 'Rehearse', 'Previous', 'Next', 'Black', 'Whiteboard', 'Pen', 'Laser', 'Save drawings', 'A− smaller notes', 'A+ larger notes', 'Speaker notes', 'Segments']) {
      expect(round).toContain(control);
    }
    expect(round).toHaveLength(new Set(round).size);

    // Enter on Next moves the talk; Space on Pause pauses the timer and does not move it.
    await tabTo(speaker, named('Next'));
    await speaker.keyboard.press('Enter');
    await expectAllAt({ h: 1, v: 0, f: -1 }, [presenter], [speaker]);
    // The speaker hears where the talk is from the current slide's live region; the next-slide
    // preview, which steps ahead and back to find "next", is inert and says nothing.
    await expect(speaker.locator('.speaker-current-slide > .aria-status')).toContainText("Tonight's programme");
    expect(await speaker.locator('.speaker-next-slide').evaluate((element) => (element as unknown as { inert: boolean }).inert)).toBe(true);
    await tabTo(speaker, named('Pause'), { backwards: true });
    await speaker.keyboard.press('Space');
    await expect(speaker.locator('.speaker-pause')).toHaveText('Resume');
    await speaker.keyboard.press('Space');
    await expect(speaker.locator('.speaker-pause')).toHaveText('Pause');
    expect(await revealIndices(presenter)).toEqual({ h: 1, v: 0, f: -1 });
    // Space on Whiteboard shows the audience the whiteboard; the talk's keys work from any button.
    await tabTo(speaker, named('Whiteboard'));
    await speaker.keyboard.press('Space');
    await expect(speaker.locator('.speaker-whiteboard')).toHaveAttribute('aria-pressed', 'true');
    await speaker.keyboard.press('w');
    await expect(speaker.locator('.speaker-whiteboard')).toHaveAttribute('aria-pressed', 'false');
    await speaker.keyboard.press('ArrowRight');
    await expectAllAt({ h: 2, v: 0, f: -1 }, [presenter], [speaker]);

    // Notes grown past their box scroll with ↓ once they have focus; → still moves the talk.
    await tabTo(speaker, named('A+ larger notes'));
    const notes = speaker.locator('.speaker-notes-text');
    for (let press = 0; press < 12; press += 1) await speaker.keyboard.press('Enter');
    await expect.poll(() => notes.evaluate((element) => element.scrollHeight > element.clientHeight + 40)).toBe(true);
    await tabTo(speaker, named('Speaker notes'));
    await speaker.keyboard.press('ArrowDown');
    await expect.poll(() => notes.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    expect(await speakerIndices(speaker)).toEqual({ h: 2, v: 0, f: -1 });
    await speaker.keyboard.press('ArrowRight');
    await expectAllAt({ h: 2, v: 1, f: -1 }, [presenter], [speaker]);
    await context.close();
  });

  test('the presentation: its arrows and links show their focus, and Enter on an arrow moves the talk', async ({ page }) => {
    await page.goto(served!.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    // The programme's links, the slide number and reveal.js's arrows, each with a ring.
    await page.keyboard.press('Space');
    await expect.poll(() => revealIndices(page)).toEqual({ h: 1, v: 0, f: -1 });
    await tabTo(page, named('Under The Paris Sky'));
    await tabTo(page, named('next slide'));
    await page.keyboard.press('Enter');
    await expect.poll(() => revealIndices(page)).toEqual({ h: 2, v: 0, f: -1 });
  });

  test('the edit view: pick a segment, type and save, jump to a slide, reorder and export, with keys only', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${served!.url}&view=edit`);
    const status = page.locator('.podium-edit-status');
    await expect(status).toContainText('01-welcome.md — saved');

    // The segments are buttons: back from the editor to the third one, and Enter opens it.
    await tabTo(page, (stop) => stop.name.includes('03-parade-of-athletes.md'), { backwards: true });
    await page.keyboard.press('Enter');
    await expect(status).toContainText('03-parade-of-athletes.md — saved');
    await expect(page.locator('.cm-content')).toBeFocused();

    // Typed and saved with Ctrl+S, on disk.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nSaid from the keyboard.');
    await expect(status).toContainText('unsaved');
    await page.keyboard.press('Control+s');
    await expect(status).toContainText('03-parade-of-athletes.md — saved');
    expect(await readFile(join(work, 'slides/03-parade-of-athletes.md'), 'utf8')).toContain('Said from the keyboard.');

    // Tab leaves the editor (no trap) for the strip of slides: Enter on a miniature opens its slide.
    const passed = await tabTo(page, named('Slide 9: The golden voyager'));
    expect(passed.some((stop) => stop.inPreview)).toBe(false);
    await page.keyboard.press('Enter');
    await expect(status).toContainText('04-the-record.md — saved');

    // Alt+↓ on a segment moves it after the next one in deck.yaml, and focus stays on it.
    await tabTo(page, (stop) => stop.name.includes('04-the-record.md'), { backwards: true });
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => /04-the-record\.md[\s\S]*05-hymn|05-hymn[\s\S]*04-the-record\.md/.exec(await readFile(join(work, 'slides/deck.yaml'), 'utf8'))?.[0].startsWith('05')).toBe(true);
    await expect(page.locator('.podium-segments li:nth-child(5) .podium-segment-pick')).toBeFocused();
    await expect(page.locator('.podium-segments li:nth-child(5)')).toContainText('04-the-record.md');

    // Export PDF… opens its dialog with Enter; Esc closes it and gives focus back.
    const exportButton = page.getByRole('button', { name: 'Export PDF…' });
    await tabTo(page, named('Export PDF…'));
    await page.keyboard.press('Enter');
    await expect(page.locator('dialog[open]')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(exportButton).toBeFocused();
  });
});
