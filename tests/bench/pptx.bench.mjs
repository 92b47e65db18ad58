#!/usr/bin/env node
// `npm run bench -- pptx`: times `podium export --pptx` (editable text) and `--pptx --pptx-images`
// beside marp-cli's `--pptx` (one picture per slide) on the 10/100/300-slide decks of
// ../shared/bench/make-deck.mjs, as whole processes taking turns, median of RUNS (3), and checks
// each file: its slide count, and for the editable export every "Slide k / N" marker as text.
// Machines here are shared and noisy: compare within one run, as ratios, never across runs.
//
//   npm run build && npm run bench -- pptx      SIZES="10 100" RUNS=5 to change the defaults
//
// marp-cli comes from MARP_DIR (default: /tmp/anchors when anchors.sh installed it there, else
// /tmp/marp-pptx), installed there from npm if missing; it uses /usr/bin/chromium, nothing is
// downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchArgs } from './bench-args.mjs';
import JSZip from 'jszip';

const { podium, sizes, runs, fail, makeDeck } = benchArgs('pptx');
const MARP_VERSION = process.env.MARP_CLI_VERSION ?? '4.5.1';
const chrome = process.env.CHROME ?? '/usr/bin/chromium';
const marp = marpBinary();

const work = mkdtempSync(join(tmpdir(), 'podium-bench-pptx-'));
try {
  console.log(`PPTX export, whole process, median of ${runs}, tools taking turns (${new Date().toISOString()}, node ${process.version})`);
  const tools = [
    { name: 'podium', label: 'podium --pptx (editable)', run: (deck, out) => [process.execPath, [podium, 'export', deck.reveal, '--pptx', out]] },
    { name: 'podium-images', label: 'podium --pptx-images', run: (deck, out) => [process.execPath, [podium, 'export', deck.reveal, '--pptx', out, '--pptx-images']] },
    { name: 'marp', label: `marp-cli ${MARP_VERSION} --pptx`, run: (deck, out) => [marp, [deck.marp, '--pptx', '--allow-local-files', '-o', out]] },
  ];
  const results = new Map();
  for (const n of sizes) {
    const deck = { reveal: join(work, `deck-${n}.md`), marp: join(work, `marp-${n}.md`) };
    writeFileSync(deck.reveal, makeDeck(n, 'reveal'));
    writeFileSync(deck.marp, makeDeck(n, 'marp'));
    for (const tool of tools) results.set(`${tool.name}/${n}`, { seconds: [], file: join(work, `${tool.name}-${n}.pptx`), failed: '' });
    for (let run = 0; run < runs; run++) {
      for (const tool of tools) {
        const entry = results.get(`${tool.name}/${n}`);
        rmSync(entry.file, { force: true });
        const [command, args] = tool.run(deck, entry.file);
        const started = process.hrtime.bigint();
        const result = spawnSync(command, args, {
          encoding: 'utf8',
          timeout: 600_000,
          env: { ...process.env, CHROME_PATH: chrome, CHROME_NO_SANDBOX: '1', CHROME_DISABLE_GPU: '1', NO_UPDATE_NOTIFIER: '1' },
        });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (result.status !== 0 || !existsSync(entry.file)) entry.failed = `exit ${result.status ?? result.signal}: ${(result.stderr ?? '').trim().split('\n').at(-1)}`;
        else entry.seconds.push(seconds);
      }
    }
    for (const tool of tools) {
      const entry = results.get(`${tool.name}/${n}`);
      if (!entry.failed) Object.assign(entry, await check(entry.file, n, tool.name === 'podium'));
    }
  }
  console.log(row(['slides', ...tools.map((tool) => `${tool.name} s`), 'editable/marp', 'images/marp', ...tools.map((tool) => `${tool.name} KiB`)]));
  for (const n of sizes) {
    const cells = tools.map((tool) => results.get(`${tool.name}/${n}`));
    const median = (entry) => (entry.failed || entry.seconds.length === 0 ? NaN : [...entry.seconds].sort((a, b) => a - b)[Math.floor(entry.seconds.length / 2)]);
    const [editable, images, peer] = cells.map(median);
    console.log(
      row([
        n,
        ...cells.map((entry, index) => (Number.isNaN(median(entry)) ? 'failed' : [editable, images, peer][index].toFixed(2))),
        Number.isFinite(editable / peer) ? `${(editable / peer).toFixed(2)}x` : '-',
        Number.isFinite(images / peer) ? `${(images / peer).toFixed(2)}x` : '-',
        ...cells.map((entry) => (entry.bytes ? Math.round(entry.bytes / 1024) : '-')),
      ]),
    );
  }
  for (const [key, entry] of results) {
    if (entry.failed) console.log(`${key}: failed, ${entry.failed}`);
    else if (entry.problem) console.log(`${key}: ${entry.problem}`);
  }
  console.log(tools.map((tool) => `${tool.name}: ${tool.label}`).join('; '));
  console.log('(editable/marp at most 1.00x at 100 slides meets issue 18: not slower than marp-cli\'s picture export)');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The file's size, and what is wrong with it: a slide count other than `n`, markers missing from the text. */
async function check(file, n, editable) {
  const data = readFileSync(file);
  const zip = await JSZip.loadAsync(data);
  const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  const problems = [];
  if (slides.length !== n) problems.push(`${slides.length} slides, not ${n}`);
  if (editable) {
    let text = '';
    for (const name of slides) text += (await zip.file(name).async('string')).replace(/<[^>]+>/g, ' ');
    const markers = new Set(text.replace(/\s+/g, ' ').match(new RegExp(`Slide \\d+ / ${n}\\b`, 'g')) ?? []).size;
    if (markers !== n) problems.push(`${markers}/${n} "Slide k / ${n}" markers as text`);
  }
  return { bytes: statSync(file).size, problem: problems.join(', ') };
}

/** marp-cli's binary: from MARP_DIR, or anchors.sh's install, or installed from npm into /tmp/marp-pptx. */
function marpBinary() {
  const dirs = process.env.MARP_DIR ? [process.env.MARP_DIR] : ['/tmp/anchors', '/tmp/marp-pptx'];
  for (const dir of dirs) {
    const bin = join(dir, 'node_modules/.bin/marp');
    if (existsSync(bin)) return bin;
  }
  const dir = dirs.at(-1);
  console.log(`installing @marp-team/marp-cli@${MARP_VERSION} into ${dir} (no browser download)`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', `@marp-team/marp-cli@${MARP_VERSION}`], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1' },
  });
  if (installed.status !== 0) fail(`npm install of marp-cli into ${dir} failed`);
  return join(dir, 'node_modules/.bin/marp');
}

function row(cells) {
  return cells.map((cell) => String(cell).padStart(12)).join(' ');
}
