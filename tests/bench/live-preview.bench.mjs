#!/usr/bin/env node
// Live preview latency in Chromium through serve mode, on the ceremony deck and a generated 500-slide
// deck, 100 edits each:
//   (a) disk -> DOM: a segment file rewritten on disk until the presentation's DOM shows the edit
//       (and whether it stayed on the slide it showed);
//   (b) keystroke -> preview: text typed in the edit view's editor until its preview shows it.
// Goals: (a) p95 under 100 ms, (b) p95 under 50 ms. `EDITS=N` changes the count.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServe, summary } from './serve-support.mjs';

const root = join(import.meta.dirname, '../..');
const makeDeck = join(root, '../shared/bench/make-deck.mjs');
const edits = Number(process.env.EDITS ?? 100);
const GAP_MS = 150;
const browserPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The value of `promise`, or null after `ms`: an edit that never shows is counted, not waited for. */
const within = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(null), ms))]);


/** Resolves with the epoch time at which `token` first appears in the page's DOM. */
const WATCH_SCRIPT = `window.__podiumSeen = (token) => new Promise((resolve) => {
  const seen = () => document.querySelector('.reveal')?.textContent.includes(token);
  if (seen()) return resolve(performance.timeOrigin + performance.now());
  const observer = new MutationObserver(() => {
    if (seen()) { observer.disconnect(); resolve(performance.timeOrigin + performance.now()); }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
});
// A script whose value is a function would be called by page.evaluate: end on a plain value.
undefined;`;

async function diskToDom(browser, deckDir, file, slideHash) {
  const serve = await startServe(deckDir);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('crash', () => console.error('page crashed'));
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${serve.url}#${slideHash}`);
    await page.waitForSelector('html[data-podium-ready]', { state: 'attached' });
    await page.evaluate(WATCH_SCRIPT);
    const before = await page.evaluate('JSON.stringify(Reveal.getIndices())');
    const original = readFileSync(join(deckDir, file), 'utf8');
    const times = [];
    let kept = 0;
    let missed = 0;
    for (let i = 0; i < edits; i++) {
      const token = `edit${i}x${Date.now()}`;
      const seen = page.evaluate(`window.__podiumSeen(${JSON.stringify(token)})`);
      // A failure below must not leave this promise to reject unheard once the page closes.
      seen.catch(() => undefined);
      const start = Date.now();
      writeFileSync(join(deckDir, file), `${original}\n\nToken ${token}\n`);
      const shownAt = await within(seen, 3000);
      if (shownAt === null) missed++;
      else times.push(shownAt - start);
      if ((await page.evaluate('JSON.stringify(Reveal.getIndices())')) === before) kept++;
      // Editors save seconds apart; a pause lets each reload finish as it would for a person.
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    await page.close();
    return { times, kept, missed };
  } finally {
    serve.stop();
  }
}

async function keystrokeToPreview(browser, deckDir, segmentIndex) {
  const serve = await startServe(deckDir);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    await page.goto(`${serve.url}&view=edit`);
    await page.waitForSelector('.cm-editor');
    await page.click(`.podium-segments li:nth-child(${segmentIndex + 1})`);
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.evaluate(WATCH_SCRIPT);
    await page.evaluate(`document.addEventListener('beforeinput', () => { window.__podiumTyped = performance.timeOrigin + performance.now(); }, true); undefined`);
    const times = [];
    let missedKeys = 0;
    for (let i = 0; i < edits; i++) {
      const token = ` k${i}q`;
      // The observer is in place before the keystroke is sent, so no sighting can be missed.
      await page.evaluate(`(() => { const p = document.querySelector('.podium-edit-stage');
        window.__podiumShown = new Promise((resolve) => {
          const check = () => p.textContent.includes(${JSON.stringify(token.trim())});
          const o = new MutationObserver(() => { if (check()) { o.disconnect(); resolve(performance.timeOrigin + performance.now()); } });
          o.observe(p, { subtree: true, childList: true, characterData: true });
        }); })(); undefined`);
      await page.keyboard.insertText(token);
      const shown = await within(page.evaluate('window.__podiumShown'), 3000);
      if (shown === null) missedKeys++;
      else times.push(shown - (await page.evaluate('window.__podiumTyped')));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await page.close();
    return { times, missed: missedKeys };
  } finally {
    serve.stop();
  }
}

const work = mkdtempSync(join(tmpdir(), 'podium-live-bench-'));
const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
try {
  const ceremony = join(work, 'ceremony');
  cpSync(join(root, 'slides'), ceremony, { recursive: true });
  const generated = join(work, 'generated');
  execFileSync(process.execPath, [makeDeck, '500', 'reveal', '--split', join(work, 'split')], { stdio: ['ignore', 'ignore', 'inherit'] });
  cpSync(join(work, 'split'), generated, { recursive: true });
  rmSync(join(generated, 'index.json'), { force: true });

  console.log(`live preview, ${edits} edits each (goals: disk->DOM p95 < 100 ms, keystroke->preview p95 < 50 ms)`);
  console.log('| deck | disk -> DOM | stayed on slide | keystroke -> preview |');
  console.log('|---|---|---|---|');
  for (const [name, dir, file, hash, segment] of [
    ['ceremony', ceremony, '04-the-record.md', '/9', 3],
    ['generated 500 slides', generated, 'slide-0250.md', '/249', 249],
  ]) {
    const disk = await diskToDom(browser, dir, file, hash);
    const typed = await keystrokeToPreview(browser, dir, segment);
    console.log(
      `| ${name} | ${summary(disk.times)}, ${disk.missed} missed | ${disk.kept}/${edits} | ` +
        `${summary(typed.times)}, ${typed.missed} missed |`,
    );
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
