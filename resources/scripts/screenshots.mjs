// Screenshots of the ceremony deck for the README, made by the real renderer: `podium serve`
// presents slides/, Chromium shows it at 1280×720, and chosen slides are saved as PNG.
// Run with `npm run screenshots` (which builds first). Needs a Chromium-family browser:
// CHROME_PATH, else /usr/bin/chromium. Nothing is downloaded.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PODIUM = join(ROOT, 'out/cli/podium.js');
const DECK = join(ROOT, 'slides');
const OUT_DIR = join(ROOT, 'resources/screenshots');
const BROWSER = process.env.CHROME_PATH || '/usr/bin/chromium';

// Slides are chosen by title, not by index, so that adding a slide does not change the pictures.
const SHOTS = [
  { file: 'ceremony-cover.png', title: 'Paris 2024 closing ceremony' },
  { file: 'ceremony-agenda.png', title: "Tonight's programme" },
  { file: 'ceremony-venice-beach.png', title: 'Live at Venice Beach' },
];

/** Where each wanted slide is, as reveal.js's `#/h/v` hash, from `podium inspect --json`. */
function slideHashes() {
  const inspected = spawnSync(process.execPath, [PODIUM, 'inspect', DECK, '--json'], { encoding: 'utf8' });
  if (inspected.status !== 0) throw new Error(`podium inspect failed (exit ${inspected.status}): ${inspected.stderr}`);
  const { slides } = JSON.parse(inspected.stdout);
  return SHOTS.map((shot) => {
    const slide = slides.find((candidate) => candidate.title === shot.title);
    if (!slide) throw new Error(`slides/ has no slide titled "${shot.title}"`);
    return { ...shot, hash: `#/${slide.h}/${slide.v}` };
  });
}

/**
 * Starts `podium serve --remote` on a free port and resolves with the URL (and token) it prints:
 * the speaker view then shows the phone remote's QR code. The remote's port is closed with the server.
 */
function serveDeck() {
  const child = spawn(process.execPath, [PODIUM, 'serve', DECK, '--port', '0', '--remote'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onOutput = (chunk) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match && /phone remote .* at http/.test(output)) resolve({ url: match[1], child });
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('exit', (code) => reject(new Error(`podium serve exited with ${code}: ${output}`)));
  });
}

function stopServer(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

// reveal.js paints slide backgrounds as CSS background images, which data-podium-ready does not
// wait for: decode the current one before the shot, so no picture shows a background half-loaded.
const BACKGROUND_DECODED = `(async () => {
  const layer = document.querySelector('.reveal .backgrounds .slide-background.present .slide-background-content');
  const match = layer && /url\\("?(.*?)"?\\)/.exec(getComputedStyle(layer).backgroundImage);
  if (match) {
    const image = new Image();
    image.src = match[1];
    await image.decode();
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
})()`;

const SPEAKER_SHOT = { file: 'speaker-view-drawing.png', title: 'Live at Venice Beach' };

/**
 * The speaker view with a drawing on its current slide, as a presenter makes one: S in the
 * presentation, then D, and strokes dragged with the mouse (a pen loop, a highlighter line, an
 * arrow); the timer started, and the phone remote's panel open with its QR code.
 */
async function speakerViewShot(browser, url, hash) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const presentation = await context.newPage();
  await presentation.goto(`${url}${hash}`);
  await presentation.locator('html[data-podium-ready]').waitFor({ state: 'attached' });
  const [speaker] = await Promise.all([presentation.waitForEvent('popup'), presentation.keyboard.press('s')]);
  await speaker.setViewportSize({ width: 1280, height: 800 });
  await speaker.locator('.speaker-current-slide svg.podium-drawing').waitFor();
  await speaker.evaluate(BACKGROUND_DECODED);
  const box = await speaker.locator('.speaker-current-slide svg.podium-drawing').boundingBox();
  const at = (x, y) => [box.x + x * box.width, box.y + y * box.height];
  const drag = async (points) => {
    await speaker.mouse.move(...at(...points[0]));
    await speaker.mouse.down();
    for (const point of points.slice(1)) await speaker.mouse.move(...at(...point), { steps: 4 });
    await speaker.mouse.up();
  };
  await speaker.keyboard.press('d');
  const loop = Array.from({ length: 25 }, (_, index) => {
    const angle = (index / 24) * 2.1 * Math.PI;
    return [0.5 + 0.22 * Math.cos(angle), 0.2 + 0.1 * Math.sin(angle)];
  });
  await drag(loop);
  await speaker.keyboard.press('m');
  await speaker.keyboard.press('4');
  await drag([[0.2, 0.62], [0.8, 0.62]]);
  await speaker.keyboard.press('a');
  await speaker.keyboard.press('3');
  await drag([[0.15, 0.9], [0.3, 0.72]]);
  await presentation.locator('.reveal > .slides > svg.podium-drawing path[data-stroke]').nth(2).waitFor({ state: 'attached' });
  await speaker.locator('.speaker-pause').click();
  await speaker.locator('.speaker-remote-panel canvas.speaker-remote-qr').waitFor();
  await speaker.locator('.speaker-elapsed', { hasText: '0:03' }).waitFor();
  const path = join(OUT_DIR, SPEAKER_SHOT.file);
  await writeAtomically(path, await speaker.screenshot({ type: 'png' }));
  await context.close();
  console.log(`screenshots: speaker view on ${hash} with a drawing and the remote's QR code -> ${join('resources/screenshots', SPEAKER_SHOT.file)}`);
}

/** Writes beside the target, then renames: a failed run never leaves a half-written PNG. */
async function writeAtomically(path, data) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

async function main() {
  const shots = slideHashes();
  await mkdir(OUT_DIR, { recursive: true });
  const { url, child } = await serveDeck();
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: BROWSER,
      args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    for (const shot of shots) {
      // A fresh page per shot: a hash change on a loaded page would run reveal's transition.
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
      await page.goto(`${url}${shot.hash}`);
      await page.locator('html[data-podium-ready]').waitFor({ state: 'attached' });
      await page.evaluate(BACKGROUND_DECODED);
      // reveal.js fades the first slide and its background in and slides the progress bar along;
      // its controls' hint keeps bouncing, so only transitions count.
      await page.waitForFunction(() =>
        document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
      );
      const path = join(OUT_DIR, shot.file);
      await writeAtomically(path, await page.screenshot({ type: 'png' }));
      await page.close();
      console.log(`screenshots: ${shot.hash} "${shot.title}" -> ${join('resources/screenshots', shot.file)}`);
    }
    const speakerSlide = shots.find((shot) => shot.title === SPEAKER_SHOT.title);
    await speakerViewShot(browser, url, speakerSlide.hash);
  } finally {
    await browser?.close();
    await stopServer(child);
  }
}

main().catch((error) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
