import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { toneWav } from '../support/tone-wav';

export const TONE_SECONDS = 30;

/**
 * Three slides: a tone to play and seek on the first, one that reveal.js starts by itself
 * (`data-autoplay`) on the second, and a background video on the third. The background is a WAV
 * too: a `<video>` plays an audio-only file, and reveal.js treats it as any background video.
 */
const SEGMENT = `# Listen

<audio id="tone" src="media/tone.wav" controls preload="auto" loop></audio>

---

# Autoplay

<audio id="autoplayed" src="media/tone.wav" data-autoplay loop></audio>

---

<!-- .slide: data-background-video="media/tone.wav" -->

# Background
`;

/** A media element's state, read in the page (this file is type-checked without the DOM's types). */
export interface MediaState {
  paused: boolean;
  currentTime: number;
  duration: number;
  seekableEnd: number;
}

/** `null` while the element is not there yet: reveal.js makes a background's `<video>` when its slide nears. */
export function mediaState(page: Page, selector: string): Promise<MediaState | null> {
  return page.evaluate(`(() => {
    const media = document.querySelector(${JSON.stringify(selector)});
    if (!media) return null;
    const seekable = media.seekable;
    return {
      paused: media.paused,
      currentTime: media.currentTime,
      duration: media.duration,
      seekableEnd: seekable.length ? seekable.end(seekable.length - 1) : 0,
    };
  })()`) as Promise<MediaState>;
}

/** Writes the three-slide deck above, with a WAV of TONE_SECONDS, into `folder`. */
export async function writeMediaDeck(folder: string): Promise<void> {
  await mkdir(join(folder, 'media'), { recursive: true });
  await writeFile(join(folder, 'media', 'tone.wav'), toneWav(TONE_SECONDS));
  await writeFile(join(folder, '01-media.md'), SEGMENT);
}

/** Seeks `selector` to `target` seconds and answers where the `seeked` event found it. */
export function seek(page: Page, selector: string, target: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const media = document.querySelector(${JSON.stringify(selector)});
    media.addEventListener('seeked', () => resolve(media.currentTime), { once: true });
    media.currentTime = ${target};
  })`) as Promise<number>;
}
