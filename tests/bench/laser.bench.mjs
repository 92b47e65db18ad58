#!/usr/bin/env node
// Laser pointer latency in Chromium through serve mode, on the ceremony deck: a mouse moves over
// the speaker view's current slide with the laser on (L), MOVES pointer moves at 60 a second (sent
// by the page itself, as a mouse's would arrive: Playwright's own mouse, one CDP round trip a move,
// manages fewer than 30 a second on a loaded machine);
// for each move, the time from the pointer event in the speaker view to the laser dot at that spot
// in (a) the audience window (a second page of the same browser: BroadcastChannel) and (b) a
// follower (another browser context: the server's event stream). Also how many dot updates a
// second each page showed. Goals: p95 under 50 ms to the audience window, at least 30 updates a second.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServe, summary } from './serve-support.mjs';

const root = join(import.meta.dirname, '../..');
const moves = Number(process.env.MOVES ?? 300);
const MOVE_GAP_MS = 16;
const browserPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';


// Records, by its cx, when each laser dot first shows on this page (epoch ms).
const WATCH_DOTS = `(() => {
  window.__dots = new Map();
  const svg = document.querySelector('.reveal > .slides > svg.podium-drawing');
  new MutationObserver(() => {
    const dot = svg.querySelector('circle.podium-laser-dot');
    const cx = dot?.getAttribute('cx');
    if (cx && !window.__dots.has(cx)) window.__dots.set(cx, performance.timeOrigin + performance.now());
  }).observe(svg, { subtree: true, childList: true, attributes: true });
})(); undefined`;

// Records, by the cx the overlay will give it, when each pointer move reached the speaker view (epoch ms).
// \`__sweep(count, gap)\` moves the pointer across the slide, one pixel further each move.
const WATCH_MOVES = `(() => {
  window.__moves = new Map();
  const svg = document.querySelector('.speaker-current-slide svg.podium-drawing');
  const width = svg.viewBox.baseVal.width;
  document.addEventListener('pointermove', (event) => {
    const box = svg.getBoundingClientRect();
    const cx = (((event.clientX - box.left) / box.width) * width).toFixed(1);
    if (!window.__moves.has(cx)) window.__moves.set(cx, performance.timeOrigin + performance.now());
  }, true);
  window.__sweep = (count, gap) => new Promise((resolve) => {
    const box = svg.getBoundingClientRect();
    let index = 0;
    const timer = setInterval(() => {
      const clientX = box.left + box.width * 0.1 + (index % Math.floor(box.width * 0.8));
      const clientY = box.top + box.height * (0.3 + 0.4 * Math.sin(index / 20) ** 2);
      svg.dispatchEvent(new PointerEvent('pointermove', { clientX, clientY, pointerType: 'mouse', pointerId: 1, bubbles: true }));
      if (++index >= count) {
        clearInterval(timer);
        resolve();
      }
    }, gap);
  });
})(); undefined`;

const work = mkdtempSync(join(tmpdir(), 'podium-laser-bench-'));
const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
const deck = join(work, 'ceremony');
cpSync(join(root, 'slides'), deck, { recursive: true });
const serve = await startServe(deck);
try {
  const presenterContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const audience = await presenterContext.newPage();
  await audience.goto(serve.url);
  await audience.waitForSelector('html[data-podium-ready]', { state: 'attached' });
  const [speaker] = await Promise.all([audience.waitForEvent('popup'), audience.keyboard.press('s')]);
  await speaker.setViewportSize({ width: 1280, height: 800 });
  await speaker.waitForSelector('.speaker-current-slide svg.podium-drawing');
  const followerContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const follower = await followerContext.newPage();
  await follower.goto(serve.followUrl);
  await follower.waitForSelector('html[data-podium-ready]', { state: 'attached' });
  for (const page of [audience, follower]) await page.evaluate(WATCH_DOTS);
  await speaker.evaluate(WATCH_MOVES);
  await speaker.keyboard.press('l');

  const started = Date.now();
  await speaker.evaluate(`window.__sweep(${moves}, ${MOVE_GAP_MS})`);
  // The last points have a few frames to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const sent = new Map(await speaker.evaluate('[...window.__moves]'));
  const seconds = (Date.now() - started - 300) / 1000;

  console.log(`laser pointer, ${moves} mouse moves over ${seconds.toFixed(1)} s (${(sent.size / seconds).toFixed(0)} moves/s reached the speaker view)`);
  console.log('goals: speaker view -> audience window p95 < 50 ms, >= 30 updates/s');
  console.log('| to | latency (moves shown) | updates/s | moves coalesced away |');
  console.log('|---|---|---|---|');
  for (const [name, page] of [['audience window (BroadcastChannel)', audience], ['follower (server event stream)', follower]]) {
    const shown = new Map(await page.evaluate('[...window.__dots]'));
    const latencies = [];
    for (const [cx, at] of shown) if (sent.has(cx)) latencies.push(at - sent.get(cx));
    console.log(`| ${name} | ${summary(latencies)} (${latencies.length}) | ${(shown.size / seconds).toFixed(0)} | ${sent.size - latencies.length} |`);
  }
  await presenterContext.close();
  await followerContext.close();
} finally {
  serve.stop();
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
