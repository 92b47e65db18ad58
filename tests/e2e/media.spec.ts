import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { findColours, renderPdfPage, type Rectangle } from '../support/pdf-pixels';
import { FIXTURE_DECKS, runPodium, servePodium, type ServeProcess } from '../support/podium-cli';
import { toneWav } from '../support/tone-wav';
import { recordWebm } from '../support/recorded-webm';
import { mediaState, seek, TONE_SECONDS, writeMediaDeck } from './media-support';

test.describe('video and audio in serve mode', () => {
  let work = '';
  let served: ServeProcess | null = null;

  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-media-'));
    await writeMediaDeck(work);
    served = await servePodium(work);
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    await rm(work, { recursive: true, force: true });
  });

  test('seeks to the middle of a file the server sends in byte ranges', async ({ page }) => {
    const toneResponses: { status: number; contentRange: string | null }[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/media/tone.wav')) {
        toneResponses.push({ status: response.status(), contentRange: response.headers()['content-range'] ?? null });
      }
    });
    await page.goto(served!.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    await expect.poll(async () => (await mediaState(page, '#tone'))?.duration).toBeCloseTo(TONE_SECONDS, 1);

    // Without ranges Chromium marks the file unseekable ([0, 0]) and a seek snaps back to 0.
    expect((await mediaState(page, '#tone'))?.seekableEnd).toBeCloseTo(TONE_SECONDS, 1);
    expect(await seek(page, '#tone', TONE_SECONDS / 2)).toBeCloseTo(TONE_SECONDS / 2, 1);
    expect(toneResponses.some((response) => response.status === 206 && response.contentRange !== null)).toBe(true);
  });

  test('pauses media when its slide is left and starts data-autoplay media when its slide is shown', async ({ page }) => {
    await page.goto(served!.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    await page.evaluate(`document.querySelector('#tone').play()`);
    await expect.poll(async () => (await mediaState(page, '#tone'))?.currentTime).toBeGreaterThan(0);

    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await mediaState(page, '#tone'))?.paused).toBe(true);
    await expect.poll(async () => (await mediaState(page, '#autoplayed'))?.paused).toBe(false);

    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await mediaState(page, '#autoplayed'))?.paused).toBe(true);
    // The deck's one background video, made by reveal.js when its slide came near.
    const background = '.reveal .backgrounds video';
    await expect.poll(async () => (await mediaState(page, background))?.paused).toBe(false);

    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await mediaState(page, background))?.paused).toBe(true);
    await expect.poll(async () => (await mediaState(page, '#autoplayed'))?.paused).toBe(false);
  });
});

test.describe("reveal.js's media attributes in serve mode", () => {
  // Five slides: a looping, muted background video on the second, a background web page on the
  // third (refused: the CSP allows no frames), and on the fifth, beyond reveal.js's view distance
  // of three slides, an image and an audio file that reveal.js loads only as that slide nears.
  const SLIDES = `# Start

---

<!-- .slide: data-background-video="media/tone.wav" data-background-video-loop data-background-video-muted -->

# Looping, muted

---

<!-- .slide: data-background-iframe="https://example.com/" -->

# A web page

---

# Filler

---

# Lazy

<img id="lazy-image" data-src="images/flag.png" alt="A red flag">

<audio id="lazy-audio" data-src="media/tone.wav" data-autoplay loop></audio>
`;
  let work = '';
  let served: ServeProcess | null = null;

  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-media-reveal-'));
    await mkdir(join(work, 'media'), { recursive: true });
    await mkdir(join(work, 'images'), { recursive: true });
    await writeFile(join(work, 'media', 'tone.wav'), toneWav(TONE_SECONDS));
    await copyFile(join(FIXTURE_DECKS, 'handout-images/images/red-flag.png'), join(work, 'images', 'flag.png'));
    await writeFile(join(work, '01-talk.md'), SLIDES);
    served = await servePodium(work);
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    await rm(work, { recursive: true, force: true });
  });

  test('plays a looping, muted background video on its slide only, loads data-src as its slide nears, and autoplays it there', async ({ page }) => {
    await page.goto(served!.url);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    const lazyImage = page.locator('#lazy-image');
    await expect(lazyImage).not.toHaveAttribute('src', /./);
    await expect(page.locator('#lazy-audio')).not.toHaveAttribute('src', /./);

    await page.keyboard.press('ArrowRight');
    const background = '.reveal .backgrounds video';
    await expect.poll(async () => (await mediaState(page, background))?.paused).toBe(false);
    expect(await page.locator(background).evaluate((video) => [(video as unknown as { loop: boolean }).loop, (video as unknown as { muted: boolean }).muted])).toEqual([true, true]);

    // The web page's slide shows, without its frame.
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await mediaState(page, background))?.paused).toBe(true);
    await expect(page.locator('.reveal .slides section.present h1')).toHaveText('A web page');
    await expect(page.locator('iframe')).toHaveCount(0);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.reveal .slides section.present h1')).toHaveText('Lazy');
    await expect(lazyImage).toHaveAttribute('src', /images\/flag\.png$/);
    await expect.poll(() => lazyImage.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await expect.poll(async () => (await mediaState(page, '#lazy-audio'))?.paused).toBe(false);

    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await mediaState(page, '#lazy-audio'))?.paused).toBe(true);
  });

  test('says, naming file and line, that the background web page is not shown, and why', () => {
    const result = runPodium(['check', work]);
    expect(result.stdout + result.stderr).toContain(
      "01-talk.md:11: warning: `data-background-iframe` is not shown: Podium's pages load no frames (their Content-Security-Policy forbids them)",
    );
  });
});

