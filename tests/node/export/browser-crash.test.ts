import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/shared/export/export-options';
import { exportPdf, type ExportPhase } from '../../../src/node/export/export-pdf';
import { REPO_ROOT } from '../../support/podium-cli';

/**
 * Chromium dies under a running export, the whole browser or only the page's renderer: the export
 * fails with an error that says so (not a timeout), and nothing is left at the output path.
 */
const RENDERER_DIR = join(REPO_ROOT, 'out/renderer');

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podium-crash-'));
  const slides = Array.from({ length: 60 }, (_, index) => `# Slide ${index + 1}\n\nText of slide ${index + 1}.`);
  await writeFile(join(dir, 'deck.md'), slides.join('\n\n---\n\n'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** This process's descendants, with their command lines. */
function descendants(): { pid: number; args: string }[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] as string }));
  const found = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (found.has(row.ppid) && !found.has(row.pid)) {
        found.add(row.pid);
        grew = true;
      }
    }
  }
  return rows.filter((row) => row.pid !== process.pid && found.has(row.pid));
}

/** Exports `deck.md`, killing the processes `victims` picks once the export reaches `phase`. */
async function exportKilling(phase: ExportPhase, victims: (processes: { pid: number; args: string }[]) => number[]): Promise<unknown> {
  const output = join(dir, 'deck.pdf');
  let killed: number[] = [];
  const exporting = exportPdf({
    deckPath: join(dir, 'deck.md'),
    output,
    rendererDir: RENDERER_DIR,
    options: { ...DEFAULT_EXPORT_OPTIONS, timeoutMs: 60_000 },
    onProgress: (progress) => {
      if (progress.phase !== phase || killed.length > 0) return;
      killed = victims(descendants().filter((row) => /chrom/.test(row.args)));
      for (const pid of killed) process.kill(pid, 'SIGKILL');
    },
  });
  const error = await exporting.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(killed.length).toBeGreaterThan(0);
  expect(await readdir(dir)).toEqual(['deck.md']);
  return error;
}

describe('an export whose browser crashes', () => {
  it('fails with "the browser exited" and writes nothing when the browser dies while laying out', async () => {
    const error = await exportKilling('rendering', (chromium) =>
      chromium.filter((row) => !row.args.includes('--type=')).map((row) => row.pid),
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/the browser (has )?exited/);
  });

  it('fails with "the page crashed" and writes nothing when the renderer dies while printing', async () => {
    const error = await exportKilling('printing', (chromium) =>
      chromium.filter((row) => row.args.includes('--type=renderer') && !row.args.includes('--top-chrome-webui')).map((row) => row.pid),
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/crashed/);
    expect((error as Error).message).not.toMatch(/timed out/);
  });
});