test.describe('video and audio in the --html copy', () => {
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-media-html-'));
    await writeMediaDeck(join(work, 'deck'));
    const result = runPodium(['export', join(work, 'deck'), '--html', join(work, 'talk')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('carries the media file, seeks it from file://, and pauses it when its slide is left', async ({ page }) => {
    await page.goto(pathToFileURL(join(work, 'talk', 'index.html')).href);
    await expect(page.locator('html[data-podium-ready]')).toBeAttached();
    await expect.poll(async () => (await mediaState(page, '#tone'))?.seekableEnd).toBeCloseTo(TONE_SECONDS, 1);
    expect(await seek(page, '#tone', TONE_SECONDS / 2)).toBeCloseTo(TONE_SECONDS / 2, 1);

    await page.evaluate(`document.querySelector('#tone').play()`);
    await expect.poll(async () => (await mediaState(page, '#tone'))?.paused).toBe(false);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await mediaState(page, '#tone'))?.paused).toBe(true);
    await expect.poll(async () => (await mediaState(page, '#autoplayed'))?.paused).toBe(false);
  });
});

/** The 640×360 box of a slide's video, give or take the pixel its centring at half a pixel adds. */
function expectVideoBox(bounds: Rectangle | null | undefined, label: string): void {
  expect(bounds, label).toBeTruthy();
  expect(Math.abs((bounds?.width ?? 0) - 640), label).toBeLessThanOrEqual(2);
  expect(Math.abs((bounds?.height ?? 0) - 360), label).toBeLessThanOrEqual(2);
}

test.describe('video in a PDF', () => {
  const POSTER = '#ff0000';
  const FIRST_FRAME = '#0000ff';
  const LATER_FRAMES = '#ffff00';
  let work = '';
  test.beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'podium-media-pdf-'));
  });
  test.afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  test('prints a video’s poster, else its first frame, and a background video’s first frame, in slides and handouts', async ({ page }) => {
    await mkdir(join(work, 'media'));
    await writeFile(join(work, 'media', 'clip.webm'), await recordWebm(page, FIRST_FRAME, LATER_FRAMES));
    await writeFile(
      join(work, 'media', 'poster.svg'),
      `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="${POSTER}"/></svg>`,
    );
    // preload="none" is what a careful author writes for a long video: on paper it must still show.
    await writeFile(
      join(work, '01-video.md'),
      `# Poster\n\n<video src="media/clip.webm" poster="media/poster.svg" width="640" height="360"></video>\n\n---\n\n` +
        `# First frame\n\n<video src="media/clip.webm" preload="none" width="640" height="360"></video>\n\n---\n\n` +
        `<!-- .slide: data-background-video="media/clip.webm" -->\n\n# Background\n`,
    );
    const pdf = join(work, 'video.pdf');
    const result = runPodium(['export', work, '--pdf', pdf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const colours = [POSTER, FIRST_FRAME, LATER_FRAMES];
    // Slides are 1920×1080 px, printed at 96 dpi: one pixel per CSS px.
    const poster = await findColours(page, renderPdfPage(pdf, 1), colours);
    expectVideoBox(poster[POSTER]?.bounds, JSON.stringify(poster));
    expect(poster[FIRST_FRAME]?.pixels).toBe(0);

    const inline = await findColours(page, renderPdfPage(pdf, 2), colours);
    expectVideoBox(inline[FIRST_FRAME]?.bounds, JSON.stringify(inline));
    expect(inline[LATER_FRAMES]?.pixels).toBe(0);

    const background = await findColours(page, renderPdfPage(pdf, 3), colours);
    expect(background[FIRST_FRAME]?.pixels, JSON.stringify(background)).toBeGreaterThan(0.8 * 1920 * 1080);

    // A handout draws its slide copies itself, background video included.
    const handout = join(work, 'handout.pdf');
    const handoutResult = runPodium(['export', work, '--pdf', handout, '--range', '3', '--notes', 'handout', '--per-page', '1']);
    expect(handoutResult.stderr).toBe('');
    expect(handoutResult.status).toBe(0);
    const copy = (await findColours(page, renderPdfPage(handout, 1), colours))[FIRST_FRAME];
    const box = copy?.bounds;
    expect(box, JSON.stringify(copy)).toBeTruthy();
    if (!box) return;
    // The slide's whole 16:9 box, filled but for the title's letters.
    expect(box.width).toBeGreaterThan(300);
    expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
    expect(copy.pixels).toBeGreaterThan(0.8 * box.width * box.height);
  });

  test('still exports when a video cannot load: missing, behind a failing <source>, or on the web', async () => {
    // The print page waits for each video's first frame; one that never comes must not hang it.
    await writeFile(
      join(work, '01-broken.md'),
      `# Broken videos\n\n<video src="media/missing.webm"></video>\n\n<video><source src="media/missing.webm"></video>\n\n` +
        `<video src="https://example.com/video.mp4"></video>\n`,
    );
    const result = runPodium(['export', work, '--pdf', join(work, 'broken.pdf'), '--allow-missing', '--timeout', '30']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
